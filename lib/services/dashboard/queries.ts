import { and, asc, count, countDistinct, desc, eq, gte, isNotNull, not, or, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { auditEvents, issuedDocuments, modelMaintainers, models, modelVersions, reviewDecisions, reviewRequests } from "@/db/schema";
import { submissionPreconditions } from "@/lib/domain/approvals/policy";
import { dossierState } from "@/lib/services/reviews/dossier-state";
import { openReviewWhere } from "@/lib/services/reviews/queue";
import { COMPLETENESS_BANDS, currentEvaluationStatuses, EVALUATION_STATUSES, reviewOverdue, STAGES } from "@/lib/services/models/inventory";

/*
 * The dashboard's reads: one aggregate query per chart, each answered by the database (GROUP BY,
 * FILTER, percentile_cont), so the page costs the same whether the inventory holds ten models or
 * ten thousand. Reads are not verbs: nothing here writes or audits.
 *
 * Every count is stated so that it equals what the inventory shows behind the chart's link:
 * "models" columns count distinct models, matching /models?tier=…, ?stage=…, ?evaluation=…,
 * ?review=overdue.
 */

export const TIER_KEYS = ["prohibited", "high", "limited", "minimal", "unclassified"] as const;
export type TTierKey = (typeof TIER_KEYS)[number];
export const DASHBOARD_WEEKS = 26;
const DAY_MS = 86_400_000;

const tierKey = (tier: string | null): TTierKey => (tier ?? "unclassified") as TTierKey;

/** Models per risk tier, every tier present (zero when none), most severe first. */
export async function modelsByTier(db: Db): Promise<{ tier: TTierKey; models: number }[]> {
  const rows = await db.select({ tier: models.riskTier, n: count() }).from(models).groupBy(models.riskTier);
  const byTier = new Map(rows.map((r) => [tierKey(r.tier), Number(r.n)]));
  return TIER_KEYS.map((tier) => ({ tier, models: byTier.get(tier) ?? 0 }));
}

/** Versions per lifecycle stage, and how many models have a version in it, in lifecycle order. */
export async function versionsByStage(db: Db): Promise<{ stage: (typeof STAGES)[number]; versions: number; models: number }[]> {
  // Per (stage, model) first, then per stage: two hash aggregates instead of count(DISTINCT …), which sorts.
  const rows = await queryRows<{ stage: string; versions: number; models: number }>(
    db,
    sql`SELECT stage, sum(n)::int AS versions, count(*)::int AS models FROM (SELECT ${modelVersions.stage} AS stage, ${modelVersions.modelId}, count(*) AS n FROM ${modelVersions} GROUP BY 1, 2) per_model GROUP BY stage`,
  );
  return STAGES.map((stage) => {
    const row = rows.find((r) => r.stage === stage);
    return { stage, versions: Number(row?.versions ?? 0), models: Number(row?.models ?? 0) };
  });
}

/** Models per documentation band (the latest version's card against the model's tier), complete first. */
export async function completenessDistribution(db: Db): Promise<{ band: (typeof COMPLETENESS_BANDS)[number]; models: number }[]> {
  const rows = await db.select({ band: models.docBand, n: count() }).from(models).groupBy(models.docBand);
  return COMPLETENESS_BANDS.map((band) => ({ band, models: Number(rows.find((r) => r.band === band)?.n ?? 0) }));
}

/**
 * Current evaluations (the latest of each name on each version) by status at `now`, with how many
 * models have at least one evaluation in that status.
 */
export async function evaluationResults(db: Db, now = new Date()): Promise<{ status: (typeof EVALUATION_STATUSES)[number]; evaluations: number; models: number }[]> {
  const rows = await queryRows<{ status: string; evaluations: number; models: number }>(
    db,
    sql`SELECT status, sum(n)::int AS evaluations, count(*)::int AS models FROM (SELECT ce.status, ce.model_id, count(*) AS n FROM ${currentEvaluationStatuses(now)} ce GROUP BY 1, 2) per_model GROUP BY status`,
  );
  return EVALUATION_STATUSES.map((status) => {
    const row = rows.find((r) => r.status === status);
    return { status, evaluations: Number(row?.evaluations ?? 0), models: Number(row?.models ?? 0) };
  });
}

/** Monday 00:00 UTC of the week `at` falls in: the weeks of the decisions chart start on Mondays (ISO weeks). */
export function weekStart(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS);
}

export type TDecisionWeek = { week: string; approved: number; changesRequested: number; rejected: number };

/**
 * Review decisions per ISO week over the last `weeks` weeks (the current one included, empty
 * weeks as zeros), from review_decisions: its own rows, not the audit log, so the cost follows
 * the number of decisions, not of events. Every approval counts, also one that a later change
 * invalidated: it was given that week.
 */
