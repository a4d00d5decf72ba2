import { describe, expect, it } from "vitest";
import { attributeMetrics, fourFifths, versusReference } from "./attribute-metrics";
import { FairnessInputError } from "./errors";
import { groupMetrics } from "./group-metrics";

const c = (tp: number, fp: number, tn: number, fn: number) => ({ tp, fp, tn, fn });

describe("attributeMetrics: the JSON shape of issue 5", () => {
  const groups = { b: c(20, 10, 60, 10), a: c(30, 30, 30, 10) };
  const result = attributeMetrics(groups, { reference: "a", minGroupSize: 30 });

  it("has exactly the contract's keys, in its order", () => {
    expect(Object.keys(result)).toEqual([
      "groups",
      "demographicParityDifference",
      "demographicParityRatio",
      "equalOpportunityDifference",
      "equalizedOddsDifference",
      "equalizedOddsRatio",
      "toOverall",
      "reference",
      "versusReference",
      "fourFifths",
      "judgedGroups",
    ]);
    expect(Object.keys(result.toOverall)).toEqual([
      "demographicParityDifference",
      "demographicParityRatio",
      "equalOpportunityDifference",
      "equalizedOddsDifference",
      "equalizedOddsRatio",
    ]);
    expect(Object.keys(result.versusReference.b!)).toEqual(["disparateImpact", "statisticalParityDifference", "equalOpportunityDifference", "averageOddsDifference"]);
    expect(Object.keys(result.fourFifths)).toEqual(["highestGroup", "passes", "failingGroups"]);
  });

  it("lists groups in code-unit order, each with its group metrics", () => {
    expect(Object.keys(result.groups)).toEqual(["a", "b"]);
    expect(result.groups.a).toEqual(groupMetrics(groups.a, 30));
  });

  it("computes the between-group disparities", () => {
    // selection a 0.6, b 0.3 · TPR a 0.75, b 2/3 · FPR a 0.5, b 1/7
    expect(result.demographicParityDifference).toBeCloseTo(0.3, 15);
    expect(result.demographicParityRatio).toBe(0.3 / 0.6);
    expect(result.equalOpportunityDifference).toBe(0.75 - 20 / 30);
    expect(result.equalizedOddsDifference).toBe(0.5 - 10 / 70);
    expect(result.equalizedOddsRatio).toBe(Math.min(20 / 30 / 0.75, 10 / 70 / 0.5));
  });

  it("compares every non-reference group with the reference, AIF360-signed", () => {
    expect(result.reference).toBe("a");
    expect(result.versusReference).toEqual({
      b: {
        disparateImpact: 0.3 / 0.6,
        statisticalParityDifference: 0.3 - 0.6,
        equalOpportunityDifference: 20 / 30 - 0.75,
        averageOddsDifference: 0.5 * (10 / 70 - 0.5 + (20 / 30 - 0.75)),
      },
    });
  });

  it("without a reference: reference null and no comparisons", () => {
    const r = attributeMetrics(groups);
    expect(r.reference).toBeNull();
    expect(r.versusReference).toEqual({});
  });

  it("takes the minimum group size from the thresholds when not given itself", () => {
    const groups = { x: c(20, 0, 0, 0), y: c(15, 0, 15, 0) };
    expect(attributeMetrics(groups, { thresholds: { minGroupSize: 20 } }).judgedGroups).toEqual(["x", "y"]);
    expect(attributeMetrics(groups, { thresholds: { minGroupSize: 20 }, minGroupSize: 25 }).judgedGroups).toEqual(["y"]);
  });

  it("defaults the minimum group size to 30", () => {
    const r = attributeMetrics({ x: c(29, 0, 0, 0), y: c(15, 0, 15, 0) });
    expect(r.groups.x!.insufficientSample).toBe(true);
    expect(r.judgedGroups).toEqual(["y"]);
  });
});

describe("attributeMetrics: undefined rates give null, never 0", () => {
  it("a group without positives makes equal opportunity and equalized odds null (Fairlearn would report TPR 0)", () => {
    const r = attributeMetrics({ a: c(5, 5, 5, 5), noPositives: c(0, 3, 7, 0) }, { minGroupSize: 1 });
    expect(r.groups.noPositives!.tpr).toBeNull();
    expect(r.equalOpportunityDifference).toBeNull();
    expect(r.equalizedOddsDifference).toBeNull();
    expect(r.equalizedOddsRatio).toBeNull();
    expect(r.toOverall.equalOpportunityDifference).toBeNull();
    expect(r.toOverall.equalizedOddsDifference).toBeNull();
    // demographic parity needs only selection rates, which are defined
    expect(r.demographicParityDifference).toBe(0.5 - 0.3);
    expect(r.toOverall.demographicParityDifference).toBeTypeOf("number");
  });

  it("a group without negatives makes the FPR side null", () => {
    const r = attributeMetrics({ a: c(5, 5, 5, 5), noNegatives: c(4, 0, 0, 6) }, { minGroupSize: 1 });
    expect(r.equalOpportunityDifference).toBe(0.5 - 0.4);
    expect(r.equalizedOddsDifference).toBeNull();
    expect(r.equalizedOddsRatio).toBeNull();
  });

  it("nobody selected: differences 0, ratios 0/0 = null (between groups and to overall)", () => {
    const r = attributeMetrics({ a: c(0, 0, 5, 5), b: c(0, 0, 8, 2) }, { minGroupSize: 1 });
    expect(r.demographicParityDifference).toBe(0);
    expect(r.demographicParityRatio).toBeNull();
    expect(r.toOverall.demographicParityDifference).toBe(0);
    expect(r.toOverall.demographicParityRatio).toBeNull();
    expect(r.equalizedOddsRatio).toBeNull();
    expect(r.fourFifths).toEqual({ highestGroup: "a", passes: true, failingGroups: [] });
  });

  it("a reference group that selects nobody: disparate impact null, differences defined", () => {
    const vs = versusReference(c(2, 2, 3, 3), c(0, 0, 5, 5));
    expect(vs.disparateImpact).toBeNull();
    expect(vs.statisticalParityDifference).toBe(0.4);
    expect(vs.equalOpportunityDifference).toBe(0.4);
    expect(vs.averageOddsDifference).toBe(0.5 * (0.4 + 0.4));
  });

  it("a reference group without positives: equal opportunity and average odds null", () => {
    const vs = versusReference(c(2, 2, 3, 3), c(0, 5, 5, 0));
    expect(vs.disparateImpact).toBe(0.4 / 0.5);
    expect(vs.equalOpportunityDifference).toBeNull();
    expect(vs.averageOddsDifference).toBeNull();
  });

  it("disparate impact can exceed 1", () => {
    expect(versusReference(c(8, 0, 2, 0), c(2, 0, 8, 0)).disparateImpact).toBe(4);
  });
});

