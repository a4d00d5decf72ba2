import type { ComponentProps } from "react";
import { ErrorRatesChart } from "@/components/charts/error-rates-chart";
import { IntersectionHeatmap, type HeatCell } from "@/components/charts/intersection-heatmap";
import { SelectionRateChart } from "@/components/charts/selection-rate-chart";
import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import { TableFrame } from "@/components/ui/scroll-box";
import type { TAttributeMetrics, TVersusReference } from "@/lib/domain/fairness/attribute-metrics";
import { betweenGroupDisparities, DISPARITY_METRICS, type TDisparities } from "@/lib/domain/fairness/disparities";
import { PROPORTION_METRICS, type TProportionMetric } from "@/lib/domain/fairness/group-metrics";
import { parseIntersectionGroupKey } from "@/lib/domain/fairness/intersections";
import type { TFairnessFailure } from "@/lib/domain/fairness/judge";
import type { TFairnessThresholds } from "@/lib/domain/fairness/thresholds";
import { attributeLabel, byName, formatCount, formatRate, groupLabel, sectionId } from "./format";
import { FourFifthsPanel } from "./four-fifths-panel";
import { GroupTable, type GroupRow } from "./group-table";
import { DISPARITY_INFO, GROUP_METRIC_INFO, thresholdText, VERSUS_REFERENCE_INFO } from "./metric-info";

type Props = {
  name: string;
  metrics: TAttributeMetrics;
  intersection: boolean;
  thresholds: TFairnessThresholds;
  failures: TFairnessFailure[];
};

/** The selection-rate chart of one attribute, with its four-fifths line: here and on the review page. */
export function selectionRateChartProps(name: string, metrics: TAttributeMetrics, intersection: boolean): ComponentProps<typeof SelectionRateChart> {
  const title = attributeLabel(name, intersection);
  const label = (group: string) => groupLabel(group, intersection);
  const failing = new Set(metrics.fourFifths.failingGroups);
  const highest = metrics.fourFifths.highestGroup;
  const highestRate = highest !== null ? metrics.groups[highest]?.selectionRate ?? null : null;
  const groups = Object.keys(metrics.groups).sort((a, b) => byName(label(a), label(b)));
  return {
    title: `Selection rate by ${title}`,
    axisLabel: title,
    bars: groups.map((key) => {
      const g = metrics.groups[key]!;
      return { group: label(key), n: g.n, value: g.selectionRate, ci: g.ci.selectionRate, insufficient: g.insufficientSample, belowFourFifths: failing.has(key) };
    }),
    fourFifthsLine: highestRate !== null ? 0.8 * highestRate : null,
    highestGroup: highest !== null ? label(highest) : null,
  };
}

/** Everything about one sensitive attribute (or intersection): screen, disparities, charts, groups. */
export function AttributeSection({ name, metrics, intersection, thresholds, failures }: Props) {
  const title = attributeLabel(name, intersection);
  const label = (group: string) => groupLabel(group, intersection);
  const groups = Object.keys(metrics.groups).sort((a, b) => byName(label(a), label(b)));
  const judged = new Set(metrics.judgedGroups);
  const failing = new Set(metrics.fourFifths.failingGroups);
  const highest = metrics.fourFifths.highestGroup;
  const highestRate = highest !== null ? metrics.groups[highest]?.selectionRate ?? null : null;
  const headingId = sectionId(name, intersection);

  const rows: GroupRow[] = groups.map((key) => {
    const g = metrics.groups[key]!;
    return {
      key,
      label: label(key),
      n: g.n,
      tp: g.tp,
      fp: g.fp,
      tn: g.tn,
      fn: g.fn,
      values: Object.fromEntries(PROPORTION_METRICS.map((m) => [m, g[m]])) as Record<TProportionMetric, number | null>,
      ci: g.ci,
      insufficient: g.insufficientSample,
      judged: judged.has(key),
      reference: metrics.reference === key,
      highest: highest === key,
      belowFourFifths: failing.has(key),
    };
  });

  return (
    <section aria-labelledby={headingId} className="space-y-5 border-t border-line pt-8">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <div>
          <p className="text-xs font-semibold uppercase tracking-wider text-accent">{intersection ? "Intersection" : "Sensitive attribute"}</p>
          <h3 id={headingId} className="mt-0.5 text-lg font-semibold text-ink">{title}</h3>
        </div>
        <p className="text-sm text-ink-muted">
          {groups.length} groups · {metrics.judgedGroups.length} judged (at least {formatCount(thresholds.minGroupSize)} rows)
          {failures.length > 0 ? <> · <span className="font-medium text-danger">{failures.length === 1 ? "1 check fails" : `${failures.length} checks fail`}</span></> : <> · all checks pass</>}
        </p>
      </div>

      <FourFifthsPanel metrics={metrics} label={label} highestRate={highestRate} />

      <div className={cx("grid gap-5", groups.length <= 6 && "xl:grid-cols-2")}>
        <SelectionRateChart {...selectionRateChartProps(name, metrics, intersection)} />
        <ErrorRatesChart
          title={`True and false positive rates by ${title}`}
          axisLabel={title}
          groups={rows.map((r) => ({ group: r.label, n: r.n, tpr: r.values.tpr, tprCi: r.ci.tpr, fpr: r.values.fpr, fprCi: r.ci.fpr, insufficient: r.insufficient }))}
        />
      </div>

      {intersection && name.split("*").length === 2 && <Heatmap name={name} metrics={metrics} failing={failing} />}

      <DisparityTable name={name} metrics={metrics} thresholds={thresholds} failures={failures} label={label} />

      {metrics.reference !== null && <VersusReferenceTable metrics={metrics} label={label} />}

      <div>
        <h4 className="mb-2 text-sm font-semibold text-ink">Per group</h4>
        <GroupTable caption={`Per-group metrics for ${title}, with 95% Wilson confidence intervals`} rows={rows} />
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer font-medium text-brand">What the columns mean</summary>
          <dl className="mt-2 grid gap-x-6 gap-y-2 sm:grid-cols-2">
            <div><dt className="font-medium">TP, FP, TN, FN</dt><dd className="text-ink-muted">True positives, false positives, true negatives, false negatives: the counts every metric is computed from.</dd></div>
            {PROPORTION_METRICS.map((m) => (
              <div key={m}>
                <dt className="font-medium">{GROUP_METRIC_INFO[m].label}{GROUP_METRIC_INFO[m].short && <span className="font-normal text-ink-muted"> · {GROUP_METRIC_INFO[m].short}</span>}</dt>
                <dd className="text-ink-muted">{GROUP_METRIC_INFO[m].measures} {GROUP_METRIC_INFO[m].good}</dd>
              </div>
            ))}
            <div className="sm:col-span-2"><dt className="font-medium">In brackets</dt><dd className="text-ink-muted">The 95% Wilson confidence interval: the range the group&apos;s true rate plausibly lies in. Wide intervals mean few rows; differences inside overlapping intervals may be noise. “—” marks a rate that is not defined for the group (hover for why).</dd></div>
          </dl>
        </details>
      </div>
    </section>
  );
}

