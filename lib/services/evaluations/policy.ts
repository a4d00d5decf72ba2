import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { policySettings } from "@/db/schema";
import { DEFAULT_THRESHOLDS, ZFairnessThresholdsSchema, type TFairnessThresholds } from "@/lib/domain/fairness/thresholds";
import { RISK_TIERS, type TRiskTier } from "@/lib/domain/model-card/template";

export const FAIRNESS_THRESHOLDS_KEY = "fairness_thresholds";

/** Thresholds per tier; "unclassified" models are judged like high-risk ones unless set apart. */
export const ZFairnessPolicySchema = z.strictObject(
  Object.fromEntries([...RISK_TIERS, "unclassified"].map((tier) => [tier, ZFairnessThresholdsSchema.optional()])) as Record<TRiskTier | "unclassified", z.ZodOptional<typeof ZFairnessThresholdsSchema>>,
);
export type TFairnessPolicy = z.output<typeof ZFairnessPolicySchema>;

export async function fairnessPolicy(db: Db): Promise<TFairnessPolicy> {
  const [row] = await db.select().from(policySettings).where(eq(policySettings.key, FAIRNESS_THRESHOLDS_KEY));
  return row ? ZFairnessPolicySchema.parse(row.value) : {};
}

/** The thresholds an evaluation of a model of this tier is judged against (defaults where unset). */
export async function fairnessThresholdsFor(db: Db, tier: string | null): Promise<TFairnessThresholds> {
  const policy = await fairnessPolicy(db);
  const key = (tier ?? "unclassified") as keyof TFairnessPolicy;
  return policy[key] ?? (tier === null ? policy.high : undefined) ?? { ...DEFAULT_THRESHOLDS };
}
