"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLOURS } from "@/components/charts/chart-kit";

export type CategoryBar = {
  key: string;
  label: string;
  value: number;
  /** The filtered inventory behind the bar. */
  href: string;
  /** What the link shows, e.g. "3 models". */
  linkText: string;
  colour: string;
};

const number = (n: number) => n.toLocaleString("en-GB");

/**
 * One count per category as horizontal bars, each bar a link to the inventory filtered to it.
 * The drawing is one image to a screen reader (its summary says every number); the list under
 * it says the same in text and holds the links, so the chart works from the keyboard and
 * without colour. With nothing to count, it says so, and what would fill it, instead of drawing empty bars.
 */
export function CategoryChart({ id, title, description, unit, bars, emptyText }: { id: string; title: string; description: string; unit: string; bars: CategoryBar[]; emptyText: string }) {
  const router = useRouter();
  const total = bars.reduce((sum, b) => sum + b.value, 0);
  const summary = `${title}: ${bars.map((b) => `${b.label} ${number(b.value)}`).join(", ")}. ${number(total)} ${unit} in all.`;
  return (
    <figure aria-labelledby={`${id}-title`} className="flex min-w-0 flex-col rounded-lg border border-line bg-surface p-5 shadow-xs">
      <figcaption>
        <h2 id={`${id}-title`} className="text-base font-semibold text-ink">{title}</h2>
        <p className="mt-0.5 text-sm text-ink-muted">{description}</p>
      </figcaption>
      {total === 0 ? (
        <p className="mt-4 flex flex-1 items-center justify-center rounded-md border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-ink-muted">{emptyText}</p>
      ) : (
        <>
          <div role="img" aria-label={summary} className="mt-3">
            <BarChart
              responsive
              accessibilityLayer={false}
              layout="vertical"
              data={bars}
              margin={{ top: 4, right: 40, bottom: 4, left: 4 }}
              style={{ width: "100%", height: bars.length * 36 + 16 }}
            >
              <CartesianGrid horizontal={false} stroke={CHART_COLOURS.grid} />
              <XAxis type="number" allowDecimals={false} hide />
              <YAxis type="category" dataKey="label" width={116} tickLine={false} axisLine={false} tick={{ fill: CHART_COLOURS.axis, fontSize: 12 }} />
              <Tooltip cursor={{ fill: "#f1f5f9" }} content={<CountTooltip unit={unit} />} />
              <Bar dataKey="value" isAnimationActive={false} maxBarSize={22} minPointSize={2} radius={[0, 3, 3, 0]} cursor="pointer" onClick={(entry) => router.push((entry as unknown as { payload: CategoryBar }).payload.href)}>
                {bars.map((b) => (
                  <Cell key={b.key} fill={b.value === 0 ? CHART_COLOURS.muted : b.colour} />
                ))}
                <LabelList dataKey="value" position="right" formatter={(v: unknown) => (typeof v === "number" ? number(v) : "")} fill={CHART_COLOURS.axis} fontSize={12} />
              </Bar>
            </BarChart>
          </div>
          <ul className="mt-3 grid grid-cols-1 gap-x-4 gap-y-1 border-t border-line pt-3 text-sm sm:grid-cols-2">
            {bars.map((b) => (
              <li key={b.key} className="flex min-w-0 items-center gap-2">
                <span aria-hidden className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm" style={{ background: b.value === 0 ? CHART_COLOURS.muted : b.colour }} />
                <span className="truncate text-ink-muted">{b.label}</span>
                <Link href={b.href} className="ml-auto shrink-0 rounded font-medium text-brand tabular-nums hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand">
                  {b.linkText}
                  <span className="sr-only"> — {b.label}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </figure>
  );
}

function CountTooltip({ active, payload, unit }: { active?: boolean; payload?: { payload?: CategoryBar }[]; unit: string }) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="rounded-md border border-line bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-semibold text-ink">{row.label}</p>
      <p className="text-ink">{number(row.value)} {unit}</p>
      <p className="text-ink-muted">Click to open {row.linkText} in the inventory</p>
    </div>
  );
}
