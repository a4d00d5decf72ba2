/**
 * The public event types a webhook can subscribe to, and the JSON body every delivery carries.
 * These names are an API: they never change meaning once published (add new ones instead).
 *
 * Body (the exact bytes signed and sent, the same on every retry):
 *   { "id": uuid of the announcement, "type": one of WEBHOOK_EVENT_TYPES (or "webhook.ping"),
 *     "occurredAt": ISO time of the audit event, "auditSeq": its seq in the audit log (null for a ping),
 *     "data": { "model": { "slug", "name" }, "version": { "label", "stage" }, ...the type's own fields } }
 */
export const WEBHOOK_EVENT_TYPES = [
  "review.submitted",
  "approval.recorded",
  "review.approved",
  "review.changes_requested",
  "review.rejected",
  "approval.invalidated",
  "version.deployed",
  "version.retired",
] as const;
export type TWebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent only by "Send a test event", to the one webhook it is sent to. */
export const WEBHOOK_PING = "webhook.ping";

export const WEBHOOK_EVENT_LABELS: Record<TWebhookEventType, { label: string; description: string }> = {
  "review.submitted": { label: "Review submitted", description: "A version was submitted for review." },
  "approval.recorded": { label: "Approval recorded", description: "A compliance officer approved; more approvals may still be needed." },
  "review.approved": { label: "Review approved", description: "The last required approval: the version is approved." },
  "review.changes_requested": { label: "Changes requested", description: "The reviewer sent the version back to draft." },
  "review.rejected": { label: "Review rejected", description: "The reviewer rejected the version." },
  "approval.invalidated": { label: "Approval invalidated", description: "A change to the dossier invalidated standing approvals." },
  "version.deployed": { label: "Version deployed", description: "A deployment was recorded." },
  "version.retired": { label: "Version retired", description: "A version was taken out of service." },
};

export type TWebhookBody = {
  id: string;
  type: TWebhookEventType | typeof WEBHOOK_PING;
  occurredAt: string;
  auditSeq: number | null;
  data: Record<string, unknown>;
};

/** When a failed attempt is tried again: after attempt n (1-based) wait RETRY_DELAYS_MS[n-1]; past the end, give up. */
export const RETRY_DELAYS_MS = [30_000, 120_000, 600_000, 3_600_000, 21_600_000] as const;

/** The next attempt after `attempts` failed ones, or null when the delivery has failed for good. */
export function nextAttemptAfter(attempts: number, now: Date): Date | null {
  const delay = RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay);
}
