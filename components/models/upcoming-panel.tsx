import type { ReactNode } from "react";

/**
 * A tab whose content another part of Attest will provide: it says what will appear here and
 * why it matters, so the empty tab reads as a plan, not as a fault.
 */
export function UpcomingPanel({ title, children, items, icon }: { title: string; children: ReactNode; items: string[]; icon: ReactNode }) {
  return (
    <section aria-labelledby="upcoming-title" className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10">
      <div className="mx-auto flex max-w-2xl flex-col items-center text-center">
        <div aria-hidden className="mb-4 grid h-12 w-12 place-items-center rounded-full bg-brand-soft text-brand">{icon}</div>
        <h2 id="upcoming-title" className="text-base font-semibold text-ink">{title}</h2>
        <div className="mt-2 text-sm text-ink-muted">{children}</div>
      </div>
      <h3 className="mx-auto mt-6 max-w-3xl text-xs font-semibold uppercase tracking-wider text-accent">What will appear here</h3>
      <ul className="mx-auto mt-2 grid max-w-3xl gap-3 sm:grid-cols-3">
        {items.map((item) => (
          <li key={item} className="rounded-md border border-line bg-canvas px-4 py-3 text-sm text-ink">
            {item}
          </li>
        ))}
      </ul>
    </section>
  );
}

const PATHS = {
  risk: "M10 2 3 5v5c0 4.1 3 7.5 7 8.5 4-1 7-4.4 7-8.5V5l-7-3zm-1 11.4-3.2-3.2 1.4-1.4L9 10.6l3.8-3.8 1.4 1.4L9 13.4z",
  evaluations: "M3 17V9h3v8H3zm5 0V3h3v14H8zm5 0v-6h3v6h-3z",
  reviews: "M4 3h9l3 3v11H4V3zm2 5v1.5h8V8H6zm0 3v1.5h8V11H6zm0 3v1.5h5V14H6z",
} as const;

export function UpcomingIcon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg viewBox="0 0 20 20" className="h-6 w-6" fill="currentColor">
      <path d={PATHS[name]} />
    </svg>
  );
}
