"use client";

import { Fragment, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import { TableFrame } from "@/components/ui/scroll-box";
import { PROPORTION_METRICS, UNDEFINED_REASONS, type TProportionMetric } from "@/lib/domain/fairness/group-metrics";
import { formatCount } from "./format";
import { GROUP_METRIC_INFO } from "./metric-info";

export type GroupRow = {
  key: string;
  label: string;
  n: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  values: Record<TProportionMetric, number | null>;
  ci: Record<TProportionMetric, readonly [number, number] | null>;
  insufficient: boolean;
  judged: boolean;
  reference: boolean;
  highest: boolean;
  belowFourFifths: boolean;
};

type SortKey = "label" | "n" | "tp" | "fp" | "tn" | "fn" | TProportionMetric;

const COUNT_COLUMNS = [
  { key: "n", label: "n", title: "Rows in the group" },
  { key: "tp", label: "TP", title: "True positives" },
  { key: "fp", label: "FP", title: "False positives" },
  { key: "tn", label: "TN", title: "True negatives" },
  { key: "fn", label: "FN", title: "False negatives" },
] as const;

function compare(a: GroupRow, b: GroupRow, key: SortKey): number {
  if (key === "label") return a.label.localeCompare(b.label, "en", { numeric: true });
  if (key === "n" || key === "tp" || key === "fp" || key === "tn" || key === "fn") return a[key] - b[key];
  const x = a.values[key];
  const y = b.values[key];
  if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1; // undefined last, either way
  return x - y;
}

/**
 * Every group's counts and proportions with their 95% Wilson intervals, sortable by any column.
 * Groups too small to judge are greyed and say so; judged groups, the reference group and the
 * highest-rate group of the four-fifths screen are marked in words.
 */
export function GroupTable({ caption, rows }: { caption: string; rows: GroupRow[] }) {
  const [sort, setSort] = useState<{ key: SortKey; dir: "asc" | "desc" }>({ key: "label", dir: "asc" });
  const sorted = [...rows].sort((a, b) => {
    const order = compare(a, b, sort.key);
    const undefinedLast = sort.key !== "label" && PROPORTION_METRICS.includes(sort.key as TProportionMetric) && (a.values[sort.key as TProportionMetric] === null || b.values[sort.key as TProportionMetric] === null);
    return undefinedLast || sort.dir === "asc" ? order : -order;
  });

  const header = (key: SortKey, label: string, title?: string, className?: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : "none"} className={cx("bg-slate-50 px-2 py-2.5 text-xs font-semibold text-ink-muted", className)}>
        <button
          type="button"
          title={title}
          onClick={() => setSort({ key, dir: active ? (sort.dir === "asc" ? "desc" : "asc") : key === "label" ? "asc" : "desc" })}
          className="group inline-flex items-center gap-0.5 hover:text-ink"
        >
          {label}
          <SortArrow state={active ? sort.dir : null} />
        </button>
      </th>
    );
  };

  return (
    <TableFrame label={caption}>
      <table className="min-w-full divide-y divide-line text-sm">
        <caption className="sr-only">{caption}. Select a column heading to sort by it.</caption>
        <thead>
          <tr>
            {header("label", "Group", undefined, "pl-3 text-left")}
            {COUNT_COLUMNS.map((c) => <Fragment key={c.key}>{header(c.key, c.label, c.title, "text-right")}</Fragment>)}
            {PROPORTION_METRICS.map((m) => <Fragment key={m}>{header(m, GROUP_METRIC_INFO[m].label, GROUP_METRIC_INFO[m].short ?? GROUP_METRIC_INFO[m].measures, "text-right")}</Fragment>)}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {sorted.map((row) => (
            <tr key={row.key} className={row.insufficient ? "bg-slate-50 text-ink-muted" : "text-ink"}>
              <th scope="row" className="min-w-32 max-w-52 px-2 py-2.5 pl-3 text-left align-top font-medium">
                <span className="break-words">{row.label}</span>
                <span className="mt-1 flex flex-wrap gap-1">
                  {row.insufficient ? <Badge>insufficient sample</Badge> : row.judged && <Badge tone="brand">judged</Badge>}
                  {row.reference && <Badge tone="accent">reference</Badge>}
                  {row.highest && <Badge tone="neutral">highest rate</Badge>}
                  {row.belowFourFifths && <Badge tone="danger">below four-fifths</Badge>}
                </span>
              </th>
              {COUNT_COLUMNS.map((c) => (
                <td key={c.key} className={cx("px-2 py-2.5 text-right align-top tabular-nums", c.key === "n" && "font-semibold")}>{formatCount(row[c.key])}</td>
              ))}
              {PROPORTION_METRICS.map((m) => (
                <td key={m} className="whitespace-nowrap px-2 py-2.5 text-right align-top tabular-nums last:pr-3">
                  <MetricValue value={row.values[m]} ci={row.ci[m]} reason={UNDEFINED_REASONS[m]} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}


function MetricValue({ value, ci, reason }: { value: number | null; ci: readonly [number, number] | null; reason: string }) {
  if (value === null) {
    return (
      <span title={`not defined: ${reason}`} className="cursor-help text-ink-muted">
        <span aria-hidden>—</span>
        <span className="sr-only">not defined: {reason}</span>
      </span>
    );
  }
  return (
    <>
      {value.toFixed(2)}
      {ci && <span className="block text-[11px] leading-4 text-ink-muted"> ({ci[0].toFixed(2)}–{ci[1].toFixed(2)})</span>}
    </>
  );
}

function SortArrow({ state }: { state: "asc" | "desc" | null }) {
  return (
    <svg aria-hidden viewBox="0 0 12 12" className={state ? "h-3 w-3 text-brand" : "h-3 w-3 text-slate-300 group-hover:text-ink-muted"} fill="currentColor">
      {state !== "desc" && <path d="M6 1.5 9.5 5h-7z" />}
      {state !== "asc" && <path d="M6 10.5 2.5 7h7z" />}
    </svg>
  );
}
