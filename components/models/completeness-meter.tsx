import type { TCompletenessBand } from "@/lib/domain/model-card/completeness";
import { cx } from "@/components/ui/cx";

export const BAND_LABELS: Record<TCompletenessBand, string> = {
  complete: "Complete",
  nearly: "Nearly complete",
  partial: "Partial",
  empty: "Sparse",
};

// The bar's colour repeats the band; the percent and the band's name carry the meaning in text.
const BAR_COLOURS: Record<TCompletenessBand, string> = {
  complete: "bg-success",
  nearly: "bg-accent",
  partial: "bg-amber-500",
  empty: "bg-red-600",
};

/**
 * How much of what the risk tier requires is documented: a bar, the percent and the band.
 * "stacked" fits a table cell; "inline" a line of text; "lg" a page's headline.
 */
export function CompletenessMeter({ percent, band, size = "inline", className }: { percent: number; band: TCompletenessBand; size?: "stacked" | "inline" | "lg"; className?: string }) {
  const bar = (width: string) => (
    <span aria-hidden className={cx("block shrink-0 overflow-hidden rounded-full bg-slate-200", width)}>
      <span className={cx("block h-full rounded-full", BAR_COLOURS[band])} style={{ width: `${percent}%` }} />
    </span>
  );
  if (size === "stacked") {
    return (
      <div className={cx("w-32", className)}>
        <p className="flex items-baseline justify-between gap-2 text-xs">
          <span className="font-semibold tabular-nums text-ink">{percent}%</span>
          <span className="whitespace-nowrap text-ink-muted">{BAND_LABELS[band]}</span>
        </p>
        {bar("mt-1 h-1.5 w-full")}
      </div>
    );
  }
  return (
    <div className={cx("flex items-center gap-2.5", className)}>
      {bar(size === "lg" ? "h-2.5 w-40" : "h-1.5 w-16")}
      <span className={cx("whitespace-nowrap tabular-nums", size === "lg" ? "text-lg font-semibold" : "text-sm font-medium")}>{percent}%</span>
      <span className={cx("whitespace-nowrap text-ink-muted", size === "lg" ? "text-sm" : "text-xs")}>{BAND_LABELS[band]}</span>
    </div>
  );
}
