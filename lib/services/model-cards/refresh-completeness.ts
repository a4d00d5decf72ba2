import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { models, modelVersions, type TModel } from "@/db/schema";
import { completeness } from "@/lib/domain/model-card/completeness";
import type { TRiskTier } from "@/lib/domain/model-card/template";
import { latestCardRevision } from "./queries";

/**
 * Recomputes the model's documentation completeness (its latest version's current card against
 * the model's tier) into models.doc_percent/doc_band, which the inventory filters on. Call it in
 * the transaction of any change that moves it: a card save, a new version, a reclassification.
 */
export async function refreshModelCompleteness(tx: Db, model: TModel): Promise<void> {
  const [latest] = await tx.select({ id: modelVersions.id }).from(modelVersions).where(eq(modelVersions.modelId, model.id)).orderBy(desc(modelVersions.createdAt)).limit(1);
  const revision = latest ? await latestCardRevision(tx, latest.id) : null;
  const result = completeness(revision?.content ?? {}, model.riskTier as TRiskTier | null);
  await tx.update(models).set({ docPercent: result.overall.percent, docBand: result.band }).where(eq(models.id, model.id));
}
