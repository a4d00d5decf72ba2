"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Chevron } from "@/components/ui/disclosure";
import type { TSectionCompleteness } from "@/lib/domain/model-card/completeness";

/** Moves focus to a field after the browser has scrolled to its anchor, so typing can start at once. */
export function focusAnchor(anchor: string) {
  requestAnimationFrame(() => document.getElementById(anchor)?.focus({ preventScroll: true }));
}

/** "Still missing (n)": the required fields left empty, each a link to its place in the card. */
export function MissingFields({ sections }: { sections: TSectionCompleteness[] }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const withGaps = sections.filter((s) => s.missing.length > 0);
  const count = withGaps.reduce((sum, s) => sum + s.missing.length, 0);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  if (count === 0) {
    return <p className="text-sm font-medium text-success">Nothing missing for this risk tier</p>;
  }
  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className="inline-flex h-9 items-center gap-2 rounded-md border border-amber-200 bg-warning-soft px-3 text-sm font-medium text-warning hover:bg-amber-100"
      >
        Still missing ({count})
        <Chevron open={open} />
      </button>
      <div id={panelId} hidden={!open} className="absolute left-0 top-full z-30 mt-2 max-h-[60vh] w-[min(30rem,85vw)] overflow-y-auto rounded-lg border border-line bg-surface p-4 shadow-lg">
        <p className="mb-3 text-xs text-ink-muted">Required for this model&apos;s risk tier and still empty. Choose one to go to it.</p>
        <ul className="space-y-3">
          {withGaps.map((section) => (
            <li key={section.key}>
              <p className="text-xs font-semibold uppercase tracking-wide text-ink-muted">{section.title}</p>
              <ul className="mt-1 space-y-0.5">
                {section.missing.map((field) => (
                  <li key={field.anchor}>
                    <a
                      href={`#${field.anchor}`}
                      onClick={() => {
                        setOpen(false);
                        focusAnchor(field.anchor);
                      }}
                      className="text-sm font-medium text-brand hover:underline"
                    >
                      {field.label}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
