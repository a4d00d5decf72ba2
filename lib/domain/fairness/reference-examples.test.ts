/**
 * Published examples, reproduced to full precision. The inputs are copied literally from the
 * sources named in each describe(); the expected values are the published outputs, and where the
 * source prints them rounded, also the exact fraction they round (checked to ~14 digits).
 */
import { describe, expect, it } from "vitest";
import { attributeMetrics } from "./attribute-metrics";
import { countsTotal, sumCounts } from "./counts";
import { rateSpread, rateToOverall } from "./disparities";
import { groupMetrics } from "./group-metrics";
import { overallMetrics } from "./overall-metrics";
import { rocAuc, scoreHistogram } from "./score-histogram";
import { countRows, expectClose, rowsOf } from "./test-support";

describe("Fairlearn user guide, common_fairness_metrics.rst and perform_fairness_assessment.rst", () => {
  // docs/user_guide/assessment/common_fairness_metrics.rst (same arrays in perform_fairness_assessment.rst)
  const y_true = [0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1] as const;
  const y_pred = [0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0] as const;
  const sf_data = ["b", "b", "a", "b", "b", "c", "c", "c", "a", "a", "c", "a", "b", "c", "c", "b", "c", "c"];
  const groups = countRows(rowsOf([...y_true], [...y_pred], sf_data));
  const result = attributeMetrics(groups, { minGroupSize: 1 });

  it("demographic_parity_difference = 0.25 and demographic_parity_ratio = 0.66666…", () => {
    expect(result.demographicParityDifference).toBe(0.25);
    expectClose(result.demographicParityRatio, 2 / 3);
    expect(result.demographicParityRatio!.toFixed(5)).toBe("0.66667");
  });

  it("equalized_odds_difference = 1.0 and equalized_odds_ratio = 0.0", () => {
    expect(result.equalizedOddsDifference).toBe(1);
    expect(result.equalizedOddsRatio).toBe(0);
  });

  it("MetricFrame.by_group: tpr, fpr, sel and count per group", () => {
    // a: 0.5 1.000000 0.75 4.0 · b: 0.6 0.000000 0.50 6.0 · c: 0.4 0.666667 0.50 8.0
    expect(Object.keys(result.groups)).toEqual(["a", "b", "c"]);
    const row = (g: string) => [result.groups[g]!.tpr, result.groups[g]!.fpr, result.groups[g]!.selectionRate, result.groups[g]!.n];
    expect(row("a")).toEqual([0.5, 1, 0.75, 4]);
    expect(row("b")).toEqual([0.6, 0, 0.5, 6]);
    expect(row("c")).toEqual([0.4, 2 / 3, 0.5, 8]);
  });

  it("MetricFrame.overall: tpr 0.5, fpr 0.666667, sel 0.555556, count 18", () => {
    const overall = overallMetrics(sumCounts(Object.values(groups)));
    expect(overall.recall).toBe(0.5);
    expect(overall.selectionRate).toBe(10 / 18);
    expect(overall.selectionRate!.toFixed(6)).toBe("0.555556");
    expect(overall.n).toBe(18);
    expect(groupMetrics(sumCounts(Object.values(groups)), 1).fpr).toBe(4 / 6);
  });

  it("difference(): tpr 0.20, fpr 1.00, sel 0.25 · ratio(): tpr 0.666667, fpr 0, sel 0.666667", () => {
    expectClose(result.equalOpportunityDifference, 0.2);
    expect(result.equalOpportunityDifference!.toFixed(2)).toBe("0.20");
    expect(result.equalizedOddsDifference).toBe(1); // = fpr difference, the larger one
    expect(result.demographicParityDifference).toBe(0.25);
    expect(result.equalizedOddsRatio).toBe(0); // = min(tpr ratio 0.666667, fpr ratio 0)
  });

  it("difference(method='to_overall'): tpr 0.100000, fpr 0.666667, sel 0.194444", () => {
    expectClose(result.toOverall.equalOpportunityDifference, 0.1);
    expect(result.toOverall.equalOpportunityDifference!.toFixed(6)).toBe("0.100000");
    expectClose(result.toOverall.equalizedOddsDifference, 2 / 3); // max(tpr 0.1, fpr 0.666667)
    expectClose(result.toOverall.demographicParityDifference, 7 / 36);
    expect(result.toOverall.demographicParityDifference!.toFixed(6)).toBe("0.194444");
  });

  it("ratio(method='to_overall'): tpr 0.800000, fpr 0.000000, sel 0.740741", () => {
    expectClose(result.toOverall.demographicParityRatio, 20 / 27);
    expect(result.toOverall.demographicParityRatio!.toFixed(6)).toBe("0.740741");
    expect(result.toOverall.equalizedOddsRatio).toBe(0); // min(tpr 0.8, fpr 0)
  });

  it("per rate: ratio() tpr 0.666667 and to_overall tpr 0.8, fpr 0.666667/0, sel 0.194444/0.740741", () => {
    const named = Object.entries(groups);
    expectClose(rateSpread(named, "tpr").ratio, 2 / 3);
    expect(rateSpread(named, "fpr").ratio).toBe(0);
    expectClose(rateToOverall(named, "tpr").ratio, 0.8);
    expectClose(rateToOverall(named, "tpr").difference, 0.1);
    expectClose(rateToOverall(named, "fpr").difference, 2 / 3);
    expect(rateToOverall(named, "fpr").ratio).toBe(0);
    expectClose(rateToOverall(named, "selectionRate").difference, 7 / 36);
    expectClose(rateToOverall(named, "selectionRate").ratio, 20 / 27);
  });
});

