import { randomUUID } from "node:crypto";
import { and, arrayContains, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { modelMaintainers, models, modelVersions, notifications, reviewComments, reviewDecisions, reviewRequests, users, webhookDeliveries, webhooks } from "@/db/schema";
import type { TAuditEventInput } from "@/lib/domain/audit-events";
import type { TWebhookBody, TWebhookEventType } from "@/lib/domain/webhook-events";
import { cardField } from "../reviews/comments";

/**
 * What an audit event sets off: webhook deliveries (the outbox the dispatcher sends) and in-app
 * notifications, written in the event's own transaction, so every verb gets them without being
 * edited, nothing is announced that rolled back, and nothing that happened goes unannounced.
 * emitAudit plans them (every read: recipients, subscribers) before it takes the audit head's
 * lock, and writes them (at most two inserts) once the event has its seq, so the lock every
 * instance serialises on is not held through the reads. Unrelated actions return at the first
 * line, before any query.
 *
 * Who hears what:
 * - review.submitted: webhooks "review.submitted"; every active compliance officer is notified.
 * - review.approved / changes_requested / rejected: webhooks "approval.recorded" (each approval)
 *   and "review.approved" (the one completing the review), "review.changes_requested",
 *   "review.rejected"; the model's owner, its maintainers and the submitter are notified.
 * - any event carrying invalidatedApprovals (the dossier-changing verbs): webhooks
 *   "approval.invalidated", one per version; owner, maintainers, submitter and the reviewers whose
 *   approvals fell are notified.
 * - version.deployed / version.retired: webhooks only.
 * - review.periodic_started: compliance officers and the model's owner and maintainers are notified.
 * - review comments (notifications only): a new comment goes to the owner and maintainers; an answer
 *   to everyone in the thread and the owner's side; a resolution to the thread's author.
 * The actor is never notified of their own action.
 */
export type TReactableEvent = TAuditEventInput & { at: string; actorId: string | null; actorEmail: string };

/** What an event will write once it has its seq. */
export type TReactions = {
  deliveries: { webhookIds: string[]; type: TWebhookEventType; body: Omit<TWebhookBody, "auditSeq"> }[];
  notifications: (TNotice & { userId: string })[];
};

const DECIDED = { "review.approved": "was approved", "review.changes_requested": "needs changes", "review.rejected": "was rejected" } as const;

type TModelFacts = { id: string; slug: string; name: string; ownerId: string };
type TNotice = { kind: string; title: string; body: string; link: string };

/** Writes the planned deliveries and notifications, stamped with the event's seq. */
export async function writeReactions(tx: Db, reactions: TReactions, seq: number): Promise<void> {
  const deliveries = reactions.deliveries.flatMap(({ webhookIds, type, body }) => {
    const { id, occurredAt, data } = body;
    const payload = JSON.stringify({ id, type, occurredAt, auditSeq: seq, data } satisfies TWebhookBody);
    return webhookIds.map((webhookId) => ({ webhookId, eventType: type, payload, auditSeq: seq }));
  });
  if (deliveries.length > 0) await tx.insert(webhookDeliveries).values(deliveries);
  if (reactions.notifications.length > 0) await tx.insert(notifications).values(reactions.notifications.map((n) => ({ ...n, auditSeq: seq })));
}

/** Everything the event sets off, read now, written by writeReactions. */
export async function planReactions(tx: Db, event: TReactableEvent): Promise<TReactions> {
  const out: TReactions = { deliveries: [], notifications: [] };
  await react(tx, event, out);
  return out;
}

async function react(tx: Db, event: TReactableEvent, out: TReactions): Promise<void> {
  const invalidated = "invalidatedApprovals" in event.data ? (event.data.invalidatedApprovals ?? []) : [];
  switch (event.action) {
    case "review.submitted":
    case "review.periodic_started":
    case "review.comment_added":
    case "review.comment_replied":
    case "review.comment_resolved":
    case "review.approved":
    case "review.changes_requested":
    case "review.rejected":
    case "version.deployed":
    case "version.retired":
      break;
    default:
      if (invalidated.length === 0) return;
  }
  const model = await modelBySlug(tx, "slug" in event.data && typeof event.data.slug === "string" ? event.data.slug : null);
  if (!model) return;

  switch (event.action) {
    case "review.submitted": {
      const d = event.data;
      await announce(tx, out, event, "review.submitted", model, d.version, { reviewRequestId: d.reviewRequestId, dossierHash: d.dossierHash, tier: d.tier });
      await notify(tx, out, event, await activeOfficers(tx), {
        kind: "review.submitted",
        title: `${model.name} ${d.version} was submitted for review`,
        body: `Submitted by ${event.actorEmail}${d.tier ? `; risk tier ${d.tier}` : ""}.`,
        link: reviewLink(model.slug, d.version),
      });
      break;
    }
    case "review.approved":
    case "review.changes_requested":
    case "review.rejected": {
      const d = event.data;
      // The approval that completes the count completes the review: not a stage change, since a
      // periodic review renews an approved or deployed version without moving it (decide-review.ts).
      const complete = event.action !== "review.approved" || (d.required !== null && d.approvalsValid >= d.required);
      const data = { reviewRequestId: d.reviewRequestId, decisionId: d.decisionId, dossierHash: d.dossierHash, comment: d.comment, approvalsValid: d.approvalsValid, required: d.required, stageBefore: d.stageBefore, stageAfter: d.stageAfter, nextReviewDue: d.nextReviewDue };
      if (event.action === "review.approved") {
        await announce(tx, out, event, "approval.recorded", model, d.version, data);
        if (complete) await announce(tx, out, event, "review.approved", model, d.version, data);
      } else {
        await announce(tx, out, event, event.action, model, d.version, data);
      }
      const [request] = await tx.select({ submittedBy: reviewRequests.submittedBy }).from(reviewRequests).where(eq(reviewRequests.id, d.reviewRequestId));
      await notify(tx, out, event, [...(await ownerAndMaintainers(tx, model)), request?.submittedBy ?? null], {
        kind: "review.decided",
        title: complete ? `${model.name} ${d.version} ${DECIDED[event.action]}` : `${model.name} ${d.version}: approval ${d.approvalsValid} of ${d.required ?? "?"} recorded`,
        body: [`By ${event.actorEmail}.`, d.comment && `“${truncate(d.comment, 300)}”`].filter(Boolean).join(" "),
        link: reviewLink(model.slug, d.version),
      });
      break;
    }
    case "review.periodic_started": {
      const d = event.data;
      await notify(tx, out, event, [...(await activeOfficers(tx)), ...(await ownerAndMaintainers(tx, model))], {
        kind: "review.periodic_started",
        title: `Periodic review of ${model.name} ${d.version} started`,
        body: `Started by ${event.actorEmail}; the approval is renewed when the review is approved.`,
        link: reviewLink(model.slug, d.version),
      });
      break;
    }
    case "review.comment_added":
    case "review.comment_replied":
    case "review.comment_resolved": {
      const d = event.data;
      const threadId = "threadId" in d ? d.threadId : d.commentId;
      const thread = await tx.select({ authorId: reviewComments.authorId, parentId: reviewComments.parentId }).from(reviewComments)
        .where(sql`${reviewComments.id} = ${threadId} OR ${reviewComments.parentId} = ${threadId}`);
      const threadAuthor = thread.find((c) => c.parentId === null)?.authorId ?? null;
      const recipients = event.action === "review.comment_resolved" ? [threadAuthor]
        : event.action === "review.comment_added" ? await ownerAndMaintainers(tx, model)
        : [...thread.map((c) => c.authorId), ...(await ownerAndMaintainers(tx, model))];
      const what = { "review.comment_added": "commented on", "review.comment_replied": "answered a comment on", "review.comment_resolved": "resolved a comment on" }[event.action];
      await notify(tx, out, event, recipients, {
        kind: "review.comment",
        title: `${event.actorEmail} ${what} “${cardField(d.fieldPath)?.label ?? d.fieldPath}” of ${model.name} ${d.version}`,
        body: "body" in d ? truncate(d.body, 300) : "",
        link: `/models/${encodeURIComponent(model.slug)}/versions/${encodeURIComponent(d.version)}#review-comments`,
      });
      break;
    }
    case "version.deployed": {
      const d = event.data;
      await announce(tx, out, event, "version.deployed", model, d.version, { deploymentId: d.deploymentId, environment: d.environment, strategy: d.strategy, viaToken: d.tokenId !== null, dossierHash: d.dossierHash, stageBefore: d.stageBefore });
      break;
    }
    case "version.retired": {
      const d = event.data;
      await announce(tx, out, event, "version.retired", model, d.version, { reason: d.reason, stageBefore: d.stageBefore, leftServiceAt: d.leftServiceAt, retentionUntil: d.retentionUntil });
      break;
    }
  }
  if (invalidated.length > 0) await announceInvalidations(tx, out, event, model, invalidated);
}

type TInvalidation = NonNullable<Extract<TAuditEventInput["data"], { invalidatedApprovals?: unknown }>["invalidatedApprovals"]>[number];

async function announceInvalidations(tx: Db, out: TReactions, event: TReactableEvent, model: TModelFacts, invalidated: TInvalidation[]) {
  const approvers = await tx
    .select({ id: reviewDecisions.id, approverId: reviewDecisions.approverId, submittedBy: reviewRequests.submittedBy })
    .from(reviewDecisions)
    .innerJoin(reviewRequests, eq(reviewRequests.id, reviewDecisions.reviewRequestId))
    .where(inArray(reviewDecisions.id, invalidated.map((i) => i.approvalId)));
  const involved = await ownerAndMaintainers(tx, model);
  for (const version of [...new Set(invalidated.map((i) => i.version))]) {
    const fallen = invalidated.filter((i) => i.version === version);
    const people = approvers.filter((a) => fallen.some((f) => f.approvalId === a.id));
    await announce(tx, out, event, "approval.invalidated", model, version, {
      cause: event.action,
      approvals: fallen.map((f) => ({ approvalId: f.approvalId, approverEmail: f.approverEmail, change: f.change })),
      stageBefore: fallen[0]!.stageBefore,
      stageAfter: fallen[0]!.stageAfter,
    });
    await notify(tx, out, event, [...involved, ...people.flatMap((p) => [p.approverId, p.submittedBy])], {
      kind: "approval.invalidated",
      title: `${fallen.length === 1 ? "An approval" : `${fallen.length} approvals`} of ${model.name} ${version} no longer stand${fallen.length === 1 ? "s" : ""}`,
      body: truncate(`Changed by ${event.actorEmail}: ${[...new Set(fallen.map((f) => f.change))].join("; ")}`, 500),
      link: reviewLink(model.slug, version),
    });
  }
}

/** One delivery per active webhook subscribed to the type, all with the same body. */
async function announce(tx: Db, out: TReactions, event: TReactableEvent, type: TWebhookEventType, model: TModelFacts, versionLabel: string, data: Record<string, unknown>) {
  const subscribers = await tx.select({ id: webhooks.id }).from(webhooks).where(and(eq(webhooks.active, true), arrayContains(webhooks.events, [type])));
  if (subscribers.length === 0) return;
  const [version] = await tx.select({ stage: modelVersions.stage }).from(modelVersions).where(and(eq(modelVersions.modelId, model.id), eq(modelVersions.version, versionLabel)));
  out.deliveries.push({
    webhookIds: subscribers.map((w) => w.id),
    type,
    body: {
      id: randomUUID(),
      type,
      occurredAt: event.at,
      data: { model: { slug: model.slug, name: model.name }, version: { label: versionLabel, stage: version?.stage ?? null }, actor: event.actorEmail, ...data },
    },
  });
}

/** One notification per active recipient, never to the actor. */
async function notify(tx: Db, out: TReactions, event: TReactableEvent, recipients: (string | null)[], notice: TNotice) {
  const ids = [...new Set(recipients.filter((id): id is string => id !== null && id !== event.actorId))];
  if (ids.length === 0) return;
  const active = await tx.select({ id: users.id }).from(users).where(and(inArray(users.id, ids), eq(users.active, true)));
  if (active.length === 0) return;
  out.notifications.push(...active.map((u) => ({ userId: u.id, ...notice })));
}

async function modelBySlug(tx: Db, slug: string | null): Promise<TModelFacts | null> {
  if (!slug) return null;
  const [model] = await tx.select({ id: models.id, slug: models.slug, name: models.name, ownerId: models.ownerId }).from(models).where(eq(models.slug, slug));
  return model ?? null;
}

async function activeOfficers(tx: Db): Promise<string[]> {
  const officers = await tx.select({ id: users.id }).from(users).where(and(eq(users.active, true), sql`'compliance_officer' = ANY(${users.roles})`));
  return officers.map((o) => o.id);
}

async function ownerAndMaintainers(tx: Db, model: TModelFacts): Promise<string[]> {
  const maintainers = await tx.select({ userId: modelMaintainers.userId }).from(modelMaintainers).where(eq(modelMaintainers.modelId, model.id));
  return [model.ownerId, ...maintainers.map((m) => m.userId)];
}

function reviewLink(slug: string, version: string): string {
  return `/models/${encodeURIComponent(slug)}/reviews?version=${encodeURIComponent(version)}`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
