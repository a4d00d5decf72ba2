import Link from "next/link";
import { cx } from "@/components/ui/cx";
import { formatDate } from "@/components/ui/format";
import { TableFrame } from "@/components/ui/scroll-box";
import type { TAttributeMetrics } from "@/lib/domain/fairness/attribute-metrics";
import type { EvaluationResponse } from "@/lib/services/evaluations/queries";
import { EvaluationStatus } from "./evaluation-status";
import { formatCount } from "./format";

export type ComparedVersion = { version: string; href: string; evaluation: EvaluationResponse };

type Worst = { value: number; attribute: string } | null;

/** The worst value of one disparity over the sensitive attributes (intersections are on the detail pages). */
function worst(attributes: Record<string, TAttributeMetrics>, metric: "demographicParityRatio" | "equalizedOddsDifference", pick: "min" | "max"): Worst {
  let found: Worst = null;
  for (const [attribute, m] of Object.entries(attributes)) {
    const value = m[metric];
    if (value === null) continue;
    if (found === null || (pick === "min" ? value < found.value : value > found.value)) found = { value, attribute };
  }
  return found;
}

type Row = {
  label: string;
  hint: string;
  better: "higher" | "lower";
  digits: number;
  unit?: string;
  value: (e: EvaluationResponse) => number | null;
  note?: (e: EvaluationResponse) => string | null;
};

const ROWS: Row[] = [
  { label: "Accuracy", hint: "share predicted correctly", better: "higher", digits: 3, value: (e) => e.overall.accuracy },
  { label: "Precision", hint: "flagged rows that were positive", better: "higher", digits: 3, value: (e) => e.overall.precision },
  { label: "Recall", hint: "positives found", better: "higher", digits: 3, value: (e) => e.overall.recall },
  { label: "F1", hint: "balance of precision and recall", better: "higher", digits: 3, value: (e) => e.overall.f1 },
  { label: "ROC-AUC", hint: "ranking quality; needs a score column", better: "higher", digits: 3, value: (e) => e.overall.rocAuc },
  {
    label: "Worst demographic parity ratio",
    hint: "lowest ÷ highest selection rate, worst attribute",
    better: "higher",
    digits: 3,
    value: (e) => worst(e.attributes, "demographicParityRatio", "min")?.value ?? null,
    note: (e) => worst(e.attributes, "demographicParityRatio", "min")?.attribute ?? null,
  },
  {
    label: "Worst equalized odds difference",
    hint: "largest TPR or FPR gap, worst attribute",
    better: "lower",
    digits: 3,
    value: (e) => worst(e.attributes, "equalizedOddsDifference", "max")?.value ?? null,
    note: (e) => worst(e.attributes, "equalizedOddsDifference", "max")?.attribute ?? null,
  },
  { label: "Inference latency", hint: "per prediction, as recorded by the owner", better: "lower", digits: 1, unit: " ms", value: (e) => e.latencyMs },
];

/**
 * The table teams use to choose between candidate versions: each version's latest evaluation,
 * one metric per row, the best value in each row starred (ties share the star; a row needs two
 * values to have a best).
 */
export function ComparisonTable({ columns }: { columns: ComparedVersion[] }) {
  const rows = ROWS.filter((row) => row.label !== "Inference latency" || columns.some((c) => c.evaluation.latencyMs !== null));
  const hashes = new Set(columns.map((c) => c.evaluation.inputSha256));
  return (
    <div>
      {/* As wide as its versions need: one or two columns do not stretch across the page. */}
      <TableFrame label="Compare versions" style={{ maxWidth: 380 + columns.length * 240 }}>
        <table className="min-w-full divide-y divide-line text-sm">
          <caption className="sr-only">Compare versions</caption>
          <thead>
            <tr>
              <th scope="col" className="bg-slate-50 px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-ink-muted">Metric</th>
              {columns.map((c) => (
                <th key={c.version} scope="col" className="bg-slate-50 px-4 py-2.5 text-right text-xs font-semibold uppercase tracking-wide text-ink-muted">
                  <span className="sr-only">Version </span><span className="font-mono text-sm normal-case text-ink">{c.version}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            <tr className="bg-canvas/60">
              <th scope="row" className="px-4 py-2.5 text-left font-medium text-ink-muted">Latest evaluation</th>
              {columns.map((c) => (
                <td key={c.version} className="px-4 py-2.5 text-right align-top">
                  <Link href={c.href} className="font-medium text-brand hover:underline">{c.evaluation.name}</Link>
                  <span className="block text-xs text-ink-muted">{formatCount(c.evaluation.rows)} rows · {formatDate(c.evaluation.createdAt)}</span>
                  <div className="mt-1 flex justify-end text-right"><EvaluationStatus status={c.evaluation.status} waiver={c.evaluation.waiver} compact /></div>
                </td>
              ))}
            </tr>
            {rows.map((row) => {
              const values = columns.map((c) => row.value(c.evaluation));
              const rounded = values.map((v) => (v === null ? null : Number(v.toFixed(row.digits))));
              const present = rounded.filter((v): v is number => v !== null);
              const best = present.length >= 2 ? (row.better === "higher" ? Math.max(...present) : Math.min(...present)) : null;
              return (
                <tr key={row.label}>
                  <th scope="row" className="px-4 py-2.5 text-left font-normal">
                    <span className="font-medium text-ink">{row.label}</span>
                    <span className="block text-xs text-ink-muted">{row.hint} · {row.better} is better</span>
                  </th>
                  {columns.map((c, i) => {
                    const value = values[i]!;
                    const isBest = best !== null && rounded[i] === best;
                    const note = row.note?.(c.evaluation);
                    return (
                      <td key={c.version} className={cx("whitespace-nowrap px-4 py-2.5 text-right align-top tabular-nums", isBest ? "bg-success-soft/50 font-bold text-ink" : "text-ink")}>
                        {value === null ? (
                          <span className="text-ink-muted" title={row.label === "ROC-AUC" ? "No score column was mapped" : "Not recorded or not defined"}>—</span>
                        ) : (
                          <>
                            {isBest && <span aria-hidden className="mr-1 text-success">★</span>}
                            {value.toFixed(row.digits)}{row.unit}
                            {isBest && <span className="sr-only"> (best)</span>}
                          </>
                        )}
                        {note && value !== null && <span className="block text-xs font-normal text-ink-muted">{note}</span>}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableFrame>
      <p className="mt-2 text-xs text-ink-muted">
        {/* With one version there is nothing to rank, and no star. */}
        {columns.length > 1 && <><span aria-hidden>★</span> marks the best value in each row. </>}
        Fairness rows are between-group values over all groups of each sensitive attribute; the detail pages show them per attribute and intersection, with the judged groups.{" "}
        {columns.length > 1 && (hashes.size === 1 ? "All versions were evaluated on the same file (same SHA-256)." : "The versions were evaluated on different files (different SHA-256): differences can come from the data as well as the model.")}
      </p>
    </div>
  );
}