export async function decisionsPerWeek(db: Db, now = new Date(), weeks = DASHBOARD_WEEKS): Promise<TDecisionWeek[]> {
  const first = new Date(weekStart(now).getTime() - (weeks - 1) * 7 * DAY_MS);
  const rows = await queryRows<{ week: string; approved: number; changes: number; rejected: number }>(
    db,
    sql`SELECT to_char(date_trunc('week', ${reviewDecisions.decidedAt} AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week,
          count(*) FILTER (WHERE ${reviewDecisions.decision} = 'approve')::int AS approved,
          count(*) FILTER (WHERE ${reviewDecisions.decision} = 'request_changes')::int AS changes,
          count(*) FILTER (WHERE ${reviewDecisions.decision} = 'reject')::int AS rejected
        FROM ${reviewDecisions}
        WHERE ${reviewDecisions.decidedAt} >= ${first.toISOString()}::timestamptz AND ${reviewDecisions.decidedAt} <= ${now.toISOString()}::timestamptz
        GROUP BY 1`,
  );
  const byWeek = new Map(rows.map((r) => [r.week, r]));
  return Array.from({ length: weeks }, (_, i) => {
    const week = new Date(first.getTime() + i * 7 * DAY_MS).toISOString().slice(0, 10);
    const row = byWeek.get(week);
    return { week, approved: Number(row?.approved ?? 0), changesRequested: Number(row?.changes ?? 0), rejected: Number(row?.rejected ?? 0) };
  });
}

/**
 * The median time from a submission to a decision on it, in hours, over the decisions of the
 * same window as decisionsPerWeek (each decision counts once: a high-risk version's two
 * approvals are two decisions). Null when there were none.
 */
export async function timeToDecision(db: Db, now = new Date(), weeks = DASHBOARD_WEEKS): Promise<{ medianHours: number | null; decisions: number }> {
  const first = new Date(weekStart(now).getTime() - (weeks - 1) * 7 * DAY_MS);
  const [row] = await queryRows<{ median: number | null; decisions: number }>(
    db,
    sql`SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${reviewDecisions.decidedAt} - ${reviewRequests.submittedAt})) / 3600 AS median,
          count(*)::int AS decisions
        FROM ${reviewDecisions} JOIN ${reviewRequests} ON ${reviewRequests.id} = ${reviewDecisions.reviewRequestId}
        WHERE ${reviewDecisions.decidedAt} >= ${first.toISOString()}::timestamptz AND ${reviewDecisions.decidedAt} <= ${now.toISOString()}::timestamptz`,
  );
  return { medianHours: row?.median === null || row?.median === undefined ? null : Number(row.median), decisions: Number(row?.decisions ?? 0) };
}

/** Versions in service whose periodic review is overdue, per tier of their model, with the models they belong to. */
export async function overdueReviewsByTier(db: Db, now = new Date()): Promise<{ tier: TTierKey; versions: number; models: number }[]> {
  const rows = await db
    .select({ tier: models.riskTier, versions: count(), models: countDistinct(models.id) })
    .from(modelVersions)
    .innerJoin(models, eq(models.id, modelVersions.modelId))
    .where(reviewOverdue(now))
    .groupBy(models.riskTier);
  const byTier = new Map(rows.map((r) => [tierKey(r.tier), r]));
  return TIER_KEYS.filter((t) => t !== "prohibited").map((tier) => ({ tier, versions: Number(byTier.get(tier)?.versions ?? 0), models: Number(byTier.get(tier)?.models ?? 0) }));
}

/** The headline numbers: models, versions, open reviews. */
export async function portfolioTotals(db: Db) {
  const [[m], [v], [r]] = await Promise.all([
    db.select({ n: count() }).from(models),
    db.select({ n: count() }).from(modelVersions),
    db.select({ n: count() }).from(reviewRequests).innerJoin(modelVersions, eq(modelVersions.id, reviewRequests.versionId)).where(openReviewWhere()),
  ]);
  return { models: Number(m?.n ?? 0), versions: Number(v?.n ?? 0), openReviews: Number(r?.n ?? 0) };
}

const TASK_LIMIT = 8;

export type TReviewTask = {
  slug: string;
  modelName: string;
  version: string;
  tier: string | null;
  since: Date;
  /** Who submitted, or who started the periodic review. */
  submittedBy: string | null;
  /** Why the review is open; null for an overdue review nobody started. */
  reason: "submission" | "periodic" | null;
};

