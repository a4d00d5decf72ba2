"use client";

import { useId, useState, type ReactNode } from "react";

/**
 * A panel that opens in place under its button (no modal, no focus trap). The content stays
 * mounted while closed, so a half-filled form survives closing and reopening.
 */
export function Disclosure({ summary, hint, children }: { summary: string; hint?: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="mb-6 rounded-lg border border-line bg-surface shadow-xs">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className="flex w-full items-center justify-between gap-4 rounded-lg px-5 py-3.5 text-left hover:bg-slate-50"
      >
        <span className="flex items-center gap-3">
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-brand text-base font-semibold leading-none text-white">{open ? "−" : "+"}</span>
          <span className="text-sm font-semibold text-ink">{summary}</span>
          {hint && <span className="hidden text-sm text-ink-muted sm:inline">{hint}</span>}
        </span>
        <Chevron open={open} />
      </button>
      <div id={panelId} hidden={!open} className="border-t border-line p-5">
        {children}
      </div>
    </div>
  );
}

export function Chevron({ open }: { open: boolean }) {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className={`h-4 w-4 shrink-0 text-ink-muted transition-transform ${open ? "rotate-180" : ""}`} fill="currentColor">
      <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4z" />
    </svg>
  );
}
