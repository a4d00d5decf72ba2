import { countsTotal, type TConfusionCounts } from "./counts";
import { proportion } from "./group-metrics";
import { rocAuc, type TScoreHistogram } from "./score-histogram";

export type TOverallMetrics = {
  n: number;
  accuracy: number | null;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  selectionRate: number | null;
  baseRate: number | null;
  rocAuc: number | null;
};

/**
 * Overall performance on all rows. F1 = 2PR/(P+R) is null when precision or recall is undefined;
 * otherwise it is computed as 2TP/(2TP+FP+FN), the same number without rounding P and R first,
 * which is also its limit 0 when P = R = 0. rocAuc is null without a score column, or when the
 * labels are all positive or all negative.
 */
export function overallMetrics(counts: TConfusionCounts, scores?: TScoreHistogram | null): TOverallMetrics {
  const precision = proportion("precision", counts);
  const recall = proportion("tpr", counts);
  return {
    n: countsTotal(counts),
    accuracy: proportion("accuracy", counts),
    precision,
    recall,
    f1: precision === null || recall === null ? null : (2 * counts.tp) / (2 * counts.tp + counts.fp + counts.fn),
    selectionRate: proportion("selectionRate", counts),
    baseRate: proportion("baseRate", counts),
    rocAuc: scores ? rocAuc(scores) : null,
  };
}
