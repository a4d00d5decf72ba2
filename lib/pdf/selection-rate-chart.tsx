import { Line, Path, Rect, Svg, Text as SvgLabel, Text, View } from "@react-pdf/renderer";
import type { TInterval } from "@/lib/domain/fairness/wilson";
import { COLORS } from "./components";
import { formatMetric } from "./format";
import { printable } from "./text";

/*
 * Selection rate per group as a horizontal bar chart drawn with react-pdf's SVG primitives, so
 * it stays vector (sharp at any zoom, its labels searchable). Group names are ordinary <Text>
 * beside each bar rather than SVG text, so that they get the same font fallback and escaping as
 * all user text. Whiskers show the 95% Wilson interval; the dashed line is four fifths of the
 * highest judged group's rate: a judged bar ending left of it fails the four-fifths screen.
 * Gridlines and whiskers are one path each per row: every SVG element costs react-pdf a style
 * and layout step on each page it is laid out on, and a chart has a row per group.
 */

export interface TChartGroup {
  label: string;
  rate: number | null;
  interval: TInterval | null;
  /** Too few rows to be judged (n below the minimum group size). */
  insufficient: boolean;
  failsFourFifths: boolean;
}

const LABEL_WIDTH = 150;
const VALUE_WIDTH = 44;
const PLOT_WIDTH = 260;
const ROW_HEIGHT = 13;
const BAR_HEIGHT = 7;

/** The axis maximum: the largest interval end rounded up to a tenth, at least 0.1. */
export function axisMaximum(groups: readonly TChartGroup[]): number {
  const top = Math.max(0, ...groups.map((g) => g.interval?.[1] ?? g.rate ?? 0));
  return Math.min(1, Math.max(0.1, Math.ceil(top * 10 - 1e-9) / 10));
}

/** The interval's line and its two end caps, as one path. */
function whiskers(from: number, to: number): string {
  const mid = ROW_HEIGHT / 2;
  return `M${from} ${mid}H${to}M${from} ${mid - 2.5}V${mid + 2.5}M${to} ${mid - 2.5}V${mid + 2.5}`;
}

export function SelectionRateChart({ groups, fourFifthsOf }: { groups: readonly TChartGroup[]; fourFifthsOf: number | null }) {
  const max = axisMaximum(groups);
  const x = (value: number) => (Math.min(value, max) / max) * PLOT_WIDTH;
  const threshold = fourFifthsOf === null ? null : 0.8 * fourFifthsOf;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  const gridlines = ticks.map((t) => `M${x(t)} 0V${ROW_HEIGHT}`).join("");
  return (
    <View style={{ marginTop: 6, marginBottom: 8 }} wrap={false}>
      {groups.map((g, i) => (
        <View key={i} style={{ flexDirection: "row", alignItems: "center", minHeight: ROW_HEIGHT }}>
          <Text style={{ width: LABEL_WIDTH, paddingRight: 6, fontSize: 7, textAlign: "right", lineHeight: 1.25 }}>{printable(g.label)}</Text>
          <Svg width={PLOT_WIDTH} height={ROW_HEIGHT} viewBox={`0 0 ${PLOT_WIDTH} ${ROW_HEIGHT}`}>
            <Path d={gridlines} stroke={COLORS.hairline} strokeWidth={0.5} />
            {g.rate !== null ? (
              <Rect
                x={0}
                y={(ROW_HEIGHT - BAR_HEIGHT) / 2}
                width={Math.max(x(g.rate), 0.5)}
                height={BAR_HEIGHT}
                fill={g.insufficient ? COLORS.rule : g.failsFourFifths ? COLORS.fail : COLORS.accent}
              />
            ) : null}
            {g.interval ? <Path d={whiskers(x(g.interval[0]), x(g.interval[1]))} stroke={COLORS.ink} strokeWidth={0.6} /> : null}
            {threshold !== null ? (
              <Line x1={x(threshold)} y1={0} x2={x(threshold)} y2={ROW_HEIGHT} stroke={COLORS.fail} strokeWidth={0.7} strokeDasharray="2,1.5" />
            ) : null}
          </Svg>
          <Text style={{ width: VALUE_WIDTH, paddingLeft: 6, fontSize: 7, lineHeight: 1.25 }}>{g.rate === null ? "n/d" : formatMetric(g.rate)}</Text>
        </View>
      ))}
      <View style={{ flexDirection: "row" }}>
        <View style={{ width: LABEL_WIDTH }} />
        <Svg width={PLOT_WIDTH} height={12} viewBox={`0 0 ${PLOT_WIDTH} 12`}>
          <Line x1={0} y1={0.5} x2={PLOT_WIDTH} y2={0.5} stroke={COLORS.muted} strokeWidth={0.5} />
          {ticks.map((t, k) => (
            <SvgLabel
              key={k}
              x={x(t)}
              y={9}
              textAnchor={k === 0 ? "start" : k === ticks.length - 1 ? "end" : "middle"}
              style={{ fontSize: 6, fontFamily: "Helvetica" }}
              fill={COLORS.muted}
            >
              {t.toFixed(max < 0.4 ? 3 : 2)}
            </SvgLabel>
          ))}
        </Svg>
      </View>
      <Text style={{ marginLeft: LABEL_WIDTH, marginTop: 2, fontSize: 6.5, lineHeight: 1.3, color: COLORS.muted, width: PLOT_WIDTH + VALUE_WIDTH }}>
        {`Selection rate (share predicted positive); whiskers: 95% Wilson interval${
          threshold !== null ? `; dashed line: four fifths of the highest judged rate (${formatMetric(threshold)})` : ""
        }. Grey bars: too few rows to be judged.`}
      </Text>
    </View>
  );
}
