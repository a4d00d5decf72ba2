import { and, eq, inArray, isNotNull, lt, notInArray, or, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { modelMaintainers, models, modelVersions, reviewDecisions, reviewRequests } from "@/db/schema";
import { requiredApprovals } from "@/lib/domain/approvals/separation-of-duties";
import type { TRiskTier } from "@/lib/domain/model-card/template";
import { approvalPolicy } from "./policy";

export type TQueueItem = {
  /** A review waiting for decisions (a submission or a periodic review), or an overdue one nobody started. */
  kind: "review" | "overdue_review";
  /** Why the review exists: the owner submitted, or the next-review date came round; null while not started. */
  reason: "submission" | "periodic" | null;
  slug: string;
  modelName: string;
  version: string;
  tier: string | null;
  stage: string;
  /** When it started waiting: the submission, or the day the periodic review fell due. */
  since: string;
  submittedBy: string | null;
  reviewRequestId: string | null;
  approvalsValid: number;
  approvalsRequired: number | null;
  /** Officers who already approved this dossier. */
  approvedBy: string[];
};

const URGENCY: Record<string, number> = { high: 0, limited: 1, minimal: 2 };

/**
 * An open review request that waits for decisions (over review_requests joined to its version): a
 * submission, whose version is in review, or a periodic review, whose version stays approved or
 * deployed meanwhile. The dashboard counts and lists the same.
 */
export function openReviewWhere(): SQL {
  return and(
    eq(reviewRequests.status, "open"),
    or(eq(modelVersions.stage, "in_review"), and(eq(reviewRequests.reason, "periodic"), inArray(modelVersions.stage, ["approved", "deployed"]))),
  )!;
}

/**
 * What waits for a compliance officer: versions in review, periodic reviews in progress, and
 * approved or deployed versions whose periodic review is overdue and not started yet. Sorted by
 * urgency: high risk first (unclassified with it), then limited, then minimal; within a tier the
 * oldest first. "mine" leaves out what this officer may not or need not decide: models they own
 * or maintain, what they submitted (starting a periodic review is not submitting), and dossiers
 * they already approved.
 */
export async function reviewQueue(db: Db, options: { scope: "mine" | "all"; userId: string | null }, now = new Date()): Promise<TQueueItem[]> {
  const policy = await approvalPolicy(db);
  const open = await db
    .select({ request: reviewRequests, version: modelVersions, model: models })
    .from(reviewRequests)
    .innerJoin(modelVersions, eq(modelVersions.id, reviewRequests.versionId))
    .innerJoin(models, eq(models.id, modelVersions.modelId))
    .where(openReviewWhere());
  const started = open.map((r) => r.version.id);
  const overdue = await db
    .select({ version: modelVersions, model: models })
    .from(modelVersions)
    .innerJoin(models, eq(models.id, modelVersions.modelId))
    .where(
      and(
        inArray(modelVersions.stage, ["approved", "deployed"]),
        isNotNull(modelVersions.nextReviewDue),
        lt(modelVersions.nextReviewDue, now),
        ...(started.length ? [notInArray(modelVersions.id, started)] : []),
      ),
    );
  const requestIds = open.map((r) => r.request.id);
  const approvals = requestIds.length
    ? await db
        .select({ requestId: reviewDecisions.reviewRequestId, approverId: reviewDecisions.approverId, approverEmail: reviewDecisions.approverEmail, invalidatedAt: reviewDecisions.invalidatedAt, decision: reviewDecisions.decision })
        .from(reviewDecisions)
        .where(inArray(reviewDecisions.reviewRequestId, requestIds))
    : [];
  const modelIds = [...new Set([...open, ...overdue].map((r) => r.model.id))];
  const maintained = options.userId && modelIds.length
    ? new Set((await db.select({ modelId: modelMaintainers.modelId }).from(modelMaintainers).where(and(eq(modelMaintainers.userId, options.userId), inArray(modelMaintainers.modelId, modelIds)))).map((r) => r.modelId))
    : new Set<string>();

  const items: (TQueueItem & { mine: boolean })[] = [];
  for (const { request, version, model } of open) {
    const valid = approvals.filter((a) => a.requestId === request.id && a.decision === "approve" && a.invalidatedAt === null);
    const submitted = request.reason !== "periodic" && request.submittedBy === options.userId;
    const involved = model.ownerId === options.userId || maintained.has(model.id) || submitted;
    items.push({
      kind: "review",
      reason: request.reason === "periodic" ? "periodic" : "submission",
      slug: model.slug,
      modelName: model.name,
      version: version.version,
      tier: model.riskTier,
      stage: version.stage,
      since: request.submittedAt.toISOString(),
      submittedBy: request.submittedByEmail,
      reviewRequestId: request.id,
      approvalsValid: new Set(valid.map((a) => a.approverId)).size,
      approvalsRequired: requiredApprovals(model.riskTier as TRiskTier | null, policy),
      approvedBy: [...new Set(valid.map((a) => a.approverEmail))],
      mine: !involved && !valid.some((a) => a.approverId === options.userId),
    });
  }
  for (const { version, model } of overdue) {
    const involved = model.ownerId === options.userId || maintained.has(model.id);
    items.push({
      kind: "overdue_review",
      reason: null,
      slug: model.slug,
      modelName: model.name,
      version: version.version,
      tier: model.riskTier,
      stage: version.stage,
      since: version.nextReviewDue!.toISOString(),
      submittedBy: null,
      reviewRequestId: null,
      approvalsValid: 0,
      approvalsRequired: requiredApprovals(model.riskTier as TRiskTier | null, policy),
      approvedBy: [],
      mine: !involved,
    });
  }
  return items
    .filter((i) => options.scope === "all" || i.mine)
    .sort((a, b) => (URGENCY[a.tier ?? "high"] ?? 3) - (URGENCY[b.tier ?? "high"] ?? 3) || a.since.localeCompare(b.since) || a.slug.localeCompare(b.slug))
    .map(({ mine: _mine, ...item }) => item);
}
