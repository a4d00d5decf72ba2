import { attributeMetrics, type TAttributeMetrics } from "./attribute-metrics";
import { recordOf, sortedKeys, type TConfusionCounts } from "./counts";
import { FairnessInputError } from "./errors";
import { judge, type TJudgement } from "./judge";
import { overallMetrics, type TOverallMetrics } from "./overall-metrics";
import type { TScoreHistogram } from "./score-histogram";
import { DEFAULT_THRESHOLDS, type TFairnessThresholds } from "./thresholds";

/** What an evaluation stores: the counts, from which every metric below is recomputed. */
export type TEvaluationCounts = {
  overall: TConfusionCounts;
  attributes: Record<string, { groups: Record<string, TConfusionCounts> }>;
  intersections?: Record<string, { groups: Record<string, TConfusionCounts> }>;
  scoreHistogram?: TScoreHistogram | null;
};

export type TEvaluationMetrics = {
  overall: TOverallMetrics;
  attributes: Record<string, TAttributeMetrics>;
  intersections: Record<string, TAttributeMetrics>;
};

export type TEvaluationOptions = {
  /** Reference group per attribute column or intersection key ("race*sex"). */
  references?: Record<string, string>;
  thresholds?: TFairnessThresholds;
};

/**
 * The metrics of issue 5's response (overall, attributes, intersections) from stored or posted
 * counts. Every attribute's and intersection's groups must add up to the overall counts: each row
 * belongs to exactly one group of each.
 */
export function evaluationMetrics(counts: TEvaluationCounts, options: TEvaluationOptions = {}): TEvaluationMetrics {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const references = options.references ?? {};
  const describe = (kind: "attribute" | "intersection", name: string, groups: Record<string, TConfusionCounts>) => {
    const cells = (["tp", "fp", "tn", "fn"] as const).map((cell) => Object.values(groups).reduce((sum, g) => sum + g[cell], 0));
    const overall = [counts.overall.tp, counts.overall.fp, counts.overall.tn, counts.overall.fn];
    if (cells.some((value, i) => value !== overall[i])) {
      const list = (values: number[]) => `tp ${values[0]}, fp ${values[1]}, tn ${values[2]}, fn ${values[3]}`;
      throw new FairnessInputError(
        `The groups of ${kind} ${JSON.stringify(name)} do not add up to the overall counts (groups: ${list(cells)}; overall: ${list(overall)}). Every row belongs to exactly one group.`,
      );
    }
    return attributeMetrics(groups, { reference: Object.hasOwn(references, name) ? references[name] : null, minGroupSize: thresholds.minGroupSize });
  };
  for (const name of Object.keys(references)) {
    if (!Object.hasOwn(counts.attributes, name) && !Object.hasOwn(counts.intersections ?? {}, name)) {
      throw new FairnessInputError(`A reference group is given for ${JSON.stringify(name)}, which is not a sensitive attribute or intersection of this evaluation.`);
    }
  }
  const intersections = counts.intersections ?? {};
  return {
    overall: overallMetrics(counts.overall, counts.scoreHistogram ?? null),
    attributes: recordOf(sortedKeys(counts.attributes).map((name) => [name, describe("attribute", name, counts.attributes[name]!.groups)])),
    intersections: recordOf(sortedKeys(intersections).map((name) => [name, describe("intersection", name, intersections[name]!.groups)])),
  };
}

/** Metrics and judgement in one call: what the evaluation service stores and returns. */
export function evaluate(counts: TEvaluationCounts, options: TEvaluationOptions = {}): TEvaluationMetrics & { judgement: TJudgement; thresholds: TFairnessThresholds } {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const metrics = evaluationMetrics(counts, { ...options, thresholds });
  return { ...metrics, judgement: judge(metrics, thresholds), thresholds };
}
