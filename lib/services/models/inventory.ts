import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { LIFECYCLE_STAGES } from "@/lib/domain/approvals/lifecycle";
import { evaluations, evaluationWaivers, models, modelVersions, reviewDecisions, users } from "@/db/schema";

export const INVENTORY_SORTS = ["name", "updated", "tier", "completeness", "owner"] as const;
export const COMPLETENESS_BANDS = ["complete", "nearly", "partial", "empty"] as const;
export const EVALUATION_STATUSES = ["pass", "fail", "waived"] as const;
// The lifecycle stages, in order: the filter offers exactly those.
export const STAGES = LIFECYCLE_STAGES;

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/** The inventory's URL parameters: the same for the page (shareable links) and GET /api/v1/models. */
export const ZInventoryQuerySchema = z.object({
  q: optional(z.string().trim().max(200)),
  tier: optional(z.enum(["prohibited", "high", "limited", "minimal", "unclassified"])),
  stage: optional(z.enum(STAGES)),
  owner: optional(z.string().trim().toLowerCase().max(254)),
  businessUnit: optional(z.string().trim().max(120)),
  completeness: optional(z.enum(COMPLETENESS_BANDS)),
  // Models with a current evaluation (the latest of its name on a version) in this status.
  evaluation: optional(z.enum(EVALUATION_STATUSES)),
  // Models with an approved or deployed version whose periodic review is overdue.
  review: optional(z.enum(["overdue"])),
  // Models with a review decision in the week starting that Monday (UTC): the dashboard's decisions chart links here.
  decidedWeek: optional(z.iso.date().pipe(z.string().refine((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1, "must be a Monday"))),
  sort: optional(z.enum(INVENTORY_SORTS)).transform((v) => v ?? "name"),
  dir: optional(z.enum(["asc", "desc"])).transform((v) => v ?? "asc"),
  page: optional(z.coerce.number().int().min(1).max(10_000)).transform((v) => v ?? 1),
  pageSize: optional(z.coerce.number().int().min(1).max(200)).transform((v) => v ?? 25),
});
export type TInventoryQuery = z.output<typeof ZInventoryQuerySchema>;

// Tier order for sorting: most severe first when descending.
const TIER_RANK = sql`CASE ${models.riskTier} WHEN 'prohibited' THEN 4 WHEN 'high' THEN 3 WHEN 'limited' THEN 2 WHEN 'minimal' THEN 1 ELSE 0 END`;

/**
 * The evaluations that count (the latest of each name on each version, as the dossier counts
 * them) with their status at `now`: pass, fail, or waived while the latest waiver has not lapsed.
 * Rows (id, version_id, model_id, status); the inventory's filter and the dashboard's chart both read it.
 */
export function currentEvaluationStatuses(now: Date): SQL {
  // Joins, not a correlated subquery per evaluation: at 10,000 models the subplan's estimate
  // alone pushed PostgreSQL into JIT compilation, which cost more than the query. Names are
  // compared bytewise (COLLATE "C"): equal is equal in any collation, and the sort is cheaper.
  return sql`(
    SELECT c.id, c.version_id, v.model_id,
      CASE WHEN c.result = 'pass' THEN 'pass' WHEN lw.expires_at > ${now.toISOString()}::timestamptz THEN 'waived' ELSE 'fail' END AS status
    FROM (SELECT DISTINCT ON (version_id, name COLLATE "C") id, version_id, result FROM ${evaluations} ORDER BY version_id, name COLLATE "C", created_at DESC, id DESC) c
    JOIN ${modelVersions} v ON v.id = c.version_id
    LEFT JOIN (SELECT DISTINCT ON (evaluation_id) evaluation_id, expires_at FROM ${evaluationWaivers} ORDER BY evaluation_id, waived_at DESC, id DESC) lw ON lw.evaluation_id = c.id
  )`;
}

/** A version in service whose next review date has passed. */
export function reviewOverdue(now: Date): SQL {
  return sql`${modelVersions.stage} IN ('approved', 'deployed') AND ${modelVersions.nextReviewDue} < ${now.toISOString()}::timestamptz`;
}

function conditions(q: TInventoryQuery, now: Date): SQL[] {
  const where: SQL[] = [];
  if (q.q) {
    // Escape LIKE wildcards so a search for "50%" means the text "50%".
    const pattern = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(models.name, pattern), ilike(models.slug, pattern), ilike(models.purpose, pattern), sql`array_to_string(${models.tags}, ' ') ILIKE ${pattern}`)!);
  }
  if (q.tier) where.push(q.tier === "unclassified" ? sql`${models.riskTier} IS NULL` : eq(models.riskTier, q.tier));
  if (q.owner) where.push(eq(users.email, q.owner));
  if (q.businessUnit) where.push(eq(models.businessUnit, q.businessUnit));
  if (q.completeness) where.push(eq(models.docBand, q.completeness));
  if (q.stage) where.push(sql`EXISTS (SELECT 1 FROM ${modelVersions} WHERE ${modelVersions.modelId} = ${models.id} AND ${modelVersions.stage} = ${q.stage})`);
  if (q.evaluation) where.push(sql`${models.id} IN (SELECT ce.model_id FROM ${currentEvaluationStatuses(now)} ce WHERE ce.status = ${q.evaluation})`);
  if (q.decidedWeek) {
    const from = new Date(`${q.decidedWeek}T00:00:00Z`);
    const to = new Date(from.getTime() + 7 * 24 * 3600 * 1000);
    where.push(sql`EXISTS (SELECT 1 FROM ${reviewDecisions} JOIN ${modelVersions} ON ${modelVersions.id} = ${reviewDecisions.versionId}
      WHERE ${modelVersions.modelId} = ${models.id} AND ${reviewDecisions.decidedAt} >= ${from.toISOString()}::timestamptz AND ${reviewDecisions.decidedAt} < ${to.toISOString()}::timestamptz)`);
  }
  if (q.review === "overdue") where.push(sql`EXISTS (SELECT 1 FROM ${modelVersions} WHERE ${modelVersions.modelId} = ${models.id} AND ${reviewOverdue(now)})`);
  return where;
}

