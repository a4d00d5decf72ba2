import type { TDisparities } from "@/lib/domain/fairness/disparities";
import type { TProportionMetric } from "@/lib/domain/fairness/group-metrics";
import type { TFairnessThresholds } from "@/lib/domain/fairness/thresholds";
import type { TOverallMetrics } from "@/lib/domain/fairness/overall-metrics";
import type { TVersusReference } from "@/lib/domain/fairness/attribute-metrics";

/**
 * What each metric measures and what good looks like, in words a reviewer who is not a
 * statistician can act on. Shown next to the numbers, not behind a hover.
 */
export type MetricInfo = { label: string; short?: string; measures: string; good: string };

export const OVERALL_INFO: Record<Exclude<keyof TOverallMetrics, "n">, MetricInfo & { whenNull: string }> = {
  accuracy: {
    label: "Accuracy",
    measures: "Share of all rows the model predicted correctly.",
    good: "Higher is better, but compare it with the base rate: on rare outcomes, always predicting “no” already scores high.",
    whenNull: "Not defined: the file has no rows.",
  },
  precision: {
    label: "Precision",
    measures: "Of the rows the model flagged positive, the share that really were positive.",
    good: "Higher means fewer false alarms.",
    whenNull: "Not defined: the model predicted no positives.",
  },
  recall: {
    label: "Recall",
    measures: "Of the rows that really were positive, the share the model found (true positive rate).",
    good: "Higher means fewer misses.",
    whenNull: "Not defined: no positives in the file.",
  },
  f1: {
    label: "F1 score",
    measures: "The harmonic mean of precision and recall: one number that is high only when both are.",
    good: "Higher is better; 1 is perfect.",
    whenNull: "Not defined: precision or recall is undefined.",
  },
  rocAuc: {
    label: "ROC-AUC",
    measures: "The chance that a random positive row gets a higher score than a random negative one (ties count half).",
    good: "0.5 is chance, 1 is perfect separation.",
    whenNull: "Not computed: no score column was mapped, or the labels are all of one class.",
  },
  selectionRate: {
    label: "Selection rate",
    measures: "Share of all rows the model predicted positive.",
    good: "No better or worse in itself; the fairness checks compare it between groups.",
    whenNull: "Not defined: the file has no rows.",
  },
  baseRate: {
    label: "Base rate",
    measures: "Share of all rows that really are positive.",
    good: "A property of the data, not of the model: the yardstick for accuracy and selection rate.",
    whenNull: "Not defined: the file has no rows.",
  },
};

export const GROUP_METRIC_INFO: Record<TProportionMetric, MetricInfo> = {
  selectionRate: { label: "Selection rate", measures: "Share of the group predicted positive.", good: "Similar across groups." },
  baseRate: { label: "Base rate", measures: "Share of the group that really is positive.", good: "Data, not model: explains part of a selection-rate gap." },
  accuracy: { label: "Accuracy", measures: "Share of the group predicted correctly.", good: "High, and similar across groups." },
  precision: { label: "Precision", measures: "Of the group's positive predictions, the share that were right.", good: "High, and similar across groups." },
  tpr: { label: "TPR", short: "True positive rate", measures: "Of the group's real positives, the share the model found.", good: "High, and similar across groups (equal opportunity)." },
  fpr: { label: "FPR", short: "False positive rate", measures: "Of the group's real negatives, the share wrongly flagged.", good: "Low, and similar across groups." },
  fnr: { label: "FNR", short: "False negative rate", measures: "Of the group's real positives, the share missed (1 − TPR).", good: "Low, and similar across groups." },
};

type ThresholdRule = { key: keyof TFairnessThresholds; bound: "min" | "max" } | null;

