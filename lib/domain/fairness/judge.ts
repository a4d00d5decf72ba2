import type { TConfusionCounts } from "./counts";
import { rateSpread, type TRateSpread } from "./disparities";
import type { TAttributeMetrics } from "./attribute-metrics";
import type { TFairnessThresholds } from "./thresholds";

export type TJudgedMetric =
  | "demographicParityRatio"
  | "demographicParityDifference"
  | "equalOpportunityDifference"
  | "equalizedOddsDifference"
  | "judgedGroups";

/**
 * One reason an evaluation fails. attribute is a column name or an intersection key
 * ("race*sex"); groups are the groups responsible: the lowest and highest group for a
 * difference or ratio; when value is null, the groups whose rate is undefined (or all judged
 * groups for a ratio of 0/0); the judged groups when there are too few of them.
 */
export type TFairnessFailure = { attribute: string; metric: TJudgedMetric; value: number | null; threshold: number; groups: string[] };

export type TJudgement = { status: "pass" | "fail"; failures: TFairnessFailure[] };

/**
 * Tolerance for comparing a metric with its threshold. Metrics are ratios of counts and their
 * doubles are off by an ulp or so (0.3 − 0.2 = 0.09999999999999998), which must not decide a
 * pass or fail at the boundary; 1e-12 is far below any meaningful difference.
 */
export const THRESHOLD_TOLERANCE = 1e-12;

type TJudgeable = { attributes: Record<string, TAttributeMetrics>; intersections?: Record<string, TAttributeMetrics> };

/**
 * Pass/fail against the thresholds, over the judged groups only: groups with at least
 * thresholds.minGroupSize rows (the smaller ones are reported, flagged insufficientSample, and
 * left out). The disparities are recomputed over the judged groups, between groups, as Fairlearn
 * would on those groups. An attribute fails when
 *   - fewer than two groups are large enough to be compared (metric "judgedGroups", value = how
 *     many are, threshold 2): nothing shows the model treats groups alike;
 *   - demographic parity ratio < minimum, or demographic parity, equal opportunity or equalized
 *     odds difference > maximum (each within THRESHOLD_TOLERANCE);
 *   - one of those is undefined on the judged groups (value null): e.g. a judged group has no
 *     positives, so equal opportunity cannot be shown, or no group is selected at all, so the
 *     ratio is 0/0. Missing evidence is not a pass.
 */
export function judge(result: TJudgeable, thresholds: TFairnessThresholds): TJudgement {
  const failures: TFairnessFailure[] = [];
  const all = [...Object.entries(result.attributes), ...Object.entries(result.intersections ?? {})];
  for (const [attribute, metrics] of all) {
    const judged = Object.keys(metrics.groups)
      .filter((group) => metrics.groups[group]!.n >= thresholds.minGroupSize)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((group) => [group, countsOf(metrics.groups[group]!)] as const);
    if (judged.length < 2) {
      failures.push({ attribute, metric: "judgedGroups", value: judged.length, threshold: 2, groups: judged.map(([group]) => group) });
      continue;
    }
    const selection = rateSpread(judged, "selectionRate");
    const tpr = rateSpread(judged, "tpr");
    const fpr = rateSpread(judged, "fpr");
    const odds = worseOdds(tpr, fpr);
    const checks: [TJudgedMetric, number | null, TRateSpread, "min" | "max", number][] = [
      ["demographicParityRatio", selection.ratio, selection, "min", thresholds.minDemographicParityRatio],
      ["demographicParityDifference", selection.difference, selection, "max", thresholds.maxDemographicParityDifference],
      ["equalOpportunityDifference", tpr.difference, tpr, "max", thresholds.maxEqualOpportunityDifference],
      ["equalizedOddsDifference", odds.difference, odds, "max", thresholds.maxEqualizedOddsDifference],
    ];
    for (const [metric, value, spread, bound, threshold] of checks) {
      const fails = value === null || (bound === "min" ? value < threshold - THRESHOLD_TOLERANCE : value > threshold + THRESHOLD_TOLERANCE);
      if (!fails) continue;
      failures.push({ attribute, metric, value, threshold, groups: responsibleGroups(value, spread, judged) });
    }
  }
  return { status: failures.length === 0 ? "pass" : "fail", failures };
}

const countsOf = (g: TConfusionCounts): TConfusionCounts => ({ tp: g.tp, fp: g.fp, tn: g.tn, fn: g.fn });

/** Equalized odds difference = max(TPR difference, FPR difference): the spread that gives it. */
function worseOdds(tpr: TRateSpread, fpr: TRateSpread): TRateSpread {
  if (tpr.difference === null || fpr.difference === null) {
    return { difference: null, ratio: null, lowest: null, highest: null, undefinedGroups: [...new Set([...tpr.undefinedGroups, ...fpr.undefinedGroups])].sort() };
  }
  return fpr.difference > tpr.difference ? fpr : tpr;
}

function responsibleGroups(value: number | null, spread: TRateSpread, judged: readonly (readonly [string, TConfusionCounts])[]): string[] {
  if (spread.undefinedGroups.length > 0) return spread.undefinedGroups;
  // A ratio of 0/0: no judged group has any selected row, so all of them are responsible.
  if (value === null || spread.lowest === null || spread.highest === null) return judged.map(([group]) => group);
  return spread.lowest === spread.highest ? [spread.lowest] : [spread.lowest, spread.highest];
}
