import { expect } from "vitest";
import type { TConfusionCounts } from "./counts";

/**
 * A straightforward row-by-row reference implementation for tests: no counts, no shortcuts,
 * each metric computed by filtering the rows it is about.
 */
export type TRow = { group: string; label: boolean; predicted: boolean; score?: number };

export function rowsOf(yTrue: readonly (0 | 1)[], yPred: readonly (0 | 1)[], groups: readonly string[]): TRow[] {
  if (yTrue.length !== yPred.length || yTrue.length !== groups.length) throw new Error("arrays of different lengths");
  return yTrue.map((y, i) => ({ group: groups[i]!, label: y === 1, predicted: yPred[i] === 1 }));
}

export function countRows(rows: readonly TRow[]): Record<string, TConfusionCounts> {
  const groups: Record<string, TConfusionCounts> = Object.create(null);
  for (const row of rows) {
    const counts = (groups[row.group] ??= { tp: 0, fp: 0, tn: 0, fn: 0 });
    if (row.label && row.predicted) counts.tp++;
    else if (!row.label && row.predicted) counts.fp++;
    else if (!row.label && !row.predicted) counts.tn++;
    else counts.fn++;
  }
  return Object.fromEntries(Object.entries(groups));
}

const share = (rows: readonly TRow[], where: (r: TRow) => boolean, of: (r: TRow) => boolean): number | null => {
  const base = rows.filter(of);
  return base.length === 0 ? null : base.filter(where).length / base.length;
};

export const referenceRate = {
  selectionRate: (rows: readonly TRow[]) => share(rows, (r) => r.predicted, () => true),
  baseRate: (rows: readonly TRow[]) => share(rows, (r) => r.label, () => true),
  accuracy: (rows: readonly TRow[]) => share(rows, (r) => r.label === r.predicted, () => true),
  precision: (rows: readonly TRow[]) => share(rows, (r) => r.label, (r) => r.predicted),
  tpr: (rows: readonly TRow[]) => share(rows, (r) => r.predicted, (r) => r.label),
  fpr: (rows: readonly TRow[]) => share(rows, (r) => r.predicted, (r) => !r.label),
  fnr: (rows: readonly TRow[]) => share(rows, (r) => !r.predicted, (r) => r.label),
};

/** ROC-AUC by comparing every (positive, negative) pair: O(n²), ties ½. */
export function bruteForceAuc(pairs: readonly (readonly [score: number, positive: boolean])[]): number | null {
  const positives = pairs.filter(([, p]) => p).map(([s]) => s);
  const negatives = pairs.filter(([, p]) => !p).map(([s]) => s);
  if (positives.length === 0 || negatives.length === 0) return null;
  let wins = 0;
  for (const p of positives) for (const n of negatives) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (positives.length * negatives.length);
}

/** Equal to about 14 significant digits: what "to full precision" means for a double computed differently. */
export function expectClose(actual: number | null | undefined, expected: number) {
  expect(actual).not.toBeNull();
  expect(actual).toBeTypeOf("number");
  const tolerance = 1e-14 * Math.max(1, Math.abs(expected));
  if (Math.abs((actual as number) - expected) > tolerance) expect(actual).toBe(expected);
}
