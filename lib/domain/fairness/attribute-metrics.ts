import { countsTotal, recordOf, sortedKeys, type TConfusionCounts } from "./counts";
import { betweenGroupDisparities, toOverallDisparities, type TDisparities } from "./disparities";
import { FairnessInputError } from "./errors";
import { groupMetrics, proportion, type TGroupMetrics } from "./group-metrics";
import { DEFAULT_THRESHOLDS, type TFairnessThresholds } from "./thresholds";

/**
 * AIF360's binary comparisons of one group u against the reference (privileged) group p, signed
 * with the unprivileged group first (aif360 ClassificationMetric):
 *   disparateImpact = selection rate(u) / selection rate(p) (can exceed 1),
 *   statisticalParityDifference = selection rate(u) − selection rate(p),
 *   equalOpportunityDifference = TPR(u) − TPR(p),
 *   averageOddsDifference = ½[(FPR(u) − FPR(p)) + (TPR(u) − TPR(p))].
 * null when a rate is undefined, and disparate impact is null when the reference selects no one.
 */
export type TVersusReference = {
  disparateImpact: number | null;
  statisticalParityDifference: number | null;
  equalOpportunityDifference: number | null;
  averageOddsDifference: number | null;
};

/**
 * The four-fifths screen (29 CFR 1607.4(D)) over the judged groups: a group fails when its
 * selection rate is below 4/5 of the highest group's. Compared exactly on the counts
 * (5·selected·n_high < 4·selected_high·n), so a rate exactly at 80% passes. highestGroup and
 * passes are null when no group is large enough to be judged.
 */
export type TFourFifths = { highestGroup: string | null; passes: boolean | null; failingGroups: string[] };

export type TAttributeMetrics = TDisparities & {
  groups: Record<string, TGroupMetrics>;
  toOverall: TDisparities;
  reference: string | null;
  versusReference: Record<string, TVersusReference>;
  fourFifths: TFourFifths;
  judgedGroups: string[];
};

export type TAttributeOptions = {
  /** The reference (privileged) group for AIF360's comparisons; none when null or absent. */
  reference?: string | null;
  /** Groups with fewer rows are flagged insufficientSample and are not judged. */
  minGroupSize?: number;
  /** Only their minGroupSize matters here (when minGroupSize is not given); judge() applies the rest. */
  thresholds?: Pick<TFairnessThresholds, "minGroupSize">;
};

/**
 * Everything Attest reports for one sensitive attribute (or one intersection), in the JSON shape
 * of issue 5's API contract. Groups are keyed by the exact strings of the file and listed in
 * code-unit order. The between-group and to-overall disparities are over ALL groups, as
 * Fairlearn computes them (see disparities.ts for undefined values); judging only the large
 * enough groups is judge()'s business.
 */
export function attributeMetrics(groups: Record<string, TConfusionCounts>, options: TAttributeOptions = {}): TAttributeMetrics {
  const minGroupSize = options.minGroupSize ?? options.thresholds?.minGroupSize ?? DEFAULT_THRESHOLDS.minGroupSize;
  const reference = options.reference ?? null;
  const names = sortedKeys(groups);
  if (names.length === 0) throw new FairnessInputError("An attribute needs at least one group.");
  for (const name of names) checkCounts(name, groups[name]!);
  if (reference !== null && !Object.hasOwn(groups, reference)) {
    throw new FairnessInputError(`The reference group ${JSON.stringify(reference)} does not occur; the groups are ${names.map((n) => JSON.stringify(n)).join(", ")}.`);
  }
  const named = names.map((name) => [name, groups[name]!] as const);
  const judgedGroups = names.filter((name) => countsTotal(groups[name]!) >= minGroupSize);

  return {
    groups: recordOf(named.map(([name, counts]) => [name, groupMetrics(counts, minGroupSize)])),
    ...betweenGroupDisparities(named),
    toOverall: toOverallDisparities(named),
    reference,
    versusReference:
      reference === null ? {} : recordOf(named.filter(([name]) => name !== reference).map(([name, counts]) => [name, versusReference(counts, groups[reference]!)])),
    fourFifths: fourFifths(judgedGroups.map((name) => [name, groups[name]!] as const)),
    judgedGroups,
  };
}

function checkCounts(group: string, counts: TConfusionCounts) {
  for (const cell of ["tp", "fp", "tn", "fn"] as const) {
    const value = counts[cell];
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new FairnessInputError(`Group ${JSON.stringify(group)}: ${cell} must be a whole number of rows, not ${String(value)}.`);
    }
  }
  if (countsTotal(counts) === 0) throw new FairnessInputError(`Group ${JSON.stringify(group)} has no rows.`);
}

const difference = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

export function versusReference(group: TConfusionCounts, reference: TConfusionCounts): TVersusReference {
  const selection = [proportion("selectionRate", group), proportion("selectionRate", reference)] as const;
  const tprDifference = difference(proportion("tpr", group), proportion("tpr", reference));
  const fprDifference = difference(proportion("fpr", group), proportion("fpr", reference));
  return {
    disparateImpact: selection[0] === null || selection[1] === null || selection[1] === 0 ? null : selection[0] / selection[1],
    statisticalParityDifference: difference(selection[0], selection[1]),
    equalOpportunityDifference: tprDifference,
    averageOddsDifference: fprDifference === null || tprDifference === null ? null : 0.5 * (fprDifference + tprDifference),
  };
}

export function fourFifths(judged: readonly (readonly [string, TConfusionCounts])[]): TFourFifths {
  let highest: (typeof judged)[number] | null = null;
  for (const entry of judged) {
    // a/b > c/d ⟺ a·d > c·b for positive b, d: exact on counts, no rounding.
    if (highest === null || productLess(selected(highest[1]), countsTotal(entry[1]), selected(entry[1]), countsTotal(highest[1]))) highest = entry;
  }
  if (highest === null) return { highestGroup: null, passes: null, failingGroups: [] };
  const [, top] = highest;
  const failingGroups = judged
    .filter(([, counts]) => productLess(5 * selected(counts), countsTotal(top), 4 * selected(top), countsTotal(counts)))
    .map(([name]) => name);
  return { highestGroup: highest[0], passes: failingGroups.length === 0, failingGroups };
}

const selected = (c: TConfusionCounts) => c.tp + c.fp;

/** a·b < c·d, exactly: in doubles while the products are exact, else in BigInt. */
function productLess(a: number, b: number, c: number, d: number): boolean {
  const left = a * b;
  const right = c * d;
  if (left <= Number.MAX_SAFE_INTEGER && right <= Number.MAX_SAFE_INTEGER) return left < right;
  return BigInt(a) * BigInt(b) < BigInt(c) * BigInt(d);
}
