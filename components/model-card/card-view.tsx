import type { ReactNode } from "react";
import { CompletenessMeter } from "@/components/models/completeness-meter";
import type { TCompleteness, TSectionCompleteness } from "@/lib/domain/model-card/completeness";
import { isRequired, type TCardField, type TCardSection, type TRiskTier } from "@/lib/domain/model-card/template";
import { CARD_SECTIONS } from "./draft";
import { MissingFields } from "./missing-fields";

export const sectionAnchor = (key: string) => `section-${key}`;

/**
 * The model card's page layout, the same for editing and reading: a bar that stays in view with
 * the completeness and what is missing, the sections in template order, and a section index
 * beside them. What each field shows (a control or its value) is the caller's.
 */
export function CardView({ tier, result, meta, controls, notices, renderField }: {
  tier: TRiskTier | null;
  result: TCompleteness;
  meta?: ReactNode;
  controls?: ReactNode;
  notices?: ReactNode;
  renderField: (section: TCardSection, field: TCardField, required: boolean) => ReactNode;
}) {
  const bySection = new Map(result.sections.map((s) => [s.key, s]));
  return (
    <div>
      {meta}
      <div className="z-20 -mx-4 border-b border-line bg-canvas px-4 py-3 sm:-mx-6 sm:px-6 md:sticky md:top-0">
        <div className="flex flex-wrap items-center gap-x-5 gap-y-3">
          <div>
            <CompletenessMeter percent={result.overall.percent} band={result.band} size="lg" />
            <p className="text-xs text-ink-muted">
              {result.overall.filled} of {result.overall.required} required fields · {tier ? "for this risk tier" : "held to high risk until classified"}
            </p>
          </div>
          <MissingFields sections={result.sections} />
          {controls && <div className="flex flex-1 flex-wrap items-center justify-end gap-3">{controls}</div>}
        </div>
      </div>
      <div className="mt-6 grid gap-8 lg:grid-cols-[12.5rem_minmax(0,1fr)]">
        <nav aria-label="Card sections" className="hidden lg:block">
          <ol className="sticky top-28 space-y-0.5 text-sm">
            {result.sections.map((section) => (
              <li key={section.key}>
                <a href={`#${sectionAnchor(section.key)}`} className="flex items-baseline justify-between gap-2 rounded-md px-2.5 py-1.5 text-ink-muted hover:bg-white hover:text-ink">
                  <span className="min-w-0">{section.title}</span>
                  <SectionCount section={section} />
                </a>
              </li>
            ))}
          </ol>
        </nav>
        <div className="min-w-0 space-y-6">
          {notices}
          {CARD_SECTIONS.map((section) => {
            const status = bySection.get(section.key)!;
            return (
              <section key={section.key} id={sectionAnchor(section.key)} aria-labelledby={`${sectionAnchor(section.key)}-title`} className="scroll-mt-28 rounded-lg border border-line bg-surface shadow-xs">
                <header className="flex items-start justify-between gap-4 border-b border-line px-5 py-4">
                  <div className="min-w-0">
                    <h3 id={`${sectionAnchor(section.key)}-title`} className="text-base font-semibold">{section.title}</h3>
                    <p className="mt-0.5 text-sm text-ink-muted">{section.description}</p>
                    {section.articles.length > 0 && (
                      <ul className="mt-2 flex flex-wrap gap-1" aria-label="EU AI Act references">
                        {section.articles.map((article) => (
                          <li key={article} className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] font-medium text-slate-700">{article}</li>
                        ))}
                      </ul>
                    )}
                  </div>
                  <SectionCount section={status} badge />
                </header>
                <div className="divide-y divide-line">
                  {section.fields.map((field) => (
                    <div key={field.key} className="px-5 py-4">{renderField(section, field, isRequired(field, tier))}</div>
                  ))}
                </div>
              </section>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** "4/6" required fields filled; said in words to screen readers. */
function SectionCount({ section, badge }: { section: TSectionCompleteness; badge?: boolean }) {
  if (section.required === 0) return <span className="shrink-0 text-xs text-ink-muted">Optional</span>;
  const done = section.filled === section.required;
  return (
    <span className={badge ? `shrink-0 rounded-full px-2 py-0.5 text-xs font-semibold tabular-nums ring-1 ring-inset ${done ? "bg-success-soft text-success ring-green-200" : "bg-slate-100 text-slate-700 ring-slate-200"}` : `shrink-0 text-xs font-medium tabular-nums ${done ? "text-success" : ""}`}>
      <span aria-hidden>{section.filled}/{section.required}</span>
      <span className="sr-only">{section.filled} of {section.required} required fields filled</span>
    </span>
  );
}