/** An approved or deployed version whose periodic review has been started (it is then a review request, not an overdue task). */
const periodicReviewStarted = () =>
  sql`EXISTS (SELECT 1 FROM ${reviewRequests} WHERE ${reviewRequests.versionId} = ${modelVersions.id} AND ${reviewRequests.status} = 'open' AND ${reviewRequests.reason} = 'periodic')`;

/**
 * What a compliance officer must review: open review requests (submissions and periodic reviews in
 * progress, as the review queue has them), oldest first, and approved or deployed versions whose
 * periodic review is overdue and not started, longest overdue first. The first few of each, and
 * how many there are in all (the review queue has the rest).
 */
export async function officerTasks(db: Db, now = new Date()) {
  const openWhere = openReviewWhere();
  const overdueWhere = and(reviewOverdue(now), not(periodicReviewStarted()));
  const [open, [openTotal], overdue, [overdueTotal]] = await Promise.all([
    db
      .select({ slug: models.slug, modelName: models.name, version: modelVersions.version, tier: models.riskTier, since: reviewRequests.submittedAt, submittedBy: reviewRequests.submittedByEmail, reason: reviewRequests.reason })
      .from(reviewRequests)
      .innerJoin(modelVersions, eq(modelVersions.id, reviewRequests.versionId))
      .innerJoin(models, eq(models.id, modelVersions.modelId))
      .where(openWhere)
      .orderBy(asc(reviewRequests.submittedAt), asc(reviewRequests.id))
      .limit(TASK_LIMIT),
    db.select({ n: count() }).from(reviewRequests).innerJoin(modelVersions, eq(modelVersions.id, reviewRequests.versionId)).where(openWhere),
    db
      .select({ slug: models.slug, modelName: models.name, version: modelVersions.version, tier: models.riskTier, since: modelVersions.nextReviewDue, submittedBy: sql<string | null>`null` })
      .from(modelVersions)
      .innerJoin(models, eq(models.id, modelVersions.modelId))
      .where(overdueWhere)
      .orderBy(asc(modelVersions.nextReviewDue), asc(modelVersions.id))
      .limit(TASK_LIMIT),
    db.select({ n: count() }).from(modelVersions).where(overdueWhere),
  ]);
  return {
    reviews: open.map((o) => ({ ...o, reason: o.reason === "periodic" ? "periodic" : "submission" })) as TReviewTask[],
    reviewsTotal: Number(openTotal?.n ?? 0),
    overdue: overdue.map((o) => ({ ...o, since: o.since!, reason: null })) as TReviewTask[],
    overdueTotal: Number(overdueTotal?.n ?? 0),
  };
}

const ownedOrMaintainedBy = (userId: string) =>
  or(eq(models.ownerId, userId), sql`EXISTS (SELECT 1 FROM ${modelMaintainers} WHERE ${modelMaintainers.modelId} = ${models.id} AND ${modelMaintainers.userId} = ${userId})`);

export type TOwnerTaskKind = "changes_requested" | "rejected" | "approval_invalidated" | "review_overdue";
export type TOwnerTask = { kind: TOwnerTaskKind; slug: string; modelName: string; version: string; at: Date; detail: string };

/**
 * What a model owner (or maintainer) must fix on their models' versions: drafts sent back with
 * changes requested or rejected (the latest review's last decision), versions whose approval a
 * change invalidated, and versions whose periodic review is overdue. Most recent first.
 */
