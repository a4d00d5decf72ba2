/**
 * Property-based tests: random tables of (group, true label, predicted label) rows, checked
 * against the row-by-row reference implementation in test-support.ts and against invariants.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attributeMetrics } from "./attribute-metrics";
import { countsTotal, sumCounts, type TConfusionCounts } from "./counts";
import { DISPARITY_METRICS } from "./disparities";
import { PROPORTION_METRICS } from "./group-metrics";
import { judge } from "./judge";
import { overallMetrics } from "./overall-metrics";
import { DEFAULT_THRESHOLDS } from "./thresholds";
import { countRows, referenceRate, type TRow } from "./test-support";

const GROUP_NAMES = ["a", "b", "c", "", "__proto__", "10", "x × y", "Ünï"];

const rowArb = (names: string[]) =>
  fc.record({ group: fc.constantFrom(...names), label: fc.boolean(), predicted: fc.boolean() });

/** A table with 1–5 groups drawn from tricky names; skewed so that some groups lack positives or negatives. */
const tableArb = fc
  .shuffledSubarray(GROUP_NAMES, { minLength: 1, maxLength: 5 })
  .chain((names) => fc.array(rowArb(names), { minLength: 1, maxLength: 200 }));

const withReference = tableArb.chain((rows) => fc.tuple(fc.constant(rows), fc.constantFrom(...new Set(rows.map((r) => r.group)))));

const groupRows = (rows: readonly TRow[]) => {
  const by = new Map<string, TRow[]>();
  for (const row of rows) by.set(row.group, [...(by.get(row.group) ?? []), row]);
  return by;
};

const spreadOf = (values: (number | null)[]) => {
  if (values.some((v) => v === null)) return { difference: null, ratio: null };
  const xs = values as number[];
  const max = Math.max(...xs);
  const min = Math.min(...xs);
  return { difference: max - min, ratio: max === 0 ? null : min / max };
};

const toOverallOf = (values: (number | null)[], overall: number | null) => {
  if (overall === null || values.some((v) => v === null)) return { difference: null, ratio: null };
  const xs = values as number[];
  const difference = Math.max(...xs.map((x) => Math.abs(x - overall)));
  if (overall === 0) return { difference, ratio: null };
  const ratio = Math.min(...xs.map((x) => (x / overall > 1 ? 1 / (x / overall) : x / overall)));
  return { difference, ratio };
};

const maxOrNull = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.max(a, b));
const minOrNull = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.min(a, b));

const RUNS = { numRuns: 300 };