describe("Fairlearn MetricFrame docstring (fairlearn/metrics/_metric_frame.py)", () => {
  const y_true = [1, 1, 1, 1, 1, 0, 0, 1, 1, 0] as const;
  const y_pred = [0, 1, 1, 1, 1, 0, 0, 0, 1, 1] as const;
  const sex = [...Array(5).fill("Female"), ...Array(5).fill("Male")] as string[];
  const result = attributeMetrics(countRows(rowsOf([...y_true], [...y_pred], sex)), { minGroupSize: 1 });

  it("by_group selection_rate: Female 0.8, Male 0.4; difference 0.4, ratio 0.5, group max 0.8", () => {
    expect(result.groups.Female!.selectionRate).toBe(0.8);
    expect(result.groups.Male!.selectionRate).toBe(0.4);
    expect(result.demographicParityDifference).toBe(0.4);
    expect(result.demographicParityRatio).toBe(0.5);
  });

  it("by_group accuracy: Female 0.8, Male 0.6 (difference 0.2, ratio 0.75)", () => {
    expect(result.groups.Female!.accuracy).toBe(0.8);
    expect(result.groups.Male!.accuracy).toBe(0.6);
    expectClose(result.groups.Female!.accuracy! - result.groups.Male!.accuracy!, 0.2);
    expectClose(result.groups.Male!.accuracy! / result.groups.Female!.accuracy!, 0.75);
  });
});

