/** Shared pieces of Attest's bar charts: percent axes, group ticks that stay legible, colours. */

export const CHART_COLOURS = {
  primary: "#1e3a8a", // brand
  secondary: "#d97706", // amber 600: distinct from the brand blue for colour-blind readers too
  danger: "#b91c1c",
  muted: "#cbd5e1", // insufficient sample
  mutedSecondary: "#fde68a",
  grid: "#e2e8f0",
  axis: "#475569",
  ink: "#0f172a",
  whisker: "#0f172a",
};

/** A rate of exactly 0 still gets a hairline bar, so its confidence whisker is drawn (recharts skips empty bars). */
export const hairlineAtZero = (value: number | undefined | null) => (value === 0 ? 1 : 0);

export const percentTick = (value: number) => `${Math.round(value * 100)}%`;

export const PERCENT_TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1];

const MAX_TICK = 22;

/**
 * Room under the axis for the group names: angled when there are many of them. An angled name
 * runs left of its bar, about 5.6 px per character at 12 px; the first bar's centre is some 84 px
 * (the y axis and half a bar) from the chart's left edge, so a long first name gets a wider left
 * margin instead of being cut off.
 */
export function xAxisLayout(groupCount: number, longestLabel: number) {
  const angled = groupCount > 5 || longestLabel * groupCount > 60;
  const shown = Math.min(longestLabel, MAX_TICK);
  return { angled, height: angled ? Math.min(110, 30 + shown * 4) : 46, left: angled ? Math.max(8, Math.round(shown * 5.6) - 76) : 8 };
}

/** A group name under its bar; long names are cut with an ellipsis (the table has them in full). */
export function GroupTick({ x, y, payload, angled }: { x?: number; y?: number; payload?: { value: string }; angled: boolean }) {
  const text = payload?.value ?? "";
  const shown = text.length > MAX_TICK ? `${text.slice(0, MAX_TICK - 1)}…` : text;
  return (
    <g transform={`translate(${x ?? 0},${y ?? 0})`}>
      <text dy={angled ? 4 : 14} textAnchor={angled ? "end" : "middle"} transform={angled ? "rotate(-35)" : undefined} fill={CHART_COLOURS.axis} fontSize={12}>
        <title>{text}</title>
        {shown}
      </text>
    </g>
  );
}

/** [value − lo, hi − value], the asymmetric whisker recharts' ErrorBar draws; null draws none. */
export function whisker(value: number | null, interval: readonly [number, number] | null | undefined): [number, number] | null {
  if (value === null || !interval) return null;
  return [Math.max(0, value - interval[0]), Math.max(0, interval[1] - value)];
}
