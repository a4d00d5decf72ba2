import { createHash } from "node:crypto";
import { z } from "zod";
import { ZConfusionCountsSchema } from "@/lib/domain/fairness/counts";
import { canonicalJson } from "@/lib/domain/canonical-json";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { emitAudit } from "../audit/emit";
import { parseInput } from "../parse";
import { Unprocessable } from "../errors";
import { insertEvaluation } from "./insert-evaluation";
import { judgeCounts, loadEvaluationTarget, ZEvaluationTargetSchema } from "./target";
import { invalidateStandingApprovals, linkInvalidations } from "../reviews/invalidate";

const ZGroups = z.strictObject({ groups: z.record(z.string(), ZConfusionCountsSchema) });

const ZCountsSchema = ZEvaluationTargetSchema.extend({
  overall: ZConfusionCountsSchema,
  // As with a file: at least one sensitive attribute, or a "pass" would rest on no fairness evidence.
  attributes: z.record(z.string(), ZGroups).refine((a) => Object.keys(a).length > 0, "Give the counts of at least one sensitive attribute."),
  intersections: z.record(z.string(), ZGroups).default({}),
  scoreHistogram: z
    .strictObject({ scores: z.array(z.number()).max(10_000), positives: z.array(z.number().int().min(0)), negatives: z.array(z.number().int().min(0)) })
    .refine((h) => h.scores.length === h.positives.length && h.scores.length === h.negatives.length, "scores, positives and negatives must be the same length.")
    .refine((h) => h.scores.every((s, i) => i === 0 || s > h.scores[i - 1]!), "scores must be strictly ascending.")
    .nullish(),
});

/**
 * A pipeline posts the counts it computed itself (the same shape Attest stores), instead of the
 * file. The input hash is the SHA-256 of the counts' canonical JSON.
 */
export async function recordEvaluationCounts(ctx: ServiceContext, input: z.input<typeof ZCountsSchema>) {
  authorize(ctx, "evaluations.write");
  const { slug, version: label, name, references, latencyMs, ...counts } = parseInput(ZCountsSchema, input);
  const target = { slug, version: label, name, references, latencyMs };
  const { model, version, thresholds } = await loadEvaluationTarget(ctx, target);
  checkCounts(counts);
  const judged = judgeCounts(counts, target, thresholds);
  const inputSha256 = createHash("sha256").update(canonicalJson(counts)).digest("hex");
  const rows = counts.overall.tp + counts.overall.fp + counts.overall.tn + counts.overall.fn;
  return withTransaction(ctx, async (tx) => {
    const evaluation = await insertEvaluation(tx, ctx, { model, version, target, source: "counts", inputSha256, rows, mapping: {}, counts, judged });
    const invalidatedApprovals = await invalidateStandingApprovals(tx, { versionIds: [version.id] });
    const event = await emitAudit(tx, ctx, {
      action: "evaluation.created",
      entityType: "evaluation",
      entityId: evaluation.id,
      data: { slug: model.slug, version: version.version, name: evaluation.name, source: "counts", inputSha256, rows, result: evaluation.result as "pass" | "fail", ...(invalidatedApprovals.length ? { invalidatedApprovals } : {}) },
    });
    await linkInvalidations(tx, invalidatedApprovals, event.seq);
    return evaluation;
  });
}

/** What a predictions file would have been refused for: no rows, no positives, one group only. */
function checkCounts(counts: { overall: { tp: number; fp: number; tn: number; fn: number }; attributes: Record<string, { groups: Record<string, unknown> }> }) {
  const { tp, fp, tn, fn } = counts.overall;
  if (tp + fp + tn + fn === 0) throw new Unprocessable("The overall counts are all zero: there is nothing to evaluate.", { code: "no_rows" });
  if (tp + fn === 0) throw new Unprocessable("The overall counts have no positives (tp + fn = 0): the positive label never occurs.", { code: "positive_label_absent" });
  for (const [column, { groups }] of Object.entries(counts.attributes)) {
    const names = Object.keys(groups);
    if (names.length < 2) {
      throw new Unprocessable(`The sensitive attribute ${JSON.stringify(column)} has ${names.length === 0 ? "no groups" : `one group only (${JSON.stringify(names[0])})`}; a fairness evaluation needs at least two groups to compare.`, {
        code: "single_group",
        column,
        value: names[0] ?? null,
      });
    }
  }
}