describe("AIF360 R package, tests/testthat/test-classification.R", () => {
  // inst/extdata/actual_data.csv and predicted_data.csv: the columns sex (privileged 1,
  // unprivileged 0) and income (favourable 1), row by row.
  const sex = [0, 1, 0, 0, 0, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 0].map(String);
  const actual = [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1] as (0 | 1)[];
  const predicted = [0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 1, 0, 1, 0] as (0 | 1)[];
  const groups = countRows(rowsOf(actual, predicted, sex));
  const result = attributeMetrics(groups, { reference: "1", minGroupSize: 1 });
  const vs = result.versusReference["0"]!;
  const overall = overallMetrics(sumCounts(Object.values(groups)));

  it("num_true_positives 1, false positives 6, true negatives 10, false negatives 3", () => {
    expect(sumCounts(Object.values(groups))).toEqual({ tp: 1, fp: 6, tn: 10, fn: 3 });
    expect(countsTotal(groups["1"]!)).toBe(11);
    expect(countsTotal(groups["0"]!)).toBe(9);
  });

  it("accuracy 0.55; privileged 0.727, unprivileged 0.3333", () => {
    expect(overall.accuracy).toBe(0.55);
    expectClose(result.groups["1"]!.accuracy, 8 / 11);
    expect(Math.abs(result.groups["1"]!.accuracy! - 0.727)).toBeLessThan(0.000273);
    expectClose(result.groups["0"]!.accuracy, 1 / 3);
  });

  it("disparate_impact 1.629 (tolerance 0.00063) = (4/9)/(3/11) = 44/27", () => {
    expectClose(vs.disparateImpact, 44 / 27);
    expect(Math.abs(vs.disparateImpact! - 1.629)).toBeLessThan(0.00063);
  });

  it("statistical_parity_difference 0.172 = 4/9 − 3/11 = 17/99", () => {
    expectClose(vs.statisticalParityDifference, 17 / 99);
    expect(vs.statisticalParityDifference!.toFixed(3)).toBe("0.172");
  });

  it("equal_opportunity_difference −0.5 (true_positive_rate_difference −0.5)", () => {
    expect(vs.equalOpportunityDifference).toBe(-0.5);
  });

  it("average_odds_difference −0.07545 (tolerance 5.32e-05) = ½(22/63 − ½) = −19/252", () => {
    expectClose(vs.averageOddsDifference, -19 / 252);
    expect(Math.abs(vs.averageOddsDifference! - -0.07545)).toBeLessThan(5.32e-5);
  });

  it("false_positive_rate 0.375; privileged 0.2215, unprivileged 0.571; difference 0.34901", () => {
    expect(groupMetrics(sumCounts(Object.values(groups)), 1).fpr).toBe(0.375);
    expectClose(result.groups["1"]!.fpr, 2 / 9);
    expectClose(result.groups["0"]!.fpr, 4 / 7);
    expectClose(result.groups["0"]!.fpr! - result.groups["1"]!.fpr!, 22 / 63);
    expect(Math.abs(result.groups["0"]!.fpr! - result.groups["1"]!.fpr! - 0.34901)).toBeLessThan(0.000206);
  });

  it("false_negative_rate 0.75; privileged 0.5, unprivileged 1; true_positive_rate 0.25, recall 0.25, selection_rate 0.35, precision 0.143", () => {
    expect(groupMetrics(sumCounts(Object.values(groups)), 1).fnr).toBe(0.75);
    expect(result.groups["1"]!.fnr).toBe(0.5);
    expect(result.groups["0"]!.fnr).toBe(1);
    expect(overall.recall).toBe(0.25);
    expect(overall.selectionRate).toBe(0.35);
    expectClose(overall.precision, 1 / 7);
    expect(overall.precision!.toFixed(3)).toBe("0.143");
  });
});

