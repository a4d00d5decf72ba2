import { ScrollBox } from "@/components/ui/scroll-box";

export type HeatCell = { value: number | null; n: number; insufficient: boolean; belowFourFifths: boolean };

const LOW = [238, 242, 255]; // indigo-50
// A mid blue, not the brand's dark one: the cells' ink text keeps 4.5:1 contrast on every shade
// between (4.86:1 here). A ramp to a dark blue needs white text at the top, and the shades where
// ink and white cross reach 4.5:1 with neither.
const HIGH = [100, 130, 215];

function colourFor(t: number): string {
  const mix = LOW.map((low, i) => Math.round(low + (HIGH[i]! - low) * t));
  return `rgb(${mix.join(",")})`;
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/**
 * Selection rate for every combination of two attributes, as a table coloured from pale (low)
 * to mid blue (the highest rate): the values are printed in each cell, so the colour is a
 * reading aid and the table is its own accessible equivalent. Combinations without rows say so.
 */
export function IntersectionHeatmap({ title, rowAttribute, columnAttribute, rows, columns, cells }: {
  title: string;
  rowAttribute: string;
  columnAttribute: string;
  rows: string[];
  columns: string[];
  /** cells[i][j]: rows[i] × columns[j], null when the combination has no rows. */
  cells: (HeatCell | null)[][];
}) {
  const values = cells.flat().map((v) => v?.value ?? null).filter((v): v is number => v !== null);
  const max = Math.max(0, ...values);
  return (
    <figure className="min-w-0 rounded-lg border border-line bg-white p-4">
      <ScrollBox label={title}>
        <table className="border-separate border-spacing-1 text-sm">
          <caption className="mb-2 text-left text-sm font-semibold text-ink">{title}</caption>
          <thead>
            <tr>
              <th scope="col" className="px-2 py-1 text-left text-xs font-medium text-ink-muted">
                <span className="sr-only">{rowAttribute} by {columnAttribute}</span>
                <span aria-hidden>{rowAttribute} ↓ · {columnAttribute} →</span>
              </th>
              {columns.map((c) => (
                <th key={c} scope="col" className="max-w-32 truncate px-2 py-1 text-center text-xs font-semibold text-ink" title={c}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r}>
                <th scope="row" className="max-w-40 truncate px-2 py-1 text-left text-xs font-semibold text-ink" title={r}>{r}</th>
                {columns.map((c, j) => {
                  const v = cells[i]?.[j] ?? null;
                  if (!v || v.value === null) {
                    return <td key={c} className="h-16 min-w-24 rounded-md border border-dashed border-slate-300 bg-white px-2 text-center text-xs text-ink-muted">no rows</td>;
                  }
                  const t = max === 0 ? 0 : v.value / max;
                  return (
                    <td
                      key={c}
                      className={`h-16 min-w-24 rounded-md px-2 text-center tabular-nums ${v.belowFourFifths ? "outline-2 -outline-offset-2 outline-red-600" : ""}`}
                      style={v.insufficient ? { background: "repeating-linear-gradient(45deg,#f1f5f9,#f1f5f9 6px,#e2e8f0 6px,#e2e8f0 12px)" } : { background: colourFor(t) }}
                    >
                      <span className="block text-sm font-semibold text-ink">{pct(v.value)}</span>
                      <span className="block text-[11px] text-ink">
                        n = {v.n.toLocaleString("en-GB")}
                        {v.insufficient && <> · insufficient sample</>}
                        {v.belowFourFifths && <span className="sr-only"> · below the four-fifths line</span>}
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <figcaption className="mt-3 flex flex-wrap items-center gap-x-5 gap-y-2 text-xs text-ink-muted">
        <span className="flex items-center gap-2">
          <span>0%</span>
          <span aria-hidden className="inline-block h-2.5 w-28 rounded-full" style={{ background: `linear-gradient(90deg, ${colourFor(0)}, ${colourFor(1)})` }} />
          <span>{pct(max)} (highest)</span>
        </span>
        <span className="flex items-center gap-1.5"><span aria-hidden className="inline-block h-3 w-3 rounded-sm outline-2 -outline-offset-2 outline-red-600" /> below the four-fifths line</span>
        <span className="flex items-center gap-1.5"><span aria-hidden className="inline-block h-3 w-3 rounded-sm" style={{ background: "repeating-linear-gradient(45deg,#f1f5f9,#f1f5f9 3px,#cbd5e1 3px,#cbd5e1 6px)" }} /> insufficient sample (not judged)</span>
      </figcaption>
    </figure>
  );
}
