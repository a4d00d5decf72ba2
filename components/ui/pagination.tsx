import Link from "next/link";
import { buttonClass } from "./button";
import { cx } from "./cx";

/** Previous / page x of y / next, as links; the ends show as disabled, not missing, so nothing jumps. */
export function Pagination({ page, pageCount, hrefFor, label = "Pagination" }: { page: number; pageCount: number; hrefFor: (page: number) => string; label?: string }) {
  if (pageCount <= 1) return null;
  const step = (target: number, text: string, rel: "prev" | "next") =>
    target >= 1 && target <= pageCount ? (
      <Link href={hrefFor(target)} rel={rel} className={buttonClass("secondary", "sm")}>{text}</Link>
    ) : (
      <span aria-disabled="true" className={cx(buttonClass("secondary", "sm"), "cursor-not-allowed opacity-50")}>{text}</span>
    );
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-4">
      {step(page - 1, "Previous", "prev")}
      <p className="text-sm text-ink-muted">
        Page <span className="font-medium text-ink tabular-nums">{page}</span> of <span className="font-medium text-ink tabular-nums">{pageCount}</span>
      </p>
      {step(page + 1, "Next", "next")}
    </nav>
  );
}
