"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLOURS } from "@/components/charts/chart-kit";
import type { TDecisionWeek } from "@/lib/services/dashboard/queries";

const SERIES = [
  { key: "approved", label: "Approvals", colour: CHART_COLOURS.primary },
  { key: "changesRequested", label: "Changes requested", colour: CHART_COLOURS.secondary },
  { key: "rejected", label: "Rejections", colour: CHART_COLOURS.danger },
] as const;

const weekLabel = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const total = (w: TDecisionWeek) => w.approved + w.changesRequested + w.rejected;
/** The inventory filtered to the models decided on that week (weeks start on Monday, UTC, as here). */
const weekHref = (week: string) => `/models?decidedWeek=${week}`;

/**
 * Review decisions per week, stacked by kind. The summary and the table (visually hidden) give a
 * screen reader every non-empty week; the legend names the series in text.
 */
export function DecisionsChart({ weeks, medianText }: { weeks: TDecisionWeek[]; medianText: string }) {
  const router = useRouter();
  const sums = { approved: 0, changesRequested: 0, rejected: 0 };
  for (const w of weeks) for (const s of SERIES) sums[s.key] += w[s.key];
  const busy = weeks.filter((w) => total(w) > 0);
  const summary = `Review decisions per week over the last ${weeks.length} weeks, from the week of ${weekLabel(weeks[0]!.week)}: ${sums.approved} approvals, ${sums.changesRequested} requests for changes, ${sums.rejected} rejections. ${medianText}`;
  if (busy.length === 0) {
    return (
      <p className="flex items-center justify-center rounded-md border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-ink-muted">
        No review decisions in the last {weeks.length} weeks. Approvals, requests for changes and rejections are counted here, week by week, as compliance officers decide on submitted versions.
      </p>
    );
  }
  return (
    <>
      <div role="img" aria-label={summary}>
        <BarChart responsive accessibilityLayer={false} data={weeks} margin={{ top: 8, right: 8, bottom: 4, left: 0 }} style={{ width: "100%", height: 220 }}>
          <CartesianGrid vertical={false} stroke={CHART_COLOURS.grid} />
          <XAxis dataKey="week" tickFormatter={weekLabel} interval={3} tickLine={false} tick={{ fill: CHART_COLOURS.axis, fontSize: 12 }} />
          <YAxis allowDecimals={false} width={36} tick={{ fill: CHART_COLOURS.axis, fontSize: 12 }} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} labelFormatter={(w) => `Week of ${weekLabel(String(w))}`} />
          {SERIES.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="decisions" fill={s.colour} isAnimationActive={false} maxBarSize={18} cursor="pointer" onClick={(d: { payload?: TDecisionWeek }) => d.payload && router.push(weekHref(d.payload.week))} />
          ))}
        </BarChart>
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-xs text-ink-muted">
        {SERIES.map((s) => (
          <li key={s.key} className="flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-3 w-3 rounded-sm" style={{ background: s.colour }} />
            {s.label}: <span className="font-medium text-ink tabular-nums">{sums[s.key]}</span>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-xs text-ink-muted">
        Models decided on in the week of{" "}
        {busy.map((w, i) => (
          <span key={w.week}>
            {i > 0 && ", "}
            <Link href={weekHref(w.week)} className="font-medium text-brand hover:underline">{weekLabel(w.week)} ({total(w)})</Link>
          </span>
        ))}
      </p>
      {/* sr-only on a wrapper: a table keeps its content width whatever width it is given, and widened the page on a phone. */}
      <div className="sr-only">
        <table>
          <caption>Review decisions in the weeks that had any</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              {SERIES.map((s) => <th key={s.key} scope="col">{s.label}</th>)}
            </tr>
          </thead>
          <tbody>
            {busy.map((w) => (
              <tr key={w.week}>
                <th scope="row">{weekLabel(w.week)}</th>
                {SERIES.map((s) => <td key={s.key}>{w[s.key]}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
