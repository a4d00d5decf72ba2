import type { ReactNode, ThHTMLAttributes, TdHTMLAttributes } from "react";
import { cx } from "./cx";
import { TableFrame } from "./scroll-box";

export function Table({ children, caption }: { children: ReactNode; caption?: string }) {
  return (
    <TableFrame label={caption ?? "Table"}>
      <table className="min-w-full divide-y divide-line text-sm">
        {caption && <caption className="sr-only">{caption}</caption>}
        {children}
      </table>
    </TableFrame>
  );
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={cx("bg-slate-50 px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-ink-muted", className)} {...props} />;
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cx("px-4 py-3 align-top text-ink", className)} {...props} />;
}
