"use client";

import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, LabelList, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "./chart-figure";
import { CHART_COLOURS, GroupTick, hairlineAtZero, PERCENT_TICKS, percentTick, whisker, xAxisLayout } from "./chart-kit";

export type RateBar = {
  group: string;
  n: number;
  value: number | null;
  ci: readonly [number, number] | null;
  insufficient: boolean;
  /** Below four-fifths of the highest judged group's rate. */
  belowFourFifths: boolean;
};

const pct = (v: number | null) => (v === null ? "not defined" : `${(v * 100).toFixed(1)}%`);

/**
 * Selection rate per group, with 95% intervals as whiskers and the four-fifths line at 80% of
 * the highest judged group's rate. Bars under the line are red; groups too small to judge are pale.
 */
export function SelectionRateChart({ title, axisLabel, bars, fourFifthsLine, highestGroup }: { title: string; axisLabel: string; bars: RateBar[]; fourFifthsLine: number | null; highestGroup: string | null }) {
  const data = bars.map((b) => ({ ...b, err: whisker(b.value, b.ci) ?? [0, 0] }));
  const layout = xAxisLayout(bars.length, Math.max(...bars.map((b) => b.group.length)));
  const summary = [
    `${title}.`,
    ...bars.map((b) => `${b.group}: ${pct(b.value)}${b.ci ? ` (95% interval ${pct(b.ci[0])} to ${pct(b.ci[1])})` : ""}, n = ${b.n.toLocaleString("en-GB")}${b.insufficient ? ", insufficient sample" : ""}${b.belowFourFifths ? ", below the four-fifths line" : ""}.`),
    fourFifthsLine !== null ? `Four-fifths line at ${pct(fourFifthsLine)}, 80% of ${highestGroup}'s rate.` : "No four-fifths line: no group is large enough to judge.",
  ].join(" ");
  return (
    <ChartFigure
      title={title}
      summary={summary}
      legend={[
        { label: "Selection rate", swatch: "bar", colour: CHART_COLOURS.primary },
        { label: "Below the four-fifths line", swatch: "bar", colour: CHART_COLOURS.danger },
        { label: "Insufficient sample (not judged)", swatch: "bar", colour: CHART_COLOURS.muted },
        { label: "95% confidence interval", swatch: "whisker", colour: CHART_COLOURS.whisker },
        ...(fourFifthsLine !== null ? [{ label: `Four-fifths line at ${pct(fourFifthsLine)} (80% of ${highestGroup})`, swatch: "dashed" as const, colour: CHART_COLOURS.danger }] : []),
      ]}
    >
      <BarChart
        responsive
        accessibilityLayer={false}
        data={data}
        margin={{ top: 20, right: 16, bottom: 8, left: layout.left }}
        style={{ width: "100%", minWidth: bars.length * 56 + 72 + layout.left, height: 260 + layout.height }}
      >
        <CartesianGrid vertical={false} stroke={CHART_COLOURS.grid} />
        <XAxis dataKey="group" interval={0} height={layout.height} tick={<GroupTick angled={layout.angled} />} tickLine={false} label={{ value: axisLabel, position: "insideBottom", offset: -4, fill: CHART_COLOURS.axis, fontSize: 12 }} />
        <YAxis domain={[0, 1]} ticks={PERCENT_TICKS} tickFormatter={percentTick} width={56} tick={{ fill: CHART_COLOURS.axis, fontSize: 12 }} label={{ value: "Selection rate", angle: -90, position: "insideLeft", offset: 4, fill: CHART_COLOURS.axis, fontSize: 12, style: { textAnchor: "middle" } }} />
        <Tooltip cursor={{ fill: "#f1f5f9" }} content={<RateTooltip metric="Selection rate" />} />
        <Bar dataKey="value" name="Selection rate" isAnimationActive={false} maxBarSize={64} minPointSize={hairlineAtZero}>
          {data.map((d) => (
            <Cell key={d.group} fill={d.insufficient ? CHART_COLOURS.muted : d.belowFourFifths ? CHART_COLOURS.danger : CHART_COLOURS.primary} />
          ))}
          <LabelList dataKey="value" content={(props) => <BarValue {...(props as TBarValueProps)} insufficient={data[Number(props.index)]?.insufficient ?? false} />} />
          <ErrorBar dataKey="err" width={6} stroke={CHART_COLOURS.whisker} strokeWidth={1.5} isAnimationActive={false} />
        </Bar>
        {fourFifthsLine !== null && <ReferenceLine y={fourFifthsLine} stroke={CHART_COLOURS.danger} strokeDasharray="6 3" strokeWidth={1.5} ifOverflow="extendDomain" />}
      </BarChart>
    </ChartFigure>
  );
}

type TooltipEntry = { payload?: { group: string; n: number; value: number | null; ci: readonly [number, number] | null; insufficient: boolean } };

export function RateTooltip({ active, payload, metric }: { active?: boolean; payload?: TooltipEntry[]; metric: string }) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="rounded-md border border-line bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-semibold text-ink">{row.group}</p>
      <p className="text-ink">{metric}: {pct(row.value)}</p>
      {row.ci && <p className="text-ink-muted">95% CI {pct(row.ci[0])}–{pct(row.ci[1])}</p>}
      <p className="text-ink-muted">n = {row.n.toLocaleString("en-GB")}{row.insufficient ? " · insufficient sample" : ""}</p>
    </div>
  );
}

type TBarValueProps = { x?: number | string; y?: number | string; width?: number | string; height?: number | string; value?: unknown };

/**
 * A bar's value inside its foot: white on the dark bars, ink on the pale grey of an insufficient
 * sample, where white would be unreadable (1.5:1). Bars under 8% are too short to hold it.
 */
function BarValue({ x, y, width, height, value, insufficient }: TBarValueProps & { insufficient: boolean }) {
  if (typeof value !== "number" || value < 0.08) return null;
  return (
    <text x={Number(x) + Number(width) / 2} y={Number(y) + Number(height) - 6} textAnchor="middle" fill={insufficient ? CHART_COLOURS.ink : "#fff"} fontSize={11}>
      {percentTick(value)}
    </text>
  );
}
