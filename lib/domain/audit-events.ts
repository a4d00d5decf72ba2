import { z } from "zod";

/**
 * Every action the audit log knows, each with the shape of its data. Events are validated on
 * write, and on read by the audit page: stored JSON that no longer parses is an error, not a blank.
 */
const roles = z.array(z.string());
const isoOrNull = z.string().nullable();

const event = <A extends string, E extends string, D extends z.ZodType>(action: A, entityType: E, data: D) =>
  z.object({ action: z.literal(action), entityType: z.literal(entityType), entityId: z.string().nullable(), data });

export const ZAuditEventInputSchema = z.discriminatedUnion("action", [
  event("auth.login_succeeded", "user", z.object({ email: z.string() })),
  event("auth.login_failed", "user", z.object({ email: z.string(), reason: z.enum(["bad_credentials", "throttled", "inactive"]) })),
  event("auth.logged_out", "user", z.object({ email: z.string() })),
  event("user.created", "user", z.object({ email: z.string(), name: z.string(), roles, auditorExpiresAt: isoOrNull, via: z.enum(["admin", "cli", "seed"]) })),
  event("user.roles_changed", "user", z.object({ email: z.string(), before: roles, after: roles })),
  event("user.auditor_expiry_changed", "user", z.object({ email: z.string(), before: isoOrNull, after: isoOrNull })),
  event("user.password_changed", "user", z.object({ email: z.string() })),
  event("user.deactivated", "user", z.object({ email: z.string() })),
  event("user.reactivated", "user", z.object({ email: z.string() })),
  event("token.created", "api_token", z.object({ name: z.string(), ownerEmail: z.string(), scopes: z.array(z.string()), prefix: z.string(), expiresAt: isoOrNull })),
  event("token.revoked", "api_token", z.object({ name: z.string(), ownerEmail: z.string() })),
  event("audit.exported", "audit_log", z.object({ format: z.enum(["jsonl", "csv"]), filters: z.record(z.string(), z.string()), count: z.number().int(), throughSeq: z.number().int() })),
  event("model.created", "model", z.object({ slug: z.string(), name: z.string(), ownerEmail: z.string(), businessUnit: z.string(), tags: z.array(z.string()) })),
  event("model.updated", "model", z.object({ slug: z.string(), changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })) })),
  event("model_version.created", "model_version", z.object({
    slug: z.string(), version: z.string(), artifactUri: z.string().nullable(), framework: z.string().nullable(), experimentRef: z.string().nullable(),
    datasets: z.array(z.string()), copiedCardFrom: z.object({ version: z.string(), revision: z.number() }).nullable(),
  })),
  event("model_card.saved", "model_version", z.object({
    slug: z.string(), version: z.string(), revision: z.number().int(), contentHash: z.string(), changedFields: z.array(z.string()), summary: z.string(),
    source: z.enum(["editor", "api", "huggingface", "copy"]),
    // The classification the save put back under review (intended purpose or deployment context changed).
    classificationNeedsReview: z.string().nullable().optional(),
  })),
  event("risk.proposed", "risk_classification", z.object({ slug: z.string(), rulesetVersion: z.string(), tier: z.string(), legalBasis: z.array(z.string()) })),
  event("risk.confirmed", "risk_classification", z.object({ slug: z.string(), tier: z.string(), obligationsAdded: z.array(z.string()), obligationsNoLongerApplicable: z.array(z.string()) })),
  event("risk.overridden", "risk_classification", z.object({
    slug: z.string(), computedTier: z.string(), tier: z.string(), justification: z.string(), obligationsAdded: z.array(z.string()), obligationsNoLongerApplicable: z.array(z.string()),
  })),
  event("obligation.updated", "obligation", z.object({ slug: z.string(), article: z.string(), changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })) })),
  event("obligation.evidence_added", "obligation", z.object({
    slug: z.string(), article: z.string(), evidenceId: z.string(), kind: z.enum(["note", "link", "file"]), fileName: z.string().nullable(), sha256: z.string().nullable(), url: z.string().nullable(),
  })),
  event("evidence.downloaded", "obligation", z.object({ slug: z.string(), article: z.string(), evidenceId: z.string(), fileName: z.string().nullable(), sha256: z.string().nullable() })),
]);

export type TAuditEventInput = z.infer<typeof ZAuditEventInputSchema>;
export type TAuditAction = TAuditEventInput["action"];
export const AUDIT_ACTIONS = ZAuditEventInputSchema.options.map((o) => o.shape.action.value) as TAuditAction[];

/** Human wording for the audit page. */
export const AUDIT_ACTION_LABELS: Record<TAuditAction, string> = {
  "auth.login_succeeded": "Signed in",
  "auth.login_failed": "Sign-in failed",
  "auth.logged_out": "Signed out",
  "user.created": "User created",
  "user.roles_changed": "Roles changed",
  "user.auditor_expiry_changed": "Auditor expiry changed",
  "user.password_changed": "Password changed",
  "user.deactivated": "User deactivated",
  "user.reactivated": "User reactivated",
  "token.created": "API token created",
  "token.revoked": "API token revoked",
  "audit.exported": "Audit log exported",
  "model.created": "Model registered",
  "model.updated": "Model details changed",
  "model_version.created": "Version created",
  "model_card.saved": "Model card saved",
  "risk.proposed": "Classification proposed",
  "risk.confirmed": "Classification confirmed",
  "risk.overridden": "Classification overridden",
  "obligation.updated": "Obligation updated",
  "obligation.evidence_added": "Evidence added",
  "evidence.downloaded": "Evidence downloaded",
};
