import type { ReactNode } from "react";
import { ScrollBox } from "@/components/ui/scroll-box";

export type LegendItem = { label: string; swatch: "bar" | "line" | "whisker" | "dashed"; colour: string };

/**
 * A chart with its title, a summary of its data for screen readers (the drawing itself is one
 * image to them), a legend in text, and a pointer to the table that holds the same numbers.
 */
export function ChartFigure({ title, summary, legend, note, children }: { title: string; summary: string; legend: LegendItem[]; note?: ReactNode; children: ReactNode }) {
  return (
    <figure className="min-w-0 rounded-lg border border-line bg-white p-4">
      <figcaption className="text-sm font-semibold text-ink">{title}</figcaption>
      {/* The drawing scrolls sideways when its groups outgrow the screen. */}
      <ScrollBox role="img" label={summary} className="mt-3">
        {children}
      </ScrollBox>
      <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-xs text-ink-muted">
        {legend.map((item) => (
          <li key={item.label} className="flex items-center gap-1.5">
            <Swatch {...item} />
            {item.label}
          </li>
        ))}
      </ul>
      {note && <p className="mt-2 text-xs text-ink-muted">{note}</p>}
    </figure>
  );
}

function Swatch({ swatch, colour }: LegendItem) {
  if (swatch === "bar") return <span aria-hidden className="inline-block h-3 w-3 rounded-sm" style={{ background: colour }} />;
  if (swatch === "whisker") {
    return (
      <svg aria-hidden viewBox="0 0 12 12" className="h-3 w-3">
        <path d="M6 1v10M3 1h6M3 11h6" stroke={colour} strokeWidth="1.5" fill="none" />
      </svg>
    );
  }
  return (
    <svg aria-hidden viewBox="0 0 16 4" className="h-1 w-4">
      <path d="M0 2h16" stroke={colour} strokeWidth="2" strokeDasharray={swatch === "dashed" ? "4 2" : undefined} />
    </svg>
  );
}
