import type { ReactNode } from "react";

/** What an empty list says: what this place is for, and what to do next. */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="flex flex-col items-center justify-center rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
      <div aria-hidden className="mb-3 grid h-10 w-10 place-items-center rounded-full bg-brand-soft text-brand">
        <svg viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor"><path d="M4 4h12v2H4zM4 9h12v2H4zM4 14h8v2H4z" /></svg>
      </div>
      <h3 className="text-sm font-semibold text-ink">{title}</h3>
      {children && <div className="mt-1 max-w-md text-sm text-ink-muted">{children}</div>}
      {action && <div className="mt-4">{action}</div>}
    </div>
  );
}
