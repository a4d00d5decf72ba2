"use client";

import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "./chart-figure";
import { CHART_COLOURS, GroupTick, hairlineAtZero, PERCENT_TICKS, percentTick, whisker, xAxisLayout } from "./chart-kit";

export type ErrorRateGroup = {
  group: string;
  n: number;
  tpr: number | null;
  tprCi: readonly [number, number] | null;
  fpr: number | null;
  fprCi: readonly [number, number] | null;
  insufficient: boolean;
};

const pct = (v: number | null) => (v === null ? "not defined" : `${(v * 100).toFixed(1)}%`);

/**
 * True and false positive rates per group side by side: equal opportunity asks the blue bars to
 * match, equalized odds asks both colours to match. Pale bars: groups too small to judge.
 */
export function ErrorRatesChart({ title, axisLabel, groups }: { title: string; axisLabel: string; groups: ErrorRateGroup[] }) {
  const data = groups.map((g) => ({ ...g, tprErr: whisker(g.tpr, g.tprCi) ?? [0, 0], fprErr: whisker(g.fpr, g.fprCi) ?? [0, 0] }));
  const layout = xAxisLayout(groups.length, Math.max(...groups.map((g) => g.group.length)));
  const summary = [
    `${title}.`,
    ...groups.map((g) => `${g.group} (n = ${g.n.toLocaleString("en-GB")}${g.insufficient ? ", insufficient sample" : ""}): true positive rate ${pct(g.tpr)}, false positive rate ${pct(g.fpr)}.`),
  ].join(" ");
  return (
    <ChartFigure
      title={title}
      summary={summary}
      legend={[
        { label: "95% confidence interval", swatch: "whisker", colour: CHART_COLOURS.whisker },
        { label: "Pale: insufficient sample (not judged)", swatch: "bar", colour: CHART_COLOURS.muted },
      ]}
      note="Equal opportunity compares the true positive rates; equalized odds compares both. A missing bar is a rate that is not defined for the group (no positives, or no negatives)."
    >
      <BarChart
        responsive
        accessibilityLayer={false}
        data={data}
        barGap={2}
        margin={{ top: 12, right: 16, bottom: 8, left: layout.left }}
        style={{ width: "100%", minWidth: groups.length * 72 + 72 + layout.left, height: 290 + layout.height }}
      >
        <CartesianGrid vertical={false} stroke={CHART_COLOURS.grid} />
        <XAxis dataKey="group" interval={0} height={layout.height} tick={<GroupTick angled={layout.angled} />} tickLine={false} label={{ value: axisLabel, position: "insideBottom", offset: -4, fill: CHART_COLOURS.axis, fontSize: 12 }} />
        <YAxis domain={[0, 1]} ticks={PERCENT_TICKS} tickFormatter={percentTick} width={56} tick={{ fill: CHART_COLOURS.axis, fontSize: 12 }} label={{ value: "Rate", angle: -90, position: "insideLeft", offset: 4, fill: CHART_COLOURS.axis, fontSize: 12, style: { textAnchor: "middle" } }} />
        <Tooltip cursor={{ fill: "#f1f5f9" }} content={<ErrorRatesTooltip />} />
        <Legend verticalAlign="top" align="left" height={28} iconType="square" itemSorter={null} wrapperStyle={{ fontSize: 12, paddingLeft: 56 }} />
        <Bar dataKey="tpr" name="True positive rate (TPR)" fill={CHART_COLOURS.primary} isAnimationActive={false} maxBarSize={40} minPointSize={hairlineAtZero}>
          {data.map((d) => <Cell key={d.group} fill={d.insufficient ? CHART_COLOURS.muted : CHART_COLOURS.primary} />)}
          <ErrorBar dataKey="tprErr" width={5} stroke={CHART_COLOURS.whisker} strokeWidth={1.25} isAnimationActive={false} />
        </Bar>
        <Bar dataKey="fpr" name="False positive rate (FPR)" fill={CHART_COLOURS.secondary} isAnimationActive={false} maxBarSize={40} minPointSize={hairlineAtZero}>
          {data.map((d) => <Cell key={d.group} fill={d.insufficient ? CHART_COLOURS.mutedSecondary : CHART_COLOURS.secondary} />)}
          <ErrorBar dataKey="fprErr" width={5} stroke={CHART_COLOURS.whisker} strokeWidth={1.25} isAnimationActive={false} />
        </Bar>
      </BarChart>
    </ChartFigure>
  );
}

type Entry = { payload?: ErrorRateGroup };

function ErrorRatesTooltip({ active, payload }: { active?: boolean; payload?: Entry[] }) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="rounded-md border border-line bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-semibold text-ink">{row.group}</p>
      <p className="text-ink">TPR {pct(row.tpr)}{row.tprCi && <span className="text-ink-muted"> ({pct(row.tprCi[0])}–{pct(row.tprCi[1])})</span>}</p>
      <p className="text-ink">FPR {pct(row.fpr)}{row.fprCi && <span className="text-ink-muted"> ({pct(row.fprCi[0])}–{pct(row.fprCi[1])})</span>}</p>
      <p className="text-ink-muted">n = {row.n.toLocaleString("en-GB")}{row.insufficient ? " · insufficient sample" : ""}</p>
    </div>
  );
}
