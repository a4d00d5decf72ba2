import { countsTotal, type TConfusionCounts } from "./counts";
import { wilsonInterval, type TInterval } from "./wilson";

/** Every per-group proportion, in the order the UI and the JSON list them. */
export const PROPORTION_METRICS = ["selectionRate", "baseRate", "accuracy", "precision", "tpr", "fpr", "fnr"] as const;
export type TProportionMetric = (typeof PROPORTION_METRICS)[number];

/**
 * The numerator and denominator of each proportion (reference/fairness.md, "Per group a").
 * A proportion whose denominator is 0 is undefined: null, never 0.
 */
export const PROPORTION_PARTS: Record<TProportionMetric, (c: TConfusionCounts) => [successes: number, trials: number]> = {
  selectionRate: (c) => [c.tp + c.fp, countsTotal(c)],
  baseRate: (c) => [c.tp + c.fn, countsTotal(c)],
  accuracy: (c) => [c.tp + c.tn, countsTotal(c)],
  precision: (c) => [c.tp, c.tp + c.fp],
  tpr: (c) => [c.tp, c.tp + c.fn],
  fpr: (c) => [c.fp, c.fp + c.tn],
  fnr: (c) => [c.fn, c.tp + c.fn],
};

/** Why a proportion is undefined, in words for tooltips ("not defined: no positives in group"). */
export const UNDEFINED_REASONS: Record<TProportionMetric, string> = {
  selectionRate: "no rows in group",
  baseRate: "no rows in group",
  accuracy: "no rows in group",
  precision: "no positive predictions in group",
  tpr: "no positives in group",
  fpr: "no negatives in group",
  fnr: "no positives in group",
};

export type TGroupMetrics = TConfusionCounts & {
  n: number;
  insufficientSample: boolean;
  ci: Record<TProportionMetric, TInterval | null>;
} & Record<TProportionMetric, number | null>;

export function proportion(metric: TProportionMetric, counts: TConfusionCounts): number | null {
  const [successes, trials] = PROPORTION_PARTS[metric](counts);
  return trials === 0 ? null : successes / trials;
}

/**
 * The per-group row of the evaluation: counts, every proportion with its 95% Wilson interval,
 * and whether the group is too small to be judged (n < minGroupSize).
 */
export function groupMetrics(counts: TConfusionCounts, minGroupSize: number): TGroupMetrics {
  const n = countsTotal(counts);
  const values = {} as Record<TProportionMetric, number | null>;
  const ci = {} as Record<TProportionMetric, TInterval | null>;
  for (const metric of PROPORTION_METRICS) {
    const [successes, trials] = PROPORTION_PARTS[metric](counts);
    values[metric] = trials === 0 ? null : successes / trials;
    ci[metric] = wilsonInterval(successes, trials);
  }
  return {
    n,
    tp: counts.tp,
    fp: counts.fp,
    tn: counts.tn,
    fn: counts.fn,
    selectionRate: values.selectionRate,
    baseRate: values.baseRate,
    accuracy: values.accuracy,
    precision: values.precision,
    tpr: values.tpr,
    fpr: values.fpr,
    fnr: values.fnr,
    insufficientSample: n < minGroupSize,
    ci,
  };
}