describe("attributeMetrics: a single group", () => {
  it("has no spread: difference 0, ratio 1 (as Fairlearn), to-overall the same", () => {
    const r = attributeMetrics({ only: c(3, 2, 4, 1) }, { minGroupSize: 1 });
    expect(r.demographicParityDifference).toBe(0);
    expect(r.demographicParityRatio).toBe(1);
    expect(r.toOverall.equalizedOddsRatio).toBe(1);
    expect(r.toOverall.equalizedOddsDifference).toBe(0);
  });
});

describe("fourFifths", () => {
  it("a rate of exactly 80% of the highest passes; just below fails (compared exactly on counts)", () => {
    expect(fourFifths([["high", c(50, 0, 50, 0)], ["exact", c(40, 0, 60, 0)]])).toEqual({ highestGroup: "high", passes: true, failingGroups: [] });
    // 39.999…%: 3999/10000 vs 0.5 · 0.8 = 0.4
    expect(fourFifths([["high", c(50, 0, 50, 0)], ["below", c(3999, 0, 6001, 0)]])).toEqual({ highestGroup: "high", passes: false, failingGroups: ["below"] });
  });

  it("compares 0.7/0.875 = 0.8 exactly, where doubles give 0.7999999999999999", () => {
    expect(0.7 / 0.875).toBeLessThan(0.8);
    expect(fourFifths([["a", c(875, 0, 125, 0)], ["b", c(700, 0, 300, 0)]]).passes).toBe(true);
  });

  it("uses only the judged groups given to it; the first group wins a tie for highest", () => {
    expect(fourFifths([["x", c(1, 1, 0, 0)], ["y", c(2, 0, 0, 0)]]).highestGroup).toBe("x");
    expect(fourFifths([])).toEqual({ highestGroup: null, passes: null, failingGroups: [] });
  });

  it("in attributeMetrics, judges only groups with n ≥ minGroupSize", () => {
    const r = attributeMetrics({ big: c(20, 10, 10, 0), small: c(5, 0, 0, 0), low: c(5, 5, 20, 10) }, { minGroupSize: 30 });
    expect(r.judgedGroups).toEqual(["big", "low"]);
    expect(r.fourFifths).toEqual({ highestGroup: "big", passes: false, failingGroups: ["low"] });
  });
});

describe("attributeMetrics: group names are exact strings from the file", () => {
  it("keeps __proto__, empty, numeric-looking and non-ASCII names as ordinary keys", () => {
    const r = attributeMetrics(
      Object.fromEntries([
        ["__proto__", c(1, 0, 0, 0)],
        ["", c(0, 1, 0, 0)],
        ["10", c(1, 1, 0, 0)],
        ["Ünïcødé × 😀", c(0, 0, 1, 0)],
      ]),
      { reference: "__proto__", minGroupSize: 1 },
    );
    expect(Object.hasOwn(r.groups, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(r.groups)).toBe(Object.prototype);
    expect(r.groups["__proto__"]!.n).toBe(1);
    expect(new Set(Object.keys(r.groups))).toEqual(new Set(["__proto__", "", "10", "Ünïcødé × 😀"]));
    expect(Object.keys(r.versusReference).sort()).toEqual(["", "10", "Ünïcødé × 😀"]);
    expect(JSON.parse(JSON.stringify(r)).groups.__proto__.n).toBe(1);
  });
});

describe("attributeMetrics: bad input", () => {
  it.each([
    ["no groups", {}, {}, "An attribute needs at least one group."],
    ["an empty group", { a: c(0, 0, 0, 0) }, {}, 'Group "a" has no rows.'],
    ["a negative count", { a: c(1, -1, 0, 0) }, {}, 'Group "a": fp must be a whole number of rows, not -1.'],
    ["a fractional count", { a: c(1, 0.5, 0, 0) }, {}, 'Group "a": fp must be a whole number of rows, not 0.5.'],
    ["an unknown reference", { a: c(1, 0, 0, 0), b: c(0, 1, 0, 0) }, { reference: "c" }, 'The reference group "c" does not occur; the groups are "a", "b".'],
  ])("%s", (_, groups, options, message) => {
    expect(() => attributeMetrics(groups, options)).toThrow(new FairnessInputError(message));
  });
});
