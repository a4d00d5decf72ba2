import { z } from "zod";

/**
 * Every action the audit log knows, each with the shape of its data. Events are validated on
 * write, and on read by the audit page: stored JSON that no longer parses is an error, not a blank.
 */
const roles = z.array(z.string());
const isoOrNull = z.string().nullable();
const webhookReceiver = z.object({ origin: z.string(), urlSha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict();

/** Approvals a change to the dossier invalidated: recorded in that change's own event. */
const invalidatedApprovals = z
  .array(z.object({ approvalId: z.string(), version: z.string(), approverEmail: z.string(), change: z.string(), stageBefore: z.string(), stageAfter: z.string() }))
  .optional();

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
  event("report.inventory_exported", "model_inventory", z.object({ format: z.literal("csv"), count: z.number().int() })),
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
    invalidatedApprovals,
  })),
  event("risk.proposed", "risk_classification", z.object({ slug: z.string(), rulesetVersion: z.string(), tier: z.string(), legalBasis: z.array(z.string()) })),
  event("risk.confirmed", "risk_classification", z.object({ slug: z.string(), tier: z.string(), obligationsAdded: z.array(z.string()), obligationsNoLongerApplicable: z.array(z.string()), invalidatedApprovals })),
  event("risk.overridden", "risk_classification", z.object({
    slug: z.string(), computedTier: z.string(), tier: z.string(), justification: z.string(), obligationsAdded: z.array(z.string()), obligationsNoLongerApplicable: z.array(z.string()), invalidatedApprovals,
  })),
  event("obligation.updated", "obligation", z.object({ slug: z.string(), article: z.string(), changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })), invalidatedApprovals })),
  event("obligation.evidence_added", "obligation", z.object({
    slug: z.string(), article: z.string(), evidenceId: z.string(), kind: z.enum(["note", "link", "file"]), fileName: z.string().nullable(), sha256: z.string().nullable(), url: z.string().nullable(), invalidatedApprovals,
  })),
  event("evidence.downloaded", "obligation", z.object({ slug: z.string(), article: z.string(), evidenceId: z.string(), fileName: z.string().nullable(), sha256: z.string().nullable() })),
  event("evaluation.created", "evaluation", z.object({
    slug: z.string(), version: z.string(), name: z.string(), source: z.enum(["csv", "counts"]), inputSha256: z.string(), rows: z.number().int(), result: z.enum(["pass", "fail"]), invalidatedApprovals,
  })),
  event("evaluation.waived", "evaluation", z.object({ slug: z.string(), version: z.string(), name: z.string(), justification: z.string(), expiresAt: z.string(), invalidatedApprovals })),
  event("policy.fairness_thresholds_changed", "policy", z.object({ before: z.unknown(), after: z.unknown() })),
  event("policy.approval_policy_changed", "policy", z.object({ before: z.unknown(), after: z.unknown() })),
  event("review.submitted", "model_version", z.object({ slug: z.string(), version: z.string(), reviewRequestId: z.string(), dossierHash: z.string(), tier: z.string().nullable() })),
  ...(["review.approved", "review.changes_requested", "review.rejected"] as const).map((action) =>
    event(action, "model_version", z.object({
      slug: z.string(), version: z.string(), reviewRequestId: z.string(), decisionId: z.string(), dossierHash: z.string(), comment: z.string(),
      approvalsValid: z.number().int(), required: z.number().int().nullable(), stageBefore: z.string(), stageAfter: z.string(), nextReviewDue: isoOrNull,
    })),
  ),
  event("review.periodic_started", "model_version", z.object({ slug: z.string(), version: z.string(), reviewRequestId: z.string(), dossierHash: z.string(), tier: z.string().nullable(), nextReviewDue: isoOrNull })),
  event("review.comment_added", "review_comment", z.object({ slug: z.string(), version: z.string(), commentId: z.string(), fieldPath: z.string(), reviewRequestId: z.string().nullable(), body: z.string() })),
  event("review.comment_replied", "review_comment", z.object({ slug: z.string(), version: z.string(), commentId: z.string(), threadId: z.string(), fieldPath: z.string(), body: z.string() })),
  event("review.comment_resolved", "review_comment", z.object({ slug: z.string(), version: z.string(), threadId: z.string(), fieldPath: z.string(), threadAuthorEmail: z.string() })),
  event("version.deployed", "model_version", z.object({
    slug: z.string(), version: z.string(), deploymentId: z.string(), environment: z.string(), strategy: z.string(), tokenId: z.string().nullable(), dossierHash: z.string(), stageBefore: z.string(),
  })),
  event("version.retired", "model_version", z.object({ slug: z.string(), version: z.string(), reason: z.string(), stageBefore: z.string(), leftServiceAt: z.string(), retentionUntil: z.string() })),
  // Webhooks: the signing secret never appears in an event, only whether the admin supplied it; nor
  // does the URL, whose path or query may be a capability: only its origin and the SHA-256 of the
  // whole URL (enough to tell whether two events name the same one). The admin page shows it whole.
  event("webhook.created", "webhook", z.object({ receiver: webhookReceiver, description: z.string(), events: z.array(z.string()), secretSupplied: z.boolean() })),
  event("webhook.updated", "webhook", z.object({ receiver: webhookReceiver, changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })) })),
  event("webhook.secret_rotated", "webhook", z.object({ receiver: webhookReceiver, secretSupplied: z.boolean() })),
  event("webhook.deactivated", "webhook", z.object({ receiver: webhookReceiver })),
  event("webhook.redelivered", "webhook", z.object({ receiver: webhookReceiver, deliveryId: z.string(), eventType: z.string(), attempts: z.number().int() })),
  event("webhook.pinged", "webhook", z.object({ receiver: webhookReceiver, deliveryId: z.string() })),
  event("document.issued", "issued_document", z.object({
    documentId: z.string(), kind: z.enum(["technical_documentation", "portfolio"]), slug: z.string().nullable(), version: z.string().nullable(), sha256: z.string(), sizeBytes: z.number().int(),
  })),
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
  "report.inventory_exported": "Model inventory exported",
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
  "evaluation.created": "Evaluation recorded",
  "evaluation.waived": "Evaluation waived",
  "policy.fairness_thresholds_changed": "Fairness thresholds changed",
  "policy.approval_policy_changed": "Approval policy changed",
  "review.submitted": "Submitted for review",
  "review.approved": "Approved",
  "review.changes_requested": "Changes requested",
  "review.rejected": "Rejected",
  "review.periodic_started": "Periodic review started",
  "review.comment_added": "Review comment added",
  "review.comment_replied": "Review comment answered",
  "review.comment_resolved": "Review comment resolved",
  "version.deployed": "Version deployed",
  "version.retired": "Version retired",
  "webhook.created": "Webhook created",
  "webhook.updated": "Webhook changed",
  "webhook.secret_rotated": "Webhook secret rotated",
  "webhook.deactivated": "Webhook deactivated",
  "webhook.redelivered": "Webhook delivery retried",
  "webhook.pinged": "Webhook test event sent",
  "document.issued": "Document issued",
};