/** One inventory row (models joined with their owner in users): the page and the CSV export select the same. */
export const INVENTORY_ROW = {
  id: models.id,
  slug: models.slug,
  name: models.name,
  purpose: models.purpose,
  businessUnit: models.businessUnit,
  tags: models.tags,
  riskTier: models.riskTier,
  docPercent: models.docPercent,
  docBand: models.docBand,
  updatedAt: models.updatedAt,
  ownerEmail: users.email,
  ownerName: users.name,
  versionCount: sql<number>`(SELECT count(*)::int FROM ${modelVersions} WHERE ${modelVersions.modelId} = ${models.id})`,
  latestVersion: sql<string | null>`(SELECT ${modelVersions.version} FROM ${modelVersions} WHERE ${modelVersions.modelId} = ${models.id} ORDER BY ${modelVersions.createdAt} DESC LIMIT 1)`,
  latestStage: sql<string | null>`(SELECT ${modelVersions.stage} FROM ${modelVersions} WHERE ${modelVersions.modelId} = ${models.id} ORDER BY ${modelVersions.createdAt} DESC LIMIT 1)`,
};

/**
 * One page of the inventory, filtered and sorted in SQL (offset pagination: pages of a sorted,
 * filtered list users jump around in; at 10,000 models the offset scan stays small).
 */
export async function inventoryPage(db: Db, q: TInventoryQuery, now = new Date()) {
  const where = and(...conditions(q, now));
  const direction = q.dir === "desc" ? desc : asc;
  const order = {
    name: [direction(models.name)],
    updated: [direction(models.updatedAt)],
    tier: [direction(TIER_RANK), asc(models.name)],
    completeness: [direction(models.docPercent), asc(models.name)],
    owner: [direction(users.name), asc(models.name)],
  }[q.sort];
  // The page's ids first, then its columns: the per-row subqueries below (version count, latest
  // version) then run for the 25 rows shown, not for every row an OFFSET skips (at page 300 of
  // 10,000 models that was 3 × 7,500 subqueries).
  const page = db
    .select({ id: models.id })
    .from(models)
    .innerJoin(users, eq(users.id, models.ownerId))
    .where(where)
    .orderBy(...order, asc(models.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .as("page");
  const [rows, [total]] = await Promise.all([
    db
      .select(INVENTORY_ROW)
      .from(page)
      .innerJoin(models, eq(models.id, page.id))
      .innerJoin(users, eq(users.id, models.ownerId))
      .orderBy(...order, asc(models.id)),
    db.select({ n: count() }).from(models).innerJoin(users, eq(users.id, models.ownerId)).where(where),
  ]);
  return { models: rows, total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

/** Values for the inventory's filter menus. */
export async function inventoryFacets(db: Db) {
  const [units, owners] = await Promise.all([
    db.selectDistinct({ value: models.businessUnit }).from(models).where(sql`${models.businessUnit} <> ''`).orderBy(asc(models.businessUnit)),
    db.selectDistinct({ email: users.email, name: users.name }).from(models).innerJoin(users, eq(users.id, models.ownerId)).orderBy(asc(users.name)),
  ]);
  return { businessUnits: units.map((u) => u.value), owners };
}
