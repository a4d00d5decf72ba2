import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { riskClassifications } from "@/db/schema";

/** The card fields a classification rests on: changing them means the tier must be looked at again. */
export const CLASSIFICATION_INPUT_FIELDS = ["intendedUse.primaryUses", "intendedUse.deploymentContext"] as const;

/**
 * Marks the model's classification in force as needing review when a card save changed the
 * intended purpose or deployment context. Returns the flagged classification's id, or null.
 */
export async function flagClassificationForReview(tx: Db, modelId: string, changedFields: readonly string[]): Promise<string | null> {
  const touched = CLASSIFICATION_INPUT_FIELDS.filter((f) => changedFields.includes(f));
  if (touched.length === 0) return null;
  const [current] = await tx
    .select()
    .from(riskClassifications)
    .where(and(eq(riskClassifications.modelId, modelId), inArray(riskClassifications.status, ["confirmed", "overridden"])))
    .orderBy(desc(riskClassifications.decidedAt))
    .limit(1)
    .for("update");
  if (!current) return null;
  const labels = touched.map((f) => (f === "intendedUse.primaryUses" ? "intended purpose" : "deployment context")).join(" and ");
  await tx.update(riskClassifications).set({ needsReview: true, needsReviewReason: `The ${labels} changed in the model card after this classification was decided.` }).where(eq(riskClassifications.id, current.id));
  return current.id;
}