describe("attributeMetrics against the row-by-row reference implementation", () => {
  it("per-group counts and every proportion", () => {
    fc.assert(
      fc.property(tableArb, (rows) => {
        const result = attributeMetrics(countRows(rows), { minGroupSize: 10 });
        for (const [group, members] of groupRows(rows)) {
          const g = result.groups[group]!;
          expect(g.n).toBe(members.length);
          expect(g.tp + g.fp + g.tn + g.fn).toBe(g.n);
          expect(g.insufficientSample).toBe(members.length < 10);
          for (const metric of PROPORTION_METRICS) expect(g[metric]).toBe(referenceRate[metric](members));
        }
        expect(Object.keys(result.groups).length).toBe(groupRows(rows).size);
      }),
      RUNS,
    );
  });

  it("between-group and to-overall disparities", () => {
    fc.assert(
      fc.property(tableArb, (rows) => {
        const result = attributeMetrics(countRows(rows), { minGroupSize: 1 });
        const members = [...groupRows(rows).values()];
        const rate = (metric: "selectionRate" | "tpr" | "fpr") => members.map((m) => referenceRate[metric](m));
        const sel = spreadOf(rate("selectionRate"));
        const tpr = spreadOf(rate("tpr"));
        const fpr = spreadOf(rate("fpr"));
        expect(result.demographicParityDifference).toBe(sel.difference);
        expect(result.demographicParityRatio).toBe(sel.ratio);
        expect(result.equalOpportunityDifference).toBe(tpr.difference);
        expect(result.equalizedOddsDifference).toBe(maxOrNull(tpr.difference, fpr.difference));
        expect(result.equalizedOddsRatio).toBe(minOrNull(tpr.ratio, fpr.ratio));

        const overall = (metric: "selectionRate" | "tpr" | "fpr") => toOverallOf(rate(metric), referenceRate[metric](rows));
        const oSel = overall("selectionRate");
        const oTpr = overall("tpr");
        const oFpr = overall("fpr");
        expect(result.toOverall.demographicParityDifference).toBe(oSel.difference);
        expect(result.toOverall.demographicParityRatio).toBe(oSel.ratio);
        expect(result.toOverall.equalOpportunityDifference).toBe(oTpr.difference);
        expect(result.toOverall.equalizedOddsDifference).toBe(maxOrNull(oTpr.difference, oFpr.difference));
        expect(result.toOverall.equalizedOddsRatio).toBe(minOrNull(oTpr.ratio, oFpr.ratio));
      }),
      RUNS,
    );
  });

  it("AIF360 comparisons against the reference group", () => {
    fc.assert(
      fc.property(withReference, ([rows, reference]) => {
        const result = attributeMetrics(countRows(rows), { reference, minGroupSize: 1 });
        const by = groupRows(rows);
        const p = by.get(reference)!;
        expect(Object.keys(result.versusReference).sort()).toEqual([...by.keys()].filter((g) => g !== reference).sort());
        for (const [group, u] of by) {
          if (group === reference) continue;
          const vs = result.versusReference[group]!;
          const [su, sp] = [referenceRate.selectionRate(u)!, referenceRate.selectionRate(p)!];
          const [tu, tp] = [referenceRate.tpr(u), referenceRate.tpr(p)];
          const [fu, fp] = [referenceRate.fpr(u), referenceRate.fpr(p)];
          expect(vs.disparateImpact).toBe(sp === 0 ? null : su / sp);
          expect(vs.statisticalParityDifference).toBe(su - sp);
          expect(vs.equalOpportunityDifference).toBe(tu === null || tp === null ? null : tu - tp);
          expect(vs.averageOddsDifference).toBe(tu === null || tp === null || fu === null || fp === null ? null : 0.5 * (fu - fp + (tu - tp)));
        }
      }),
      RUNS,
    );
  });

  it("four-fifths among the judged groups", () => {
    fc.assert(
      fc.property(tableArb, fc.integer({ min: 1, max: 40 }), (rows, minGroupSize) => {
        const result = attributeMetrics(countRows(rows), { minGroupSize });
        const judged = [...groupRows(rows)].filter(([, m]) => m.length >= minGroupSize);
        expect(result.judgedGroups).toEqual(judged.map(([g]) => g).sort());
        if (judged.length === 0) {
          expect(result.fourFifths).toEqual({ highestGroup: null, passes: null, failingGroups: [] });
          return;
        }
        const rates = new Map(judged.map(([g, m]) => [g, referenceRate.selectionRate(m)!]));
        const highest = Math.max(...rates.values());
        expect(rates.get(result.fourFifths.highestGroup!)).toBe(highest);
        for (const [group, rate] of rates) {
          if (Math.abs(rate - 0.8 * highest) < 1e-9) continue; // exactly at the line: decided on exact counts
          expect(result.fourFifths.failingGroups.includes(group)).toBe(rate < 0.8 * highest);
        }
        expect(result.fourFifths.passes).toBe(result.fourFifths.failingGroups.length === 0);
      }),
      RUNS,
    );
  });
});