describe("ProPublica, 'How We Analyzed the COMPAS Recidivism Algorithm' (2016), compas-scores-two-years.csv", () => {
  // Counts of the 7,214 defendants: label two_year_recid = 1, prediction score_text Medium or
  // High (decile_score ≥ 5). Counted once from the published CSV; the tables match ProPublica's
  // notebook (Black: Low 990/532, High 805/1369; White: Low 1139/461, High 349/505).
  const race = {
    "African-American": { tp: 1369, fp: 805, tn: 990, fn: 532 },
    Asian: { tp: 6, fp: 2, tn: 21, fn: 3 },
    Caucasian: { tp: 505, fp: 349, tn: 1139, fn: 461 },
    Hispanic: { tp: 103, fp: 87, tn: 318, fn: 129 },
    "Native American": { tp: 9, fp: 3, tn: 5, fn: 1 },
    Other: { tp: 43, fp: 36, tn: 208, fn: 90 },
  };
  const result = attributeMetrics(race, { reference: "Caucasian" });
  const percent = (x: number | null) => (100 * x!).toFixed(2);

  it("false positive rates: Black 44.85%, White 23.45%; false negative rates: Black 27.99%, White 47.72%", () => {
    expect(percent(result.groups["African-American"]!.fpr)).toBe("44.85");
    expect(percent(result.groups.Caucasian!.fpr)).toBe("23.45");
    expect(percent(result.groups["African-American"]!.fnr)).toBe("27.99");
    expect(percent(result.groups.Caucasian!.fnr)).toBe("47.72");
  });

  it("all defendants: false positive rate 32.35%, false negative rate 37.40%", () => {
    const all = groupMetrics(sumCounts(Object.values(race)), 30);
    expect(all.n).toBe(7214);
    expect(percent(all.fpr)).toBe("32.35");
    expect(percent(all.fnr)).toBe("37.40");
  });

  it("Asian (32) and Native American (18) are reported but, below 30 rows, not judged", () => {
    expect(result.groups["Native American"]!.insufficientSample).toBe(true);
    expect(result.groups.Asian!.insufficientSample).toBe(false);
    expect(result.judgedGroups).toEqual(["African-American", "Asian", "Caucasian", "Hispanic", "Other"]);
  });

  it("disparities over all six groups, exact fractions", () => {
    // selection rates: Native American 12/18 highest, Other 79/377 lowest
    expectClose(result.demographicParityDifference, 12 / 18 - 79 / 377);
    expectClose(result.demographicParityRatio, 79 / 377 / (12 / 18));
    // TPR: Native American 9/10 highest, Other 43/133 lowest; FPR: Black 805/1795 highest, Asian 2/23 lowest
    expectClose(result.equalOpportunityDifference, 9 / 10 - 43 / 133);
    expectClose(result.equalizedOddsDifference, Math.max(9 / 10 - 43 / 133, 805 / 1795 - 2 / 23));
    expectClose(result.equalizedOddsRatio, Math.min(43 / 133 / (9 / 10), 2 / 23 / (805 / 1795)));
  });

  it("AIF360 against Caucasian: Black disparate impact 2174/3696 ÷ 854/2454", () => {
    const black = result.versusReference["African-American"]!;
    expectClose(black.disparateImpact, 2174 / 3696 / (854 / 2454));
    expectClose(black.statisticalParityDifference, 2174 / 3696 - 854 / 2454);
    expectClose(black.equalOpportunityDifference, 1369 / 1901 - 505 / 966);
    expectClose(black.averageOddsDifference, 0.5 * (805 / 1795 - 349 / 1488 + (1369 / 1901 - 505 / 966)));
    expect(Object.keys(result.versusReference)).toEqual(["African-American", "Asian", "Hispanic", "Native American", "Other"]);
  });

  it("four-fifths among judged groups: highest is African-American (58.8%); every other judged group is below 80% of it", () => {
    expect(result.fourFifths).toEqual({ highestGroup: "African-American", passes: false, failingGroups: ["Asian", "Caucasian", "Hispanic", "Other"] });
  });

  it("ROC-AUC of decile_score for two_year_recid: 18093017/25767426 (Mann–Whitney, ties ½, brute force over the 7,214 rows)", () => {
    // decile → [recidivated, did not]
    const byDecile = [[308, 1132], [293, 648], [281, 466], [334, 435], [326, 355], [358, 283], [350, 242], [350, 162], [355, 153], [296, 87]];
    const histogram = { scores: byDecile.map((_, i) => i + 1), positives: byDecile.map(([p]) => p!), negatives: byDecile.map(([, n]) => n!) };
    expect(rocAuc(histogram)).toBe(0.7021662544019724);
    expectClose(rocAuc(histogram), 18093017 / 25767426);
    const rows = byDecile.flatMap(([p, n], i) => [...Array(p).fill([i + 1, true]), ...Array(n).fill([i + 1, false])] as [number, boolean][]);
    expect(rocAuc(scoreHistogram(rows))).toBe(0.7021662544019724);
  });
});

describe("scikit-learn roc_auc_score docstring", () => {
  it("y_true [0, 0, 1, 1], scores [0.1, 0.4, 0.35, 0.8] → 0.75", () => {
    const h = scoreHistogram([[0.1, false], [0.4, false], [0.35, true], [0.8, true]]);
    expect(rocAuc(h)).toBe(0.75);
    expect(overallMetrics({ tp: 1, fp: 1, tn: 1, fn: 1 }, h).rocAuc).toBe(0.75);
  });
});
