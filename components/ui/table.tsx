import type { ReactNode, ThHTMLAttributes, TdHTMLAttributes } from "react";
import { cx } from "./cx";

export function Table({ children, caption }: { children: ReactNode; caption?: string }) {
  // relative: keeps sr-only (absolutely positioned) cell text inside the scroll box, or it widens the page.
  return (
    <div className="relative overflow-x-auto rounded-lg border border-line bg-surface shadow-xs">
      <table className="min-w-full divide-y divide-line text-sm">
        {caption && <caption className="sr-only">{caption}</caption>}
        {children}
      </table>
    </div>
  );
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={cx("bg-slate-50 px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-ink-muted", className)} {...props} />;
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cx("px-4 py-3 align-top text-ink", className)} {...props} />;
}
