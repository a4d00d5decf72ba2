import { describe, expect, it } from "vitest";
import { attributeMetrics } from "./attribute-metrics";
import { FairnessInputError } from "./errors";
import { evaluate, evaluationMetrics } from "./evaluation";
import { overallMetrics } from "./overall-metrics";
import { scoreHistogram } from "./score-histogram";
import { DEFAULT_THRESHOLDS } from "./thresholds";

const c = (tp: number, fp: number, tn: number, fn: number) => ({ tp, fp, tn, fn });

const counts = {
  overall: c(60, 20, 100, 20),
  attributes: {
    sex: { groups: { F: c(30, 10, 50, 10), M: c(30, 10, 50, 10) } },
    race: { groups: { x: c(40, 10, 40, 10), y: c(20, 10, 60, 10) } },
  },
  intersections: {
    "race*sex": { groups: { '["x","F"]': c(20, 5, 20, 5), '["x","M"]': c(20, 5, 20, 5), '["y","F"]': c(10, 5, 30, 5), '["y","M"]': c(10, 5, 30, 5) } },
  },
};

describe("evaluationMetrics", () => {
  it("computes overall, every attribute and every intersection", () => {
    const result = evaluationMetrics(counts, { references: { race: "x" } });
    expect(result.overall).toEqual(overallMetrics(counts.overall, null));
    expect(Object.keys(result.attributes)).toEqual(["race", "sex"]);
    expect(result.attributes.race).toEqual(attributeMetrics(counts.attributes.race.groups, { reference: "x", minGroupSize: 30 }));
    expect(result.attributes.sex!.reference).toBeNull();
    expect(Object.keys(result.intersections["race*sex"]!.groups)).toEqual(['["x","F"]', '["x","M"]', '["y","F"]', '["y","M"]']);
  });

  it("computes ROC-AUC when a score histogram is given", () => {
    const h = scoreHistogram([[0.1, false], [0.4, false], [0.35, true], [0.8, true]]);
    expect(evaluationMetrics({ ...counts, scoreHistogram: h }).overall.rocAuc).toBe(0.75);
  });

  it("uses the minimum group size of the thresholds", () => {
    const result = evaluationMetrics(counts, { thresholds: { ...DEFAULT_THRESHOLDS, minGroupSize: 80 } });
    expect(result.attributes.race!.judgedGroups).toEqual(["x", "y"]);
    expect(result.intersections["race*sex"]!.judgedGroups).toEqual([]);
  });

  it("refuses groups that do not add up to the overall counts", () => {
    expect(() => evaluationMetrics({ ...counts, attributes: { sex: { groups: { F: c(30, 10, 50, 10) } } } })).toThrow(
      new FairnessInputError(
        'The groups of attribute "sex" do not add up to the overall counts (groups: tp 30, fp 10, tn 50, fn 10; overall: tp 60, fp 20, tn 100, fn 20). Every row belongs to exactly one group.',
      ),
    );
    expect(() => evaluationMetrics({ ...counts, attributes: { sex: { groups: { F: c(30, 10, 50, 10), M: c(30, 10, 50, 9), N: c(0, 0, 1, 0) } } } })).toThrow(
      "(groups: tp 60, fp 20, tn 101, fn 19; overall: tp 60, fp 20, tn 100, fn 20)",
    );
  });

  it("refuses a reference for an attribute that is not there", () => {
    expect(() => evaluationMetrics(counts, { references: { age: "young" } })).toThrow(
      new FairnessInputError('A reference group is given for "age", which is not a sensitive attribute or intersection of this evaluation.'),
    );
  });
});

describe("evaluate", () => {
  it("adds the judgement and the thresholds it was judged with", () => {
    const result = evaluate(counts);
    expect(result.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(result.judgement.status).toBe("fail");
    expect(result.judgement.failures.map((f) => `${f.attribute} ${f.metric}`)).toEqual([
      "race demographicParityRatio",
      "race demographicParityDifference",
      "race equalOpportunityDifference",
      "race equalizedOddsDifference",
      "race*sex demographicParityRatio",
      "race*sex demographicParityDifference",
      "race*sex equalOpportunityDifference",
      "race*sex equalizedOddsDifference",
    ]);
  });

  it("passes a fair evaluation", () => {
    const fair = { overall: c(60, 20, 100, 20), attributes: { sex: counts.attributes.sex } };
    expect(evaluate(fair).judgement).toEqual({ status: "pass", failures: [] });
  });
});
