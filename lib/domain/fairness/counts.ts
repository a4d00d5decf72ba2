import { z } from "zod";

/**
 * The four cells of a binary confusion matrix for one group of rows. Attest stores these per
 * group (per attribute and per intersection) and recomputes every metric from them.
 */
export type TConfusionCounts = { tp: number; fp: number; tn: number; fn: number };

const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** Counts posted by a pipeline: non-negative whole numbers, nothing else. */
export const ZConfusionCountsSchema = z.strictObject({ tp: count, fp: count, tn: count, fn: count });

export const emptyCounts = (): TConfusionCounts => ({ tp: 0, fp: 0, tn: 0, fn: 0 });

export const countsTotal = (c: TConfusionCounts): number => c.tp + c.fp + c.tn + c.fn;

export function sumCounts(list: Iterable<TConfusionCounts>): TConfusionCounts {
  const total = emptyCounts();
  for (const c of list) {
    total.tp += c.tp;
    total.fp += c.fp;
    total.tn += c.tn;
    total.fn += c.fn;
  }
  return total;
}

/**
 * A record keyed by strings taken from a user's file. Built with Object.fromEntries, which
 * defines own properties, so a group called "__proto__" is an ordinary key and not a prototype.
 */
export function recordOf<V>(entries: Iterable<readonly [string, V]>): Record<string, V> {
  return Object.fromEntries(entries) as Record<string, V>;
}

/** Group keys in a stable order (UTF-16 code units), independent of the order rows arrived in. */
export const sortedKeys = (record: Record<string, unknown>): string[] => Object.keys(record).sort(compareText);

export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
