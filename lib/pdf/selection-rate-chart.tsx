import { Line, Path, StyleSheet, Svg, Text as SvgLabel, Text, View } from "@react-pdf/renderer";
import type { TInterval } from "@/lib/domain/fairness/wilson";
import { COLORS } from "./components";
import { formatMetric } from "./format";
import { printable } from "./text";
import { fitsOnOneLine } from "./text-width";

/*
 * Selection rate per group as a horizontal bar chart drawn with react-pdf's SVG primitives, so
 * it stays vector (sharp at any zoom, its labels searchable). Group names are ordinary <Text>
 * beside each bar rather than SVG text, so that they get the same font fallback and escaping as
 * all user text. Whiskers show the 95% Wilson interval; the dashed line is four fifths of the
 * highest judged group's rate: a judged bar ending left of it fails the four-fifths screen.
 *
 * The plot is one SVG with a path per kind of mark, and the labels and rates one text each, a
 * line per bar: react-pdf styles, lays out and draws every element, and lays each out again on
 * the page it lands on, so the chart used to cost more than any other part of the documentation
 * (a row of 8 elements per group, issue 7's bench:documents). Lines a row apart line up with
 * their bars only while no label wraps: a chart whose labels might (text-width.ts decides, and
 * errs towards "might") is drawn a row per group, each row as tall as its label.
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
const LABEL_SIZE = 7;
const LABEL_GAP = 6;
/** Where a one-line label starts in its row: a label's line (1.25 × its size) is centred in the row. */
const LABEL_TOP = (ROW_HEIGHT - LABEL_SIZE * 1.25) / 2;
/**
 * The tallest piece of a long chart's rows: 20 one-line rows, 260 pt. Far inside an A4 page's
 * 718 pt of content, and short enough that a piece moved to the next page leaves little white.
 */
const PIECE_HEIGHT = 20 * ROW_HEIGHT;
/** The longest label a chart prints. */
const MAX_LABEL = 200;

const chartStyles = StyleSheet.create({
  label: { width: LABEL_WIDTH, paddingRight: LABEL_GAP, fontSize: LABEL_SIZE, textAlign: "right", lineHeight: 1.25 },
  value: { width: VALUE_WIDTH, paddingLeft: 6, fontSize: LABEL_SIZE, lineHeight: 1.25 },
});

/** The axis maximum: the largest interval end rounded up to a tenth, at least 0.1. */
export function axisMaximum(groups: readonly TChartGroup[]): number {
  const top = Math.max(0, ...groups.map((g) => g.interval?.[1] ?? g.rate ?? 0));
  return Math.min(1, Math.max(0.1, Math.ceil(top * 10 - 1e-9) / 10));
}

/** The interval's line and its two end caps, as one path, in the row starting at `top`. */
function whiskers(from: number, to: number, top = 0): string {
  const mid = top + ROW_HEIGHT / 2;
  return `M${from} ${mid}H${to}M${from} ${mid - 2.5}V${mid + 2.5}M${to} ${mid - 2.5}V${mid + 2.5}`;
}

const barColour = (g: TChartGroup) => (g.insufficient ? COLORS.rule : g.failsFourFifths ? COLORS.fail : COLORS.accent);

type TScale = { x: (value: number) => number; threshold: number | null; ticks: number[] };

export function SelectionRateChart({ groups, fourFifthsOf }: { groups: readonly TChartGroup[]; fourFifthsOf: number | null }) {
  const max = axisMaximum(groups);
  const scale: TScale = {
    x: (value) => (Math.min(value, max) / max) * PLOT_WIDTH,
    threshold: fourFifthsOf === null ? null : 0.8 * fourFifthsOf,
    ticks: [0, 0.25, 0.5, 0.75, 1].map((f) => f * max),
  };
  // Labels as printed: every character drawable (text.ts), and none so long that its row outgrows a page.
  const printed = groups.map((g) => printable(g.label));
  const shown = groups.map((g, i) => ({ ...g, label: shortened(printed[i]!) }));
  const anyShortened = shown.some((g, i) => g.label !== printed[i]);
  const oneLine = shown.every((g) => fitsOnOneLine(g.label, LABEL_WIDTH - LABEL_GAP, LABEL_SIZE));
  const parts = pieces(shown, oneLine);
  return (
    <View style={{ marginTop: 6, marginBottom: 8 }}>
      {parts.map((part, k) => (
        <View key={k} wrap={false} style={k > 0 ? { marginTop: 8 } : {}}>
          {oneLine ? <Plot groups={part} scale={scale} /> : part.map((g, i) => <PlotRow key={i} group={g} scale={scale} />)}
          <Axis scale={scale} max={max} />
          {k === parts.length - 1 ? <Caption threshold={scale.threshold} anyShortened={anyShortened} /> : null}
        </View>
      ))}
    </View>
  );
}

/**
 * A chart taller than a page would draw the rows past its foot off the page (react-pdf does not
 * break an unbreakable block), and a chart may have any number of groups: so a long chart is printed in
 * pieces, each unbreakable, with its own axis, and no taller than PIECE_HEIGHT by a generous
 * estimate (a one-line label's row is exactly ROW_HEIGHT). A wrapping label's line holds at least
 * 20 characters (144 pt at 7 pt, even in Helvetica's widest glyph, 1.015 em); one more line allows
 * for where its words break, and a piece leaves a quarter of the page for glyphs of the fallback
 * font wider still.
 */