export async function ownerTasks(db: Db, userId: string, now = new Date()): Promise<TOwnerTask[]> {
  const mine = ownedOrMaintainedBy(userId);
  const [sentBack, invalidated, overdue] = await Promise.all([
    // The last decision of each draft version's latest review request.
    db
      .selectDistinctOn([modelVersions.id], { slug: models.slug, modelName: models.name, version: modelVersions.version, decision: reviewDecisions.decision, comment: reviewDecisions.comment, at: reviewDecisions.decidedAt, by: reviewDecisions.approverEmail })
      .from(modelVersions)
      .innerJoin(models, eq(models.id, modelVersions.modelId))
      .innerJoin(reviewDecisions, eq(reviewDecisions.versionId, modelVersions.id))
      .where(and(mine, eq(modelVersions.stage, "draft")))
      .orderBy(modelVersions.id, desc(reviewDecisions.decidedAt), desc(reviewDecisions.id)),
    db
      .selectDistinctOn([modelVersions.id], { slug: models.slug, modelName: models.name, version: modelVersions.version, at: reviewDecisions.invalidatedAt, change: reviewDecisions.invalidatedByChange })
      .from(modelVersions)
      .innerJoin(models, eq(models.id, modelVersions.modelId))
      .innerJoin(reviewRequests, and(eq(reviewRequests.versionId, modelVersions.id), eq(reviewRequests.status, "open")))
      .innerJoin(reviewDecisions, and(eq(reviewDecisions.reviewRequestId, reviewRequests.id), isNotNull(reviewDecisions.invalidatedAt)))
      .where(and(mine, eq(modelVersions.stage, "in_review")))
      .orderBy(modelVersions.id, desc(reviewDecisions.invalidatedAt)),
    db
      .select({ slug: models.slug, modelName: models.name, version: modelVersions.version, at: modelVersions.nextReviewDue })
      .from(modelVersions)
      .innerJoin(models, eq(models.id, modelVersions.modelId))
      .where(and(mine, reviewOverdue(now))),
  ]);
  const tasks: TOwnerTask[] = [
    ...sentBack
      .filter((r) => r.decision !== "approve")
      .map((r) => ({ kind: (r.decision === "reject" ? "rejected" : "changes_requested") as TOwnerTaskKind, slug: r.slug, modelName: r.modelName, version: r.version, at: r.at, detail: r.comment ? `${r.by}: ${r.comment}` : r.by })),
    ...invalidated.map((r) => ({ kind: "approval_invalidated" as const, slug: r.slug, modelName: r.modelName, version: r.version, at: r.at!, detail: r.change ?? "The dossier changed after approval." })),
    ...overdue.map((r) => ({ kind: "review_overdue" as const, slug: r.slug, modelName: r.modelName, version: r.version, at: r.at!, detail: `Review was due ${r.at!.toISOString().slice(0, 10)}` })),
  ];
  return tasks.sort((a, b) => b.at.getTime() - a.at.getTime());
}

/**
 * The draft versions of a user's models (owned or maintained), newest first, each with what it
 * still lacks before it can be submitted: the submission policy's unmet preconditions, the same
 * checklist the version page shows. Only the five newest drafts: each costs a dossier read.
 */
export async function draftReadiness(db: Db, userId: string, limit = 5) {
  const drafts = await db
    .select({ model: models, version: modelVersions })
    .from(modelVersions)
    .innerJoin(models, eq(models.id, modelVersions.modelId))
    .where(and(eq(modelVersions.stage, "draft"), ownedOrMaintainedBy(userId)))
    .orderBy(desc(modelVersions.createdAt), desc(modelVersions.id))
    .limit(limit);
  return Promise.all(
    drafts.map(async ({ model, version }) => ({ slug: model.slug, modelName: model.name, version: version.version, unmet: submissionPreconditions((await dossierState(db, model, version)).facts) })),
  );
}

/**
 * When this user signed in before the current session: the second newest login event of their
 * email. An index range on (actor_email, seq), newest first, stopping at the second match.
 */
export async function previousSignIn(db: Db, email: string): Promise<Date | null> {
  const rows = await db
    .select({ at: auditEvents.at })
    .from(auditEvents)
    .where(and(eq(auditEvents.actorEmail, email), eq(auditEvents.action, "auth.login_succeeded")))
    .orderBy(desc(auditEvents.seq))
    .limit(2);
  return rows[1]?.at ?? null;
}

/**
 * What is new for an auditor since `since`: documents issued and review decisions taken, newest
 * first (the first few of each), with their totals.
 */
export async function newSince(db: Db, since: Date) {
  const [documents, [documentsTotal], decisions, [decisionsTotal]] = await Promise.all([
    db
      .select({ id: issuedDocuments.id, kind: issuedDocuments.kind, slug: issuedDocuments.modelSlug, version: issuedDocuments.versionLabel, issuedAt: issuedDocuments.issuedAt, issuedBy: issuedDocuments.issuedByEmail })
      .from(issuedDocuments)
      .where(gte(issuedDocuments.issuedAt, since))
      .orderBy(desc(issuedDocuments.issuedAt))
      .limit(TASK_LIMIT),
    db.select({ n: count() }).from(issuedDocuments).where(gte(issuedDocuments.issuedAt, since)),
    db
      .select({ decision: reviewDecisions.decision, slug: models.slug, modelName: models.name, version: modelVersions.version, by: reviewDecisions.approverEmail, at: reviewDecisions.decidedAt })
      .from(reviewDecisions)
      .innerJoin(modelVersions, eq(modelVersions.id, reviewDecisions.versionId))
      .innerJoin(models, eq(models.id, modelVersions.modelId))
      .where(gte(reviewDecisions.decidedAt, since))
      .orderBy(desc(reviewDecisions.decidedAt))
      .limit(TASK_LIMIT),
    db.select({ n: count() }).from(reviewDecisions).where(gte(reviewDecisions.decidedAt, since)),
  ]);
  return { documents, documentsTotal: Number(documentsTotal?.n ?? 0), decisions, decisionsTotal: Number(decisionsTotal?.n ?? 0) };
}
