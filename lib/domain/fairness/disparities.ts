import { sumCounts, type TConfusionCounts } from "./counts";
import { proportion } from "./group-metrics";

/**
 * Fairlearn's aggregate disparities (fairlearn.metrics demographic_parity_difference/_ratio,
 * equal_opportunity_difference, equalized_odds_difference/_ratio with agg="worst_case"), computed
 * from per-group confusion counts.
 *
 * between groups (Fairlearn's default): difference = max − min, ratio = min / max over ALL groups.
 * to overall (method="to_overall", fairlearn/metrics/_disaggregated_result.py): difference =
 * max over groups of |group − overall|; ratio = min over groups of x = group / overall, with x
 * replaced by 1/x when x > 1 (Fairlearn's ratio_sub_one), where "overall" is the metric on all
 * rows of the attribute together.
 * equalized odds: difference = max(TPR difference, FPR difference), ratio = min(TPR ratio, FPR ratio).
 *
 * Undefined values. A rate is undefined for a group without the rows it divides by (TPR with no
 * positives, FPR with no negatives). Fairlearn would not tell you: it computes TPR and FPR through
 * scikit-learn's confusion_matrix(normalize="true"), which replaces 0/0 with 0, so a group with
 * no positives silently gets TPR 0 and inflates the difference; and a ratio whose largest value
 * is 0 is 0/0 = NaN. Attest never turns "undefined" into a number: an aggregate is null when any
 * group rate it needs is null, and a ratio is null when its denominator is 0 (no group selected
 * at all, say). Everything else matches Fairlearn bit for bit: the same operations on the same
 * doubles, in the same order.
 */
export type TDisparities = {
  demographicParityDifference: number | null;
  demographicParityRatio: number | null;
  equalOpportunityDifference: number | null;
  equalizedOddsDifference: number | null;
  equalizedOddsRatio: number | null;
};

export const DISPARITY_METRICS = [
  "demographicParityDifference",
  "demographicParityRatio",
  "equalOpportunityDifference",
  "equalizedOddsDifference",
  "equalizedOddsRatio",
] as const satisfies readonly (keyof TDisparities)[];

export type TComparedRate = "selectionRate" | "tpr" | "fpr";

export type TRateSpread = {
  difference: number | null;
  ratio: number | null;
  /** The group with the smallest / largest rate (the first in the given order on ties); null when undefined. */
  lowest: string | null;
  highest: string | null;
  /** Groups whose rate is undefined; when any, difference and ratio are null. */
  undefinedGroups: string[];
};

type TNamedCounts = readonly (readonly [string, TConfusionCounts])[];

/** max − min and min / max of one rate over the given groups. */
export function rateSpread(groups: TNamedCounts, rate: TComparedRate): TRateSpread {
  let lowest: string | null = null;
  let highest: string | null = null;
  let min = Infinity;
  let max = -Infinity;
  const undefinedGroups: string[] = [];
  for (const [name, counts] of groups) {
    const value = proportion(rate, counts);
    if (value === null) {
      undefinedGroups.push(name);
      continue;
    }
    if (value < min) [min, lowest] = [value, name];
    if (value > max) [max, highest] = [value, name];
  }
  if (undefinedGroups.length > 0 || lowest === null) return { difference: null, ratio: null, lowest: null, highest: null, undefinedGroups };
  return { difference: max - min, ratio: max === 0 ? null : min / max, lowest, highest, undefinedGroups };
}

/** Fairlearn's to_overall difference and ratio of one rate. */
export function rateToOverall(groups: TNamedCounts, rate: TComparedRate): { difference: number | null; ratio: number | null } {
  const overall = proportion(rate, sumCounts(groups.map(([, counts]) => counts)));
  if (overall === null || groups.length === 0) return { difference: null, ratio: null };
  let difference = 0;
  let ratio = Infinity;
  for (const [, counts] of groups) {
    const value = proportion(rate, counts);
    if (value === null) return { difference: null, ratio: null };
    difference = Math.max(difference, Math.abs(value - overall));
    if (overall === 0) {
      ratio = NaN; // 0/0 for every group: no ratio
      continue;
    }
    const x = value / overall;
    ratio = Math.min(ratio, x > 1 ? 1 / x : x);
  }
  return { difference, ratio: Number.isNaN(ratio) ? null : ratio };
}

const maxOrNull = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.max(a, b));
const minOrNull = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.min(a, b));

/** The five disparities from a rate comparison (between groups, or each group to overall). */
function disparitiesFrom(compare: (rate: TComparedRate) => { difference: number | null; ratio: number | null }): TDisparities {
  const [selection, tpr, fpr] = (["selectionRate", "tpr", "fpr"] as const).map(compare) as [ReturnType<typeof compare>, ReturnType<typeof compare>, ReturnType<typeof compare>];
  return {
    demographicParityDifference: selection.difference,
    demographicParityRatio: selection.ratio,
    equalOpportunityDifference: tpr.difference,
    equalizedOddsDifference: maxOrNull(tpr.difference, fpr.difference),
    equalizedOddsRatio: minOrNull(tpr.ratio, fpr.ratio),
  };
}

export const betweenGroupDisparities = (groups: TNamedCounts): TDisparities => disparitiesFrom((rate) => rateSpread(groups, rate));

export const toOverallDisparities = (groups: TNamedCounts): TDisparities => disparitiesFrom((rate) => rateToOverall(groups, rate));
