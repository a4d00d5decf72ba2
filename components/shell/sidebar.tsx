"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "@/components/ui/cx";
import { Logo } from "@/components/ui/logo";
import { Icon } from "./icons";
import type { NavItem } from "./nav";

export function Sidebar({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const link = (item: NavItem) => {
    const active = pathname === item.href || pathname.startsWith(item.href + "/");
    return (
      <li key={item.href}>
        <Link
          href={item.href}
          aria-current={active ? "page" : undefined}
          className={cx(
            "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors",
            active ? "bg-white/15 text-white" : "text-indigo-100 hover:bg-white/10 hover:text-white",
          )}
        >
          <Icon name={item.icon} />
          {item.label}
        </Link>
      </li>
    );
  };
  const admin = items.filter((i) => i.section === "admin");
  return (
    // The page's brand-blue focus ring would be all but invisible on this dark blue: white here.
    <nav aria-label="Main" className="flex h-full flex-col gap-6 px-3 py-5 [&_a:focus-visible]:outline-white">
      <Link href="/dashboard" className="flex items-center gap-2.5 px-3 text-white">
        <Logo />
        <span className="text-lg font-semibold tracking-tight">Attest</span>
      </Link>
      <ul className="space-y-1">{items.filter((i) => i.section === "work").map(link)}</ul>
      {admin.length > 0 && (
        <div>
          <p className="px-3 pb-2 text-xs font-semibold uppercase tracking-wider text-indigo-300">Administration</p>
          <ul className="space-y-1">{admin.map(link)}</ul>
        </div>
      )}
    </nav>
  );
}
