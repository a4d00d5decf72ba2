/**
 * Who may do what: the single table the services, the route wrappers, the navigation and the
 * permission-matrix test all read. A role grants a permission; an API token additionally needs
 * the permission's scope (permissions with scope null cannot be used with a token at all).
 */
export const ROLES = ["admin", "model_owner", "compliance_officer", "auditor"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  model_owner: "Model owner",
  compliance_officer: "Compliance officer",
  auditor: "Auditor",
};

export const SCOPES = [
  "models:read",
  "models:write",
  "evaluations:write",
  "gate:read",
  "deployments:write",
  "reports:read",
  "audit:read",
] as const;
export type Scope = (typeof SCOPES)[number];

type PermissionRule = { roles: readonly Role[]; scope: Scope | null; description: string };

const EVERYONE = ROLES;

export const PERMISSIONS = {
  "users.manage": { roles: ["admin"], scope: null, description: "Create users, change roles and auditor expiry, deactivate and reactivate" },
  "tokens.manage": { roles: ["admin"], scope: null, description: "Issue API tokens for any user, list and revoke them" },
  "settings.manage": { roles: ["admin"], scope: null, description: "Change policy thresholds" },
  "webhooks.manage": { roles: ["admin"], scope: null, description: "Configure outgoing webhooks, rotate their secrets, read and retry their deliveries" },
  "audit.read": { roles: ["admin", "compliance_officer", "auditor"], scope: "audit:read", description: "Read and verify the audit log" },
  "audit.export": { roles: ["admin", "compliance_officer", "auditor"], scope: "audit:read", description: "Download audit log exports" },
  "models.read": { roles: EVERYONE, scope: "models:read", description: "Read the model inventory, cards and evidence" },
  "models.write": { roles: ["model_owner"], scope: "models:write", description: "Register models and versions, edit cards of models one owns or maintains" },
  "risk.propose": { roles: ["model_owner", "compliance_officer"], scope: "models:write", description: "Propose a risk classification" },
  "risk.decide": { roles: ["compliance_officer"], scope: null, description: "Confirm or override a risk classification" },
  "obligations.write": { roles: ["model_owner", "compliance_officer"], scope: "models:write", description: "Update obligations and their evidence" },
  "evaluations.write": { roles: ["model_owner"], scope: "evaluations:write", description: "Upload evaluations for versions one owns or maintains" },
  "evaluations.waive": { roles: ["compliance_officer"], scope: null, description: "Waive a failing evaluation with a justification" },
  "reviews.submit": { roles: ["model_owner"], scope: "models:write", description: "Submit a version for review" },
  "reviews.decide": { roles: ["compliance_officer"], scope: null, description: "Approve, reject or request changes" },
  "reviews.comment": { roles: ["compliance_officer"], scope: null, description: "Comment on a card field of a version under review" },
  "reviews.respond": { roles: ["model_owner", "compliance_officer"], scope: null, description: "Answer and resolve review comments (owners and maintainers of the model, or the comment's author)" },
  "reviews.start_periodic": { roles: ["model_owner", "compliance_officer"], scope: null, description: "Start the periodic re-review of an approved or deployed version (officers, or the model's owner and maintainers)" },
  "gate.read": { roles: EVERYONE, scope: "gate:read", description: "Ask whether a version may be deployed" },
  "deployments.write": { roles: ["model_owner"], scope: "deployments:write", description: "Record deployments and retire versions" },
  "reports.read": { roles: EVERYONE, scope: "reports:read", description: "Download documentation and reports, verify issued documents" },
  "notifications.read": { roles: EVERYONE, scope: null, description: "Read one's own in-app notifications and mark them read" },
} as const satisfies Record<string, PermissionRule>;

export type Permission = keyof typeof PERMISSIONS;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/** Does any of these roles grant the permission (and, for a token, does it carry the scope)? */
export function allows(roles: readonly Role[], permission: Permission, tokenScopes?: readonly Scope[]): boolean {
  const rule: PermissionRule = PERMISSIONS[permission];
  if (!roles.some((r) => rule.roles.includes(r))) return false;
  if (tokenScopes === undefined) return true;
  return rule.scope !== null && tokenScopes.includes(rule.scope);
}
