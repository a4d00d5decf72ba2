import { and, eq, inArray, isNull, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { modelMaintainers, models, modelVersions, notifications, reviewDecisions, users } from "@/db/schema";

/**
 * The overdue-review sweep (a background job, every few minutes, in every instance): everyone
 * involved in an approved or deployed version whose next review date has passed (the model's
 * owner, its maintainers, the officers whose approvals stand) is notified, once per version and
 * due date; the dedupe key makes a second sweep, or a second instance, a no-op.
 *
 * Not a service verb and not audited: it changes no governance state (the version's stage and
 * dates are untouched; the gate and the queue already read "overdue" from next_review_due), it
 * only tells people. Returns how many notifications it wrote.
 */
export async function sweepOverdueReviews(db: Db, now: Date = new Date()): Promise<number> {
  const due = await db
    .select({ versionId: modelVersions.id, version: modelVersions.version, nextReviewDue: modelVersions.nextReviewDue, modelId: models.id, slug: models.slug, name: models.name, ownerId: models.ownerId })
    .from(modelVersions)
    .innerJoin(models, eq(models.id, modelVersions.modelId))
    .where(and(inArray(modelVersions.stage, ["approved", "deployed"]), lt(modelVersions.nextReviewDue, now)));
  if (due.length === 0) return 0;

  const [maintainers, approvers, active] = await Promise.all([
    db.select().from(modelMaintainers).where(inArray(modelMaintainers.modelId, due.map((d) => d.modelId))),
    db
      .select({ versionId: reviewDecisions.versionId, userId: reviewDecisions.approverId })
      .from(reviewDecisions)
      .where(and(inArray(reviewDecisions.versionId, due.map((d) => d.versionId)), eq(reviewDecisions.decision, "approve"), isNull(reviewDecisions.invalidatedAt))),
    db.select({ id: users.id }).from(users).where(eq(users.active, true)),
  ]);
  const isActive = new Set(active.map((u) => u.id));
  const rows = due.flatMap((d) => {
    const involved = new Set([d.ownerId, ...maintainers.filter((m) => m.modelId === d.modelId).map((m) => m.userId), ...approvers.filter((a) => a.versionId === d.versionId).map((a) => a.userId)]);
    const dueDate = d.nextReviewDue!.toISOString().slice(0, 10);
    return [...involved].filter((id) => isActive.has(id)).map((userId) => ({
      userId,
      kind: "review.overdue",
      title: `${d.name} ${d.version} is overdue for its periodic review`,
      body: `Its review was due on ${dueDate}. Until it is reviewed again the deployment gate refuses it.`,
      link: `/models/${encodeURIComponent(d.slug)}/reviews?version=${encodeURIComponent(d.version)}`,
      dedupeKey: `overdue:${d.versionId}:${d.nextReviewDue!.toISOString()}`,
    }));
  });
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
    .returning({ id: notifications.id });
  return inserted.length;
}
