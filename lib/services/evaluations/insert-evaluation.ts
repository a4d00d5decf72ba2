import type { Db } from "@/db/client";
import { evaluations, type TModel, type TModelVersion } from "@/db/schema";
import { actorEmail } from "@/lib/auth/actor";
import type { TEvaluationCounts } from "@/lib/domain/fairness/evaluation";
import type { ServiceContext } from "../context";
import type { judgeCounts, TEvaluationTarget } from "./target";

// A histogram this small is kept so ROC-AUC can be recomputed; a larger one only leaves its result.
const KEPT_HISTOGRAM_SCORES = 10_000;

/** Inserts the evaluation inside the verb's transaction. */
export async function insertEvaluation(
  tx: Db,
  ctx: ServiceContext,
  input: { model: TModel; version: TModelVersion; target: TEvaluationTarget; source: "csv" | "counts"; inputSha256: string; rows: number; mapping: unknown; counts: TEvaluationCounts; judged: ReturnType<typeof judgeCounts> },
) {
  const { judgement, thresholds, ...metrics } = input.judged;
  const histogram = input.counts.scoreHistogram;
  const counts = { ...input.counts, scoreHistogram: histogram && histogram.scores.length <= KEPT_HISTOGRAM_SCORES ? histogram : null };
  const [row] = await tx
    .insert(evaluations)
    .values({
      versionId: input.version.id,
      name: input.target.name,
      source: input.source,
      inputSha256: input.inputSha256,
      rows: input.rows,
      mapping: { ...(input.mapping as object), references: input.target.references },
      counts,
      metrics,
      thresholds,
      judgement,
      result: judgement.status,
      latencyMs: input.target.latencyMs ?? null,
      createdBy: ctx.actor.kind === "user" ? ctx.actor.userId : null,
      createdByEmail: actorEmail(ctx.actor),
    })
    .returning();
  return row!;
}
