import { describe, expect, it } from "vitest";
import { attributeMetrics } from "./attribute-metrics";
import type { TConfusionCounts } from "./counts";
import { judge, THRESHOLD_TOLERANCE } from "./judge";
import { DEFAULT_THRESHOLDS, ZFairnessThresholdsSchema } from "./thresholds";

const c = (tp: number, fp: number, tn: number, fn: number) => ({ tp, fp, tn, fn });
const one = (groups: Record<string, TConfusionCounts>, thresholds = DEFAULT_THRESHOLDS) =>
  judge({ attributes: { sex: attributeMetrics(groups, { minGroupSize: thresholds.minGroupSize }) } }, thresholds);

// 100 rows each, base rate 0.5: selection = (tp + fp)/100, TPR = tp/50, FPR = fp/50.
const group = (tp: number, fp: number) => c(tp, fp, 50 - fp, 50 - tp);

describe("DEFAULT_THRESHOLDS and ZFairnessThresholdsSchema", () => {
  it("are issue 5's defaults", () => {
    expect(DEFAULT_THRESHOLDS).toEqual({
      minDemographicParityRatio: 0.8,
      maxDemographicParityDifference: 0.1,
      maxEqualOpportunityDifference: 0.1,
      maxEqualizedOddsDifference: 0.1,
      minGroupSize: 30,
    });
    expect(ZFairnessThresholdsSchema.parse({})).toEqual(DEFAULT_THRESHOLDS);
    expect(ZFairnessThresholdsSchema.parse({ minGroupSize: 50 })).toEqual({ ...DEFAULT_THRESHOLDS, minGroupSize: 50 });
  });

  it.each([
    [{ minDemographicParityRatio: 1.2 }, "The minimum demographic parity ratio must be at most 1."],
    [{ maxEqualizedOddsDifference: -0.1 }, "The maximum equalized odds difference must be at least 0."],
    [{ maxEqualOpportunityDifference: "0.1" }, "The maximum equal opportunity difference must be a number between 0 and 1."],
    [{ minGroupSize: 2.5 }, "The minimum group size must be a whole number."],
    [{ minGroupSize: 0 }, "The minimum group size must be at least 1."],
  ])("refuses %j", (input, message) => {
    const parsed = ZFairnessThresholdsSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toBe(message);
  });

  it("refuses unknown keys", () => {
    expect(ZFairnessThresholdsSchema.safeParse({ minGroupSize: 30, maxDisparity: 0.2 }).success).toBe(false);
  });
});

describe("judge", () => {
  it("passes equal groups", () => {
    expect(one({ a: group(40, 10), b: group(40, 10) })).toEqual({ status: "pass", failures: [] });
  });

  it("names the metric, value, threshold and the two groups for each failure", () => {
    // selection a 0.5, b 0.2 → ratio 0.4, difference 0.3; TPR a 0.8, b 0.4; FPR a 0.2, b 0
    const result = one({ a: group(40, 10), b: group(20, 0) });
    expect(result.status).toBe("fail");
    expect(result.failures).toEqual([
      { attribute: "sex", metric: "demographicParityRatio", value: 0.4, threshold: 0.8, groups: ["b", "a"] },
      { attribute: "sex", metric: "demographicParityDifference", value: 0.3, threshold: 0.1, groups: ["b", "a"] },
      { attribute: "sex", metric: "equalOpportunityDifference", value: 0.4, threshold: 0.1, groups: ["b", "a"] },
      { attribute: "sex", metric: "equalizedOddsDifference", value: 0.4, threshold: 0.1, groups: ["b", "a"] },
    ]);
  });

  it("equalized odds blames the groups of the larger of the TPR and FPR differences", () => {
    const result = one({ a: group(25, 5), b: group(25, 20), c: group(26, 12) });
    const odds = result.failures.find((f) => f.metric === "equalizedOddsDifference")!;
    expect(odds.value).toBeCloseTo(0.3, 15);
    expect(odds.groups).toEqual(["a", "b"]);
  });

  it("a value exactly at the threshold passes, despite rounding in doubles", () => {
    // selection 0.3 vs 0.2: 0.3 − 0.2 = 0.09999999999999998 in doubles, and 0.2/0.25 = 0.8
    expect(one({ a: group(15, 10), b: group(10, 10) }, { ...DEFAULT_THRESHOLDS, maxEqualOpportunityDifference: 1, maxEqualizedOddsDifference: 1 }).failures).toEqual([]);
    expect(one({ a: group(25, 0), b: group(20, 0) }, { ...DEFAULT_THRESHOLDS, maxDemographicParityDifference: 1, maxEqualOpportunityDifference: 1, maxEqualizedOddsDifference: 1 }).failures).toEqual([]);
    expect(THRESHOLD_TOLERANCE).toBe(1e-12);
  });

  it("leaves small groups out: a tiny group with a wild rate does not fail the model", () => {
    const result = one({ a: group(40, 10), b: group(40, 10), tiny: c(0, 0, 10, 10) });
    expect(result).toEqual({ status: "pass", failures: [] });
  });

  it("fails when fewer than two groups are large enough to compare", () => {
    expect(one({ a: group(40, 10), tiny: c(1, 0, 1, 0) }).failures).toEqual([
      { attribute: "sex", metric: "judgedGroups", value: 1, threshold: 2, groups: ["a"] },
    ]);
    expect(one({ x: c(1, 0, 1, 0), y: c(1, 1, 0, 0) }).failures).toEqual([{ attribute: "sex", metric: "judgedGroups", value: 0, threshold: 2, groups: [] }]);
  });

  it("fails an undefined metric with value null, naming the groups it is undefined for", () => {
    const result = one({ a: group(40, 10), noPositives: c(0, 10, 40, 0) });
    expect(result.failures.filter((f) => f.value === null)).toEqual([
      { attribute: "sex", metric: "equalOpportunityDifference", value: null, threshold: 0.1, groups: ["noPositives"] },
      { attribute: "sex", metric: "equalizedOddsDifference", value: null, threshold: 0.1, groups: ["noPositives"] },
    ]);
  });

  it("fails a ratio of 0/0 (no judged group selected at all)", () => {
    const result = one({ a: c(0, 0, 50, 50), b: c(0, 0, 50, 50) });
    expect(result.failures).toEqual([{ attribute: "sex", metric: "demographicParityRatio", value: null, threshold: 0.8, groups: ["a", "b"] }]);
  });

  it("uses the thresholds given, including the minimum group size", () => {
    const groups = { a: group(40, 10), b: group(36, 10) };
    expect(one(groups).status).toBe("pass");
    expect(one(groups, { ...DEFAULT_THRESHOLDS, maxEqualOpportunityDifference: 0.05 }).failures.map((f) => f.metric)).toEqual(["equalOpportunityDifference"]);
    expect(one(groups, { ...DEFAULT_THRESHOLDS, minGroupSize: 101 }).failures.map((f) => f.metric)).toEqual(["judgedGroups"]);
  });

  it("judges intersections too, keyed by their intersection key", () => {
    const fine = attributeMetrics({ a: group(40, 10), b: group(40, 10) });
    const unfair = attributeMetrics({ '["a","x"]': group(40, 10), '["b","y"]': group(10, 10) });
    const result = judge({ attributes: { sex: fine }, intersections: { "sex*race": unfair } }, DEFAULT_THRESHOLDS);
    expect(result.status).toBe("fail");
    expect(new Set(result.failures.map((f) => f.attribute))).toEqual(new Set(["sex*race"]));
    expect(result.failures[0]!.groups).toEqual(['["b","y"]', '["a","x"]']);
  });
});