function DisparityTable({ name, metrics, thresholds, failures, label }: { name: string; metrics: TAttributeMetrics; thresholds: TFairnessThresholds; failures: TFairnessFailure[]; label: (g: string) => string }) {
  const judgedCounts = metrics.judgedGroups.map((g) => [g, metrics.groups[g]!] as const);
  const onJudged: TDisparities | null = judgedCounts.length >= 2 ? betweenGroupDisparities(judgedCounts) : null;
  const tooFew = failures.some((f) => f.metric === "judgedGroups");
  return (
    <div>
      <h4 className="mb-2 text-sm font-semibold text-ink">Disparities</h4>
      <TableFrame label={`Disparity metrics for ${name}`}>
        <table className="min-w-full divide-y divide-line text-sm">
          <caption className="sr-only">Disparity metrics for {name}: between groups over all groups, to overall, and over the judged groups against the policy</caption>
          <thead>
            <tr className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-ink-muted">
              <th scope="col" className="px-4 py-2.5">Metric</th>
              <th scope="col" className="px-4 py-2.5 text-right">Between groups<span className="block font-normal normal-case tracking-normal">all groups</span></th>
              <th scope="col" className="px-4 py-2.5 text-right">To overall<span className="block font-normal normal-case tracking-normal">each group vs all rows</span></th>
              <th scope="col" className="px-4 py-2.5 text-right">Judged groups<span className="block font-normal normal-case tracking-normal">what pass/fail uses</span></th>
              <th scope="col" className="px-4 py-2.5">Policy</th>
              <th scope="col" className="px-4 py-2.5">Result</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {DISPARITY_METRICS.map((metric) => {
              const info = DISPARITY_INFO[metric];
              const failure = failures.find((f) => f.metric === metric);
              return (
                <tr key={metric} className="align-top">
                  <th scope="row" className="max-w-md px-4 py-3 text-left font-normal">
                    <span className="font-medium text-ink">{info.label}</span>
                    <span className="mt-0.5 block text-xs text-ink-muted">{info.measures} {info.good}</span>
                  </th>
                  <td className="px-4 py-3 text-right tabular-nums">{formatRate(metrics[metric], 3)}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{formatRate(metrics.toOverall[metric], 3)}</td>
                  <td className={cx("px-4 py-3 text-right tabular-nums", info.threshold && "font-semibold")}>{onJudged ? formatRate(onJudged[metric], 3) : "—"}</td>
                  <td className="whitespace-nowrap px-4 py-3 text-ink-muted">{info.threshold ? thresholdText(thresholds, info.threshold.key) : "not judged"}</td>
                  <td className="px-4 py-3">
                    {!info.threshold ? (
                      <span className="text-ink-muted">—</span>
                    ) : tooFew ? (
                      <Badge tone="danger">Not judgeable</Badge>
                    ) : failure ? (
                      <span>
                        <Badge tone="danger">Fails</Badge>
                        {failure.groups.length > 0 && <span className="mt-1 block text-xs text-ink-muted">{failure.value === null ? "undefined for " : "between "}{failure.groups.map(label).join(failure.value === null ? ", " : " and ")}</span>}
                      </span>
                    ) : (
                      <Badge tone="success">Passes</Badge>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableFrame>
      <p className="mt-2 text-xs text-ink-muted">
        “Between groups” and “to overall” follow Fairlearn over every group, small ones included. Pass/fail recomputes the between-group values over the judged groups only ({metrics.judgedGroups.length} of {Object.keys(metrics.groups).length}).
        {tooFew && " Fewer than two groups are large enough to compare, so the fairness of this attribute cannot be shown and it fails."}
      </p>
    </div>
  );
}

const VERSUS_KEYS = ["disparateImpact", "statisticalParityDifference", "equalOpportunityDifference", "averageOddsDifference"] as const satisfies readonly (keyof TVersusReference)[];

function VersusReferenceTable({ metrics, label }: { metrics: TAttributeMetrics; label: (g: string) => string }) {
  const reference = metrics.reference!;
  const others = Object.keys(metrics.versusReference).sort((a, b) => byName(label(a), label(b)));
  return (
    <div>
      <h4 className="mb-2 text-sm font-semibold text-ink">
        Versus the reference group <span className="font-normal text-ink-muted">· {label(reference)} (n = {formatCount(metrics.groups[reference]?.n ?? 0)}), AIF360 conventions</span>
      </h4>
      <TableFrame label={`Each group compared with the reference group ${label(reference)}`}>
        <table className="min-w-full divide-y divide-line text-sm">
          <caption className="sr-only">Each group compared with the reference group {label(reference)}</caption>
          <thead>
            <tr className="bg-slate-50 text-xs font-semibold uppercase tracking-wide text-ink-muted">
              <th scope="col" className="px-4 py-2.5 text-left">Group</th>
              <th scope="col" className="px-4 py-2.5 text-right">n</th>
              {VERSUS_KEYS.map((k) => <th key={k} scope="col" className="px-4 py-2.5 text-right">{VERSUS_REFERENCE_INFO[k].label}</th>)}
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {others.map((group) => {
              const g = metrics.groups[group]!;
              return (
                <tr key={group} className={g.insufficientSample ? "bg-slate-50 text-ink-muted" : undefined}>
                  <th scope="row" className="px-4 py-2.5 text-left font-medium">
                    {label(group)}
                    {g.insufficientSample && <span className="ml-2"><Badge>insufficient sample</Badge></span>}
                  </th>
                  <td className="px-4 py-2.5 text-right tabular-nums">{formatCount(g.n)}</td>
                  {VERSUS_KEYS.map((k) => {
                    const value = metrics.versusReference[group]![k];
                    return <td key={k} className="px-4 py-2.5 text-right tabular-nums">{value === null ? <span title="not defined: a rate it needs is undefined for this group or the reference">—</span> : value.toFixed(3)}</td>;
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableFrame>
      <dl className="mt-2 grid gap-x-6 gap-y-1.5 text-xs sm:grid-cols-2">
        {VERSUS_KEYS.map((k) => (
          <div key={k}><dt className="inline font-medium text-ink">{VERSUS_REFERENCE_INFO[k].label}: </dt><dd className="inline text-ink-muted">{VERSUS_REFERENCE_INFO[k].measures} {VERSUS_REFERENCE_INFO[k].good}</dd></div>
        ))}
      </dl>
    </div>
  );
}

function Heatmap({ name, metrics, failing }: { name: string; metrics: TAttributeMetrics; failing: Set<string> }) {
  const [rowAttribute, columnAttribute] = name.split("*") as [string, string];
  const parsed = Object.keys(metrics.groups).flatMap((key) => {
    try {
      const values = parseIntersectionGroupKey(key);
      return values.length === 2 ? [{ key, row: values[0]!, column: values[1]! }] : [];
    } catch {
      return [];
    }
  });
  const rows = [...new Set(parsed.map((p) => p.row))].sort(byName);
  const columns = [...new Set(parsed.map((p) => p.column))].sort(byName);
  const byCell = new Map(parsed.map((p) => [`${p.row}\u0000${p.column}`, p.key]));
  const cells: (HeatCell | null)[][] = rows.map((r) =>
    columns.map((c) => {
      const key = byCell.get(`${r}\u0000${c}`);
      const g = key !== undefined ? metrics.groups[key] : undefined;
      return g ? { value: g.selectionRate, n: g.n, insufficient: g.insufficientSample, belowFourFifths: failing.has(key!) } : null;
    }),
  );
  return (
    <IntersectionHeatmap
      title={`Selection rate by ${rowAttribute} and ${columnAttribute}`}
      rowAttribute={rowAttribute}
      columnAttribute={columnAttribute}
      rows={rows}
      columns={columns}
      cells={cells}
    />
  );
}
