import { createHash } from "node:crypto";
import { z } from "zod";
import { PredictionsCsvError } from "@/lib/domain/predictions-csv/errors";
import { ZColumnMappingSchema } from "@/lib/domain/predictions-csv/mapping";
import { PredictionsCsvReader } from "@/lib/domain/predictions-csv/reader";
import { TooManyDistinctScoresError } from "@/lib/domain/fairness/score-histogram";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { ServiceError, Unprocessable } from "../errors";
import { emitAudit } from "../audit/emit";
import { parseInput } from "../parse";
import { insertEvaluation } from "./insert-evaluation";
import { judgeCounts, loadEvaluationTarget, ZEvaluationTargetSchema } from "./target";
import { invalidateStandingApprovals, linkInvalidations } from "../reviews/invalidate";

export const MAX_PREDICTIONS_BYTES = 512 * 1024 * 1024;

const ZIngestSchema = ZEvaluationTargetSchema.extend({ mapping: ZColumnMappingSchema });

export type IngestProgress = { bytes: number; rows: number };

/**
 * Evaluates a predictions file as it streams in: the bytes are hashed and counted chunk by chunk
 * and never held, so a million-row file costs the memory of its group tables. Any problem in the
 * file (a missing column, a third label, a ragged row…) stops the read with its row and column,
 * and nothing is stored.
 */
export async function ingestPredictionsCsv(
  ctx: ServiceContext,
  input: z.input<typeof ZIngestSchema> & { chunks: AsyncIterable<Uint8Array>; maxBytes?: number; onProgress?: (progress: IngestProgress) => void },
) {
  authorize(ctx, "evaluations.write");
  const { mapping, ...target } = parseInput(ZIngestSchema, input);
  const { model, version, thresholds } = await loadEvaluationTarget(ctx, target);
  const maxBytes = input.maxBytes ?? MAX_PREDICTIONS_BYTES;
  const hash = createHash("sha256");
  let bytes = 0;
  let counts;
  try {
    // Inside the try: a mapping that contradicts itself (label = prediction…) is a 422 too.
    const reader = new PredictionsCsvReader(mapping, { delimiter: "auto" });
    for await (const chunk of input.chunks) {
      bytes += chunk.byteLength;
      if (bytes > maxBytes) throw new ServiceError("payload_too_large", 413, `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
      hash.update(chunk);
      reader.push(chunk);
      input.onProgress?.({ bytes, rows: reader.rowsProcessed });
    }
    counts = reader.end();
  } catch (error) {
    if (error instanceof PredictionsCsvError) throw new Unprocessable(error.message, { code: error.code, row: error.row, column: error.column, value: error.value });
    if (error instanceof TooManyDistinctScoresError) throw new Unprocessable(error.message, { code: "too_many_scores", column: mapping.score ?? null });
    throw error;
  }
  const judged = judgeCounts(counts, target, thresholds);
  const inputSha256 = hash.digest("hex");
  return withTransaction(ctx, async (tx) => {
    const evaluation = await insertEvaluation(tx, ctx, { model, version, target, source: "csv", inputSha256, rows: counts.rows, mapping, counts, judged });
    const invalidatedApprovals = await invalidateStandingApprovals(tx, { versionIds: [version.id] });
    const event = await emitAudit(tx, ctx, {
      action: "evaluation.created",
      entityType: "evaluation",
      entityId: evaluation.id,
      data: { slug: model.slug, version: version.version, name: evaluation.name, source: "csv", inputSha256, rows: counts.rows, result: evaluation.result as "pass" | "fail", ...(invalidatedApprovals.length ? { invalidatedApprovals } : {}) },
    });
    await linkInvalidations(tx, invalidatedApprovals, event.seq);
    return evaluation;
  });
}
