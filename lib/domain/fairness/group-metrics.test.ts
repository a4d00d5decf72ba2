import { describe, expect, it } from "vitest";
import { groupMetrics, PROPORTION_METRICS, UNDEFINED_REASONS } from "./group-metrics";
import { wilsonInterval } from "./wilson";

describe("groupMetrics", () => {
  it("computes every proportion from the counts, with a Wilson interval on its own numerator and denominator", () => {
    const g = groupMetrics({ tp: 30, fp: 10, tn: 50, fn: 20 }, 30);
    expect(g).toEqual({
      n: 110,
      tp: 30,
      fp: 10,
      tn: 50,
      fn: 20,
      selectionRate: 40 / 110,
      baseRate: 50 / 110,
      accuracy: 80 / 110,
      precision: 30 / 40,
      tpr: 30 / 50,
      fpr: 10 / 60,
      fnr: 20 / 50,
      insufficientSample: false,
      ci: {
        selectionRate: wilsonInterval(40, 110),
        baseRate: wilsonInterval(50, 110),
        accuracy: wilsonInterval(80, 110),
        precision: wilsonInterval(30, 40),
        tpr: wilsonInterval(30, 50),
        fpr: wilsonInterval(10, 60),
        fnr: wilsonInterval(20, 50),
      },
    });
  });

  it("lists its keys in the order of the API contract", () => {
    expect(Object.keys(groupMetrics({ tp: 1, fp: 1, tn: 1, fn: 1 }, 1))).toEqual([
      "n", "tp", "fp", "tn", "fn", "selectionRate", "baseRate", "accuracy", "precision", "tpr", "fpr", "fnr", "insufficientSample", "ci",
    ]);
    expect(Object.keys(groupMetrics({ tp: 1, fp: 1, tn: 1, fn: 1 }, 1).ci)).toEqual([...PROPORTION_METRICS]);
  });

  it.each([
    ["no positives: TPR and FNR undefined", { tp: 0, fp: 3, tn: 7, fn: 0 }, ["tpr", "fnr"]],
    ["no negatives: FPR undefined", { tp: 4, fp: 0, tn: 0, fn: 6 }, ["fpr"]],
    ["no positive predictions: precision undefined", { tp: 0, fp: 0, tn: 5, fn: 5 }, ["precision"]],
    ["only true negatives", { tp: 0, fp: 0, tn: 9, fn: 0 }, ["precision", "tpr", "fnr"]],
    ["only true positives", { tp: 9, fp: 0, tn: 0, fn: 0 }, ["fpr"]],
    ["no rows at all", { tp: 0, fp: 0, tn: 0, fn: 0 }, [...PROPORTION_METRICS]],
  ] as const)("%s: null, never 0, and no interval", (_, counts, undefinedMetrics) => {
    const g = groupMetrics(counts, 30);
    for (const metric of PROPORTION_METRICS) {
      if ((undefinedMetrics as readonly string[]).includes(metric)) {
        expect(g[metric], metric).toBeNull();
        expect(g.ci[metric], metric).toBeNull();
      } else {
        expect(g[metric], metric).toBeTypeOf("number");
        expect(g.ci[metric], metric).toHaveLength(2);
      }
    }
  });

  it("a rate of exactly 0 is 0, with an interval starting at 0", () => {
    const g = groupMetrics({ tp: 0, fp: 0, tn: 10, fn: 10 }, 1);
    expect(g.selectionRate).toBe(0);
    expect(g.tpr).toBe(0);
    expect(g.fnr).toBe(1);
    expect(g.ci.tpr![0]).toBe(0);
    expect(g.ci.fnr![1]).toBe(1);
  });

  it("flags a group below the minimum size as insufficient sample (29 < 30 ≤ 30)", () => {
    expect(groupMetrics({ tp: 29, fp: 0, tn: 0, fn: 0 }, 30).insufficientSample).toBe(true);
    expect(groupMetrics({ tp: 30, fp: 0, tn: 0, fn: 0 }, 30).insufficientSample).toBe(false);
  });

  it("explains every undefined proportion in words", () => {
    expect(UNDEFINED_REASONS.tpr).toBe("no positives in group");
    expect(Object.keys(UNDEFINED_REASONS)).toEqual([...PROPORTION_METRICS]);
  });
});
