import type { Role, Scope } from "./permissions";

/**
 * Who is acting. A user acts through a browser session or through one of their API tokens
 * (then limited to the token's scopes). The system actor is the operator at the command line
 * or the demo seed: someone who already holds the database, so no role check applies to it.
 * Anonymous is whoever is trying to sign in: it may do nothing but that.
 */
export type Actor =
  | { kind: "user"; userId: string; email: string; name: string; roles: Role[]; token?: { id: string; scopes: Scope[] } }
  | { kind: "system"; name: string }
  | { kind: "anonymous" };

/** Request facts copied into every audit event. */
export type RequestMeta = { requestId: string | null; ip: string | null; userAgent: string | null };

export function actorEmail(actor: Actor): string {
  if (actor.kind === "user") return actor.email;
  return actor.kind === "system" ? `system:${actor.name}` : "anonymous";
}

/** The roles a user holds right now: auditor access lapses by itself at its expiry. */
export function effectiveRoles(roles: readonly string[], auditorExpiresAt: Date | null, now = new Date()): Role[] {
  return roles.filter((r): r is Role => {
    if (r === "auditor" && auditorExpiresAt && auditorExpiresAt.getTime() <= now.getTime()) return false;
    return r === "admin" || r === "model_owner" || r === "compliance_officer" || r === "auditor";
  });
}