describe("invariants", () => {
  it("Fairlearn ratios lie in [0, 1] and differences are ≥ 0, between groups and to overall; to-overall is never further from parity", () => {
    fc.assert(
      fc.property(tableArb, (rows) => {
        const result = attributeMetrics(countRows(rows), { minGroupSize: 1 });
        for (const scope of [result, result.toOverall]) {
          for (const metric of DISPARITY_METRICS) {
            const value = scope[metric];
            if (value === null) continue;
            if (metric.endsWith("Ratio")) {
              expect(value).toBeGreaterThanOrEqual(0);
              expect(value).toBeLessThanOrEqual(1);
            } else expect(value).toBeGreaterThanOrEqual(0);
          }
        }
        for (const metric of DISPARITY_METRICS) {
          const [between, toOverall] = [result[metric], result.toOverall[metric]];
          if (between === null || toOverall === null) continue;
          if (metric.endsWith("Ratio")) expect(toOverall).toBeGreaterThanOrEqual(between - 1e-15);
          else expect(toOverall).toBeLessThanOrEqual(between + 1e-15);
        }
      }),
      RUNS,
    );
  });

  it("does not depend on the order of the rows", () => {
    fc.assert(
      fc.property(
        withReference.chain(([rows, reference]) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }), fc.constant(reference))),
        ([rows, shuffled, reference]) => {
          expect(JSON.stringify(attributeMetrics(countRows(shuffled), { reference }))).toBe(JSON.stringify(attributeMetrics(countRows(rows), { reference })));
        },
      ),
      RUNS,
    );
  });

  it("does not depend on the order of the groups", () => {
    fc.assert(
      fc.property(tableArb, (rows) => {
        const groups = countRows(rows);
        const reversed = Object.fromEntries(Object.entries(groups).reverse());
        expect(JSON.stringify(attributeMetrics(reversed))).toBe(JSON.stringify(attributeMetrics(groups)));
      }),
      RUNS,
    );
  });

  it("group counts sum to the number of rows, and overall metrics agree with the reference", () => {
    fc.assert(
      fc.property(tableArb, (rows) => {
        const groups = countRows(rows);
        const total = sumCounts(Object.values(groups));
        expect(countsTotal(total)).toBe(rows.length);
        const overall = overallMetrics(total);
        expect(overall.n).toBe(rows.length);
        expect(overall.accuracy).toBe(referenceRate.accuracy(rows));
        expect(overall.precision).toBe(referenceRate.precision(rows));
        expect(overall.recall).toBe(referenceRate.tpr(rows));
        expect(overall.selectionRate).toBe(referenceRate.selectionRate(rows));
        expect(overall.baseRate).toBe(referenceRate.baseRate(rows));
        const [p, r] = [overall.precision, overall.recall];
        if (p === null || r === null) expect(overall.f1).toBeNull();
        else if (p + r === 0) expect(overall.f1).toBe(0);
        else expect(overall.f1).toBeCloseTo((2 * p * r) / (p + r), 14);
        expect(overall.rocAuc).toBeNull();
      }),
      RUNS,
    );
  });

  it("every interval lies in [0, 1] and contains its estimate; null exactly when the estimate is", () => {
    fc.assert(
      fc.property(tableArb, (rows) => {
        for (const g of Object.values(attributeMetrics(countRows(rows)).groups)) {
          for (const metric of PROPORTION_METRICS) {
            const value = g[metric];
            const ci = g.ci[metric];
            if (value === null) {
              expect(ci).toBeNull();
              continue;
            }
            expect(ci).not.toBeNull();
            const [lo, hi] = ci!;
            expect(0 <= lo && lo <= value && value <= hi && hi <= 1).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it("adding a group below the minimum size never changes the judgement", () => {
    const counts = fc.record({ tp: fc.nat(60), fp: fc.nat(60), tn: fc.nat(60), fn: fc.nat(60) });
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom("a", "b", "c", "d"), counts, { minKeys: 1 }),
        fc.record({ tp: fc.nat(7), fp: fc.nat(7), tn: fc.nat(7), fn: fc.nat(7) }),
        (groups, tiny) => {
          const nonEmpty = Object.fromEntries(Object.entries(groups).filter(([, c]) => countsTotal(c) > 0)) as Record<string, TConfusionCounts>;
          if (Object.keys(nonEmpty).length === 0 || countsTotal(tiny) === 0) return;
          const before = judge({ attributes: { s: attributeMetrics(nonEmpty) } }, DEFAULT_THRESHOLDS);
          const after = judge({ attributes: { s: attributeMetrics({ ...nonEmpty, tiny }) } }, DEFAULT_THRESHOLDS);
          expect(after).toEqual(before);
        },
      ),
      RUNS,
    );
  });

  it("a judgement fails exactly when it lists failures, and every failure is outside its threshold or undefined", () => {
    const counts = fc.record({ tp: fc.nat(80), fp: fc.nat(80), tn: fc.nat(80), fn: fc.nat(80) });
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("a", "b", "c"), counts, { minKeys: 1 }), (groups) => {
        const nonEmpty = Object.fromEntries(Object.entries(groups).filter(([, c]) => countsTotal(c) > 0)) as Record<string, TConfusionCounts>;
        if (Object.keys(nonEmpty).length === 0) return;
        const result = judge({ attributes: { s: attributeMetrics(nonEmpty) } }, DEFAULT_THRESHOLDS);
        expect(result.status).toBe(result.failures.length === 0 ? "pass" : "fail");
        for (const f of result.failures) {
          if (f.value === null) continue;
          if (f.metric === "judgedGroups") expect(f.value).toBeLessThan(2);
          else if (f.metric === "demographicParityRatio") expect(f.value).toBeLessThan(f.threshold);
          else expect(f.value).toBeGreaterThan(f.threshold);
        }
      }),
      RUNS,
    );
  });
});
