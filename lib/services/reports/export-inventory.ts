import { and, asc, count, eq, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { models, modelVersions, users } from "@/db/schema";
import { csvRow } from "@/lib/domain/csv";
import { INVENTORY_ROW } from "../models/inventory";
import { emitAudit } from "../audit/emit";
import { authorize, withTransaction, type ServiceContext } from "../context";

export const INVENTORY_CSV_COLUMNS = [
  "slug",
  "name",
  "purpose",
  "business_unit",
  "owner_email",
  "owner_name",
  "tags",
  "risk_tier",
  "documentation_percent",
  "documentation_band",
  "versions",
  "latest_version",
  "latest_stage",
  "next_review_due",
  "created_at",
  "updated_at",
] as const;

// Rows per query: the export holds one page in memory, whatever the size of the inventory.
const PAGE_SIZE = 500;

/**
 * The model inventory as CSV for auditors. The download is a sensitive read, so it is audited
 * first (with the number of models it contains); the body then streams page by page, limited to
 * the models that existed when the event was written, so the file matches the recorded count.
 */
export async function exportInventory(ctx: ServiceContext) {
  authorize(ctx, "reports.read");
  const { exportEvent, asOf } = await withTransaction(ctx, async (tx) => {
    const asOf = new Date();
    const [row] = await tx.select({ n: count() }).from(models).where(lte(models.createdAt, asOf));
    const exportEvent = await emitAudit(tx, ctx, {
      action: "report.inventory_exported",
      entityType: "model_inventory",
      entityId: null,
      data: { format: "csv", count: Number(row?.n ?? 0) },
    });
    return { exportEvent, asOf };
  });
  return { exportEvent, lines: inventoryLines(ctx.db, asOf) };
}

async function* inventoryLines(db: Db, asOf: Date): AsyncGenerator<string> {
  yield csvRow(INVENTORY_CSV_COLUMNS);
  let after: { name: string; id: string } | null = null;
  for (;;) {
    const page = await inventoryPageAfter(db, asOf, after);
    for (const m of page) {
      yield csvRow([
        m.slug,
        m.name,
        m.purpose,
        m.businessUnit,
        m.ownerEmail,
        m.ownerName,
        m.tags.join(";"),
        m.riskTier ?? "unclassified",
        m.docPercent,
        m.docBand,
        m.versionCount,
        m.latestVersion,
        m.latestStage,
        m.nextReviewDue ? new Date(m.nextReviewDue).toISOString().slice(0, 10) : null,
        m.createdAt.toISOString(),
        m.updatedAt.toISOString(),
      ]);
    }
    if (page.length < PAGE_SIZE) return;
    const last = page[page.length - 1]!;
    after = { name: last.name, id: last.id };
  }
}

/** One page in the inventory's default order (name, id), by keyset on models_name_idx. */
function inventoryPageAfter(db: Db, asOf: Date, after: { name: string; id: string } | null) {
  return db
    .select({
      ...INVENTORY_ROW,
      createdAt: models.createdAt,
      // The earliest periodic re-review due among the versions still in service.
      nextReviewDue: sql<string | null>`(SELECT min(${modelVersions.nextReviewDue}) FROM ${modelVersions} WHERE ${modelVersions.modelId} = ${models.id} AND ${modelVersions.stage} <> 'retired')`,
    })
    .from(models)
    .innerJoin(users, eq(users.id, models.ownerId))
    .where(and(lte(models.createdAt, asOf), after ? sql`(${models.name}, ${models.id}) > (${after.name}, ${after.id})` : undefined))
    .orderBy(asc(models.name), asc(models.id))
    .limit(PAGE_SIZE);
}