export const DISPARITY_INFO: Record<keyof TDisparities, MetricInfo & { threshold: ThresholdRule }> = {
  demographicParityDifference: {
    label: "Demographic parity difference",
    measures: "The highest group selection rate minus the lowest.",
    good: "0 is parity; smaller is better.",
    threshold: { key: "maxDemographicParityDifference", bound: "max" },
  },
  demographicParityRatio: {
    label: "Demographic parity ratio",
    measures: "The lowest group selection rate divided by the highest.",
    good: "1 is parity; larger is better.",
    threshold: { key: "minDemographicParityRatio", bound: "min" },
  },
  equalOpportunityDifference: {
    label: "Equal opportunity difference",
    measures: "The highest group true positive rate minus the lowest: do real positives of every group get found equally often?",
    good: "0 is parity; smaller is better.",
    threshold: { key: "maxEqualOpportunityDifference", bound: "max" },
  },
  equalizedOddsDifference: {
    label: "Equalized odds difference",
    measures: "The larger of the true positive rate gap and the false positive rate gap between groups.",
    good: "0 is parity; smaller is better.",
    threshold: { key: "maxEqualizedOddsDifference", bound: "max" },
  },
  equalizedOddsRatio: {
    label: "Equalized odds ratio",
    measures: "The smaller of the true positive rate ratio and the false positive rate ratio (lowest ÷ highest).",
    good: "1 is parity; larger is better. Reported, not judged by the policy.",
    threshold: null,
  },
};

export const VERSUS_REFERENCE_INFO: Record<keyof TVersusReference, MetricInfo> = {
  disparateImpact: {
    label: "Disparate impact",
    measures: "The group's selection rate divided by the reference group's.",
    good: "1 is parity; it can exceed 1 when the group is selected more often than the reference.",
  },
  statisticalParityDifference: {
    label: "Statistical parity difference",
    measures: "The group's selection rate minus the reference group's.",
    good: "0 is parity; negative means the group is selected less often.",
  },
  equalOpportunityDifference: {
    label: "Equal opportunity difference",
    measures: "The group's true positive rate minus the reference group's.",
    good: "0 is parity; negative means the group's real positives are found less often.",
  },
  averageOddsDifference: {
    label: "Average odds difference",
    measures: "The average of the false positive rate gap and the true positive rate gap to the reference group.",
    good: "0 is parity.",
  },
};

export const THRESHOLD_INFO: Record<keyof TFairnessThresholds, { label: string; bound: "min" | "max" | "size"; help: string }> = {
  minDemographicParityRatio: { label: "Minimum demographic parity ratio", bound: "min", help: "Lowest group selection rate ÷ highest. 0.8 mirrors the four-fifths screen." },
  maxDemographicParityDifference: { label: "Maximum demographic parity difference", bound: "max", help: "Highest group selection rate − lowest." },
  maxEqualOpportunityDifference: { label: "Maximum equal opportunity difference", bound: "max", help: "Highest group true positive rate − lowest." },
  maxEqualizedOddsDifference: { label: "Maximum equalized odds difference", bound: "max", help: "The larger of the TPR gap and the FPR gap." },
  minGroupSize: { label: "Minimum group size", bound: "size", help: "Smaller groups are reported, flagged “insufficient sample” and left out of pass/fail." },
};

export const THRESHOLD_KEYS = Object.keys(THRESHOLD_INFO) as (keyof TFairnessThresholds)[];

/** "at least 0.80" / "at most 0.10" / "at least 30 rows". */
export function thresholdText(thresholds: TFairnessThresholds, key: keyof TFairnessThresholds): string {
  const info = THRESHOLD_INFO[key];
  if (info.bound === "size") return `at least ${thresholds[key].toLocaleString("en-GB")} rows`;
  return `${info.bound === "min" ? "at least" : "at most"} ${thresholds[key].toFixed(2)}`;
}

/** The four-fifths caveat, said every time the four-fifths result is shown. */
export const FOUR_FIFTHS_CAVEAT =
  "The four-fifths rule comes from US employment law (Uniform Guidelines on Employee Selection Procedures, 29 CFR 1607.4(D)). It is a screening heuristic that flags a selection-rate gap worth investigating, not a verdict that the model is fair or unfair; read it together with the group sizes and confidence intervals.";
