import { z } from "zod";
import { FairnessInputError } from "@/lib/domain/fairness/errors";
import { evaluate, type TEvaluationCounts } from "@/lib/domain/fairness/evaluation";
import type { TFairnessThresholds } from "@/lib/domain/fairness/thresholds";
import type { ServiceContext } from "../context";
import { Conflict, Unprocessable } from "../errors";
import { assertCanEditModel } from "../models/access";
import { loadModelVersion } from "../models/load";
import { fairnessThresholdsFor } from "./policy";

export const ZEvaluationTargetSchema = z.object({
  slug: z.string(),
  version: z.string(),
  name: z.string().trim().min(1, "Name the evaluation, e.g. “holdout 2026-Q3”.").max(120, "An evaluation name has at most 120 characters."),
  // Reference (privileged) group per attribute or intersection key, for AIF360's comparisons.
  references: z.record(z.string(), z.string()).default({}),
  latencyMs: z.number().nonnegative("Latency cannot be negative.").max(3_600_000).nullish(),
});
export type TEvaluationTarget = z.output<typeof ZEvaluationTargetSchema>;

/**
 * Who may evaluate this version (its model's owner and maintainers, before a byte is read), and
 * the thresholds of the model's tier. Runs outside any transaction: the upload may take seconds.
 */
export async function loadEvaluationTarget(ctx: ServiceContext, target: TEvaluationTarget) {
  const { model, version } = await loadModelVersion(ctx.db, target.slug, target.version);
  await assertCanEditModel(ctx.db, ctx, model);
  if (version.stage === "retired") throw new Conflict("A retired version is read-only: it cannot get new evaluations.");
  return { model, version, thresholds: await fairnessThresholdsFor(ctx.db, model.riskTier) };
}

/** Metrics and judgement from the counts; a reference group the data lacks is a 422. */
export function judgeCounts(counts: TEvaluationCounts, target: TEvaluationTarget, thresholds: TFairnessThresholds) {
  try {
    return evaluate(counts, { references: target.references, thresholds });
  } catch (error) {
    if (error instanceof FairnessInputError) throw new Unprocessable(error.message);
    throw error;
  }
}