function pieces(groups: readonly TChartGroup[], oneLine: boolean): TChartGroup[][] {
  const rowHeight = (g: TChartGroup) => (oneLine ? ROW_HEIGHT : Math.max(ROW_HEIGHT, (Math.ceil(g.label.length / 20) + 1) * LABEL_SIZE * 1.25));
  const result: TChartGroup[][] = [[]];
  let height = 0;
  for (const g of groups) {
    if (result.at(-1)!.length > 0 && height + rowHeight(g) > PIECE_HEIGHT) {
      result.push([]);
      height = 0;
    }
    result.at(-1)!.push(g);
    height += rowHeight(g);
  }
  return result;
}

/** A label over MAX_LABEL characters, cut there: the per-group table prints it whole. */
function shortened(label: string): string {
  const chars = [...label];
  return chars.length > MAX_LABEL ? `${chars.slice(0, MAX_LABEL - 1).join("")}…` : label;
}

function Axis({ scale: { x, ticks }, max }: { scale: TScale; max: number }) {
  return (
    <View style={{ flexDirection: "row" }}>
      <View style={{ width: LABEL_WIDTH }} />
      <Svg width={PLOT_WIDTH} height={12} viewBox={`0 0 ${PLOT_WIDTH} 12`}>
        <Line x1={0} y1={0.5} x2={PLOT_WIDTH} y2={0.5} stroke={COLORS.muted} strokeWidth={0.5} />
        {ticks.map((t, k) => (
          <SvgLabel key={k} x={x(t)} y={9} textAnchor={k === 0 ? "start" : k === ticks.length - 1 ? "end" : "middle"} style={{ fontSize: 6, fontFamily: "Helvetica" }} fill={COLORS.muted}>
            {t.toFixed(max < 0.4 ? 3 : 2)}
          </SvgLabel>
        ))}
      </Svg>
    </View>
  );
}

function Caption({ threshold, anyShortened }: { threshold: number | null; anyShortened: boolean }) {
  return (
    <Text style={{ marginLeft: LABEL_WIDTH, marginTop: 2, fontSize: 6.5, lineHeight: 1.3, color: COLORS.muted, width: PLOT_WIDTH + VALUE_WIDTH }}>
      {`Selection rate (share predicted positive); whiskers: 95% Wilson interval${
        threshold !== null ? `; dashed line: four fifths of the highest judged rate (${formatMetric(threshold)})` : ""
      }. Grey bars: too few rows to be judged.${anyShortened ? ` Group names over ${MAX_LABEL} characters are shortened here; the table above gives them in full.` : ""}`}
    </Text>
  );
}

const rate = (g: TChartGroup) => (g.rate === null ? "n/d" : formatMetric(g.rate));

/**
 * The plot of `groups`, a row each from the top, as one SVG: gridlines, bars (a path per colour),
 * whiskers and the four-fifths line.
 */
function PlotSvg({ groups, scale }: { groups: readonly TChartGroup[]; scale: TScale }) {
  const { x, threshold, ticks } = scale;
  const height = ROW_HEIGHT * groups.length;
  const bars = new Map<string, string>();
  groups.forEach((g, i) => {
    if (g.rate === null) return;
    const top = i * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2;
    bars.set(barColour(g), `${bars.get(barColour(g)) ?? ""}M0 ${top}h${Math.max(x(g.rate), 0.5)}v${BAR_HEIGHT}H0Z`);
  });
  const intervals = groups.map((g, i) => (g.interval ? whiskers(x(g.interval[0]), x(g.interval[1]), i * ROW_HEIGHT) : "")).join("");
  return (
    <Svg width={PLOT_WIDTH} height={height} viewBox={`0 0 ${PLOT_WIDTH} ${height}`}>
      <Path d={ticks.map((t) => `M${x(t)} 0V${height}`).join("")} stroke={COLORS.hairline} strokeWidth={0.5} />
      {[...bars].map(([colour, d]) => <Path key={colour} d={d} fill={colour} />)}
      {intervals ? <Path d={intervals} stroke={COLORS.ink} strokeWidth={0.6} /> : null}
      {threshold !== null ? <Line x1={x(threshold)} y1={0} x2={x(threshold)} y2={height} stroke={COLORS.fail} strokeWidth={0.7} strokeDasharray="2,1.5" /> : null}
    </Svg>
  );
}

/** Labels that certainly set on one line: one SVG for all the bars, one text of labels and one of rates, each line a row high. */
function Plot({ groups, scale }: { groups: readonly TChartGroup[]; scale: TScale }) {
  const lines = { lineHeight: ROW_HEIGHT / LABEL_SIZE, paddingTop: LABEL_TOP };
  return (
    // Each text runs LABEL_TOP past the rows (the space above its first line): the row gives it back.
    <View style={{ flexDirection: "row", marginBottom: -LABEL_TOP }}>
      <Text style={[chartStyles.label, lines]}>{groups.map((g) => g.label).join("\n")}</Text>
      <PlotSvg groups={groups} scale={scale} />
      <Text style={[chartStyles.value, lines]}>{groups.map(rate).join("\n")}</Text>
    </View>
  );
}

/** One group's row, for labels that may wrap: the row grows with its label. */
function PlotRow({ group, scale }: { group: TChartGroup; scale: TScale }) {
  return (
    <View style={{ flexDirection: "row", alignItems: "center", minHeight: ROW_HEIGHT }}>
      <Text style={chartStyles.label}>{group.label}</Text>
      <PlotSvg groups={[group]} scale={scale} />
      <Text style={chartStyles.value}>{rate(group)}</Text>
    </View>
  );
}
