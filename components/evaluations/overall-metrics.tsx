import type { TOverallMetrics } from "@/lib/domain/fairness/overall-metrics";
import { OVERALL_INFO } from "./metric-info";

const ORDER = ["accuracy", "precision", "recall", "f1", "rocAuc", "selectionRate", "baseRate"] as const;

/** The overall performance cards: value, what it measures, and what good looks like. */
export function OverallMetrics({ overall }: { overall: TOverallMetrics }) {
  return (
    <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {ORDER.map((key) => {
        const info = OVERALL_INFO[key];
        const value = overall[key];
        return (
          <div key={key} className="flex flex-col rounded-lg border border-line bg-surface px-4 py-3 shadow-xs">
            <dt className="text-xs font-semibold uppercase tracking-wide text-ink-muted">{info.label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums text-ink">
              {value === null ? (
                <span title={info.whenNull} className="cursor-help text-ink-muted">
                  <span aria-hidden>—</span>
                  <span className="sr-only">{info.whenNull}</span>
                </span>
              ) : (
                value.toFixed(3)
              )}
            </dd>
            <dd className="mt-1 text-xs text-ink-muted">{value === null ? info.whenNull : info.measures}</dd>
            {value !== null && <dd className="mt-1 text-xs text-ink-muted">{info.good}</dd>}
          </div>
        );
      })}
    </dl>
  );
}
