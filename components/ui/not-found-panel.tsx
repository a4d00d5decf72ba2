import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "./button";

/** What a missing page says: that it is missing, why that may be, and a way back. */
export function NotFoundPanel({ title, children, backHref, backLabel }: { title: string; children: ReactNode; backHref: string; backLabel: string }) {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center py-16 text-center">
      <p className="text-sm font-semibold uppercase tracking-wider text-accent">404 · Not found</p>
      <h1 className="mt-2 text-2xl font-semibold text-ink">{title}</h1>
      <div className="mt-2 text-sm text-ink-muted">{children}</div>
      <Link href={backHref} className={`${buttonClass("primary")} mt-6`}>{backLabel}</Link>
    </div>
  );
}
