import { allows, type Permission, type Role } from "@/lib/auth/permissions";

export type NavItem = { href: string; label: string; icon: keyof typeof import("./icons").ICONS; permission: Permission | null; section: "work" | "admin" };

/** The navigation, each entry gated by the same permission the page and its routes check. */
export const NAV: NavItem[] = [
  { href: "/dashboard", label: "Dashboard", icon: "home", permission: null, section: "work" },
  { href: "/workspace", label: "Auditor workspace", icon: "folder", permission: "audit.read", section: "work" },
  { href: "/models", label: "Models", icon: "cube", permission: "models.read", section: "work" },
  { href: "/reviews", label: "Reviews", icon: "inbox", permission: "reviews.decide", section: "work" },
  { href: "/coverage", label: "Coverage", icon: "chart", permission: "models.read", section: "work" },
  { href: "/audit", label: "Audit log", icon: "shield", permission: "audit.read", section: "work" },
  { href: "/documents/verify", label: "Verify a document", icon: "seal", permission: "reports.read", section: "work" },
  { href: "/admin/users", label: "Users", icon: "users", permission: "users.manage", section: "admin" },
  { href: "/admin/tokens", label: "API tokens", icon: "key", permission: "tokens.manage", section: "admin" },
  { href: "/admin/policy", label: "Policy", icon: "sliders", permission: "settings.manage", section: "admin" },
  { href: "/admin/webhooks", label: "Webhooks", icon: "bolt", permission: "webhooks.manage", section: "admin" },
];

export function navFor(roles: readonly Role[]): NavItem[] {
  return NAV.filter((item) => item.permission === null || allows(roles, item.permission));
}
