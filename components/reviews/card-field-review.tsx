import { CardValue } from "@/components/model-card/card-value";
import { Badge } from "@/components/ui/badge";
import type { TFieldChange } from "@/lib/domain/model-card/diff";
import { MODEL_CARD_TEMPLATE, type TCardSection } from "@/lib/domain/model-card/template";
import { filledValue } from "@/lib/domain/model-card/values";
import type { TThreadView } from "./comment-data";
import { CommentThread } from "./comment-thread";
import { NewComment } from "./new-comment";

/**
 * The card field by field for the reviewer: each value, whether it changed since the last approved
 * version, its comment threads, and (for officers) a "Comment" button. A section opens by itself
 * when it has changes or open comments.
 */
export function CardFieldReview({ api, content, changes, threads, canComment }: { api: string; content: unknown; changes: TFieldChange[] | null; threads: TThreadView[]; canComment: boolean }) {
  return (
    <div className="space-y-3">
      {(MODEL_CARD_TEMPLATE as readonly TCardSection[]).map((section) => {
        const paths = section.fields.map((f) => `${section.key}.${f.key}`);
        const changed = changes?.filter((c) => c.section === section.key).length ?? 0;
        const open = threads.filter((t) => paths.includes(t.fieldPath) && t.resolvedAt === null).length;
        return (
          <details key={section.key} open={changed > 0 || open > 0} className="group rounded-md border border-line">
            <summary className="flex cursor-pointer list-none flex-wrap items-center gap-2 px-4 py-2.5 text-sm font-semibold hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
              <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4 shrink-0 text-ink-muted transition-transform group-open:rotate-90" fill="currentColor"><path d="M7.3 4.3 12.9 10l-5.6 5.7-1.4-1.4L10.1 10 5.9 5.7z" /></svg>
              <span>{section.title}</span>
              {changed > 0 && <Badge tone="warning">{changed} changed</Badge>}
              {open > 0 && <Badge tone="danger">{open} open comment{open === 1 ? "" : "s"}</Badge>}
            </summary>
            <ul className="divide-y divide-line border-t border-line">
              {section.fields.map((field) => {
                const path = `${section.key}.${field.key}`;
                const fieldThreads = threads.filter((t) => t.fieldPath === path);
                const change = changes?.find((c) => c.section === section.key && c.field === field.key);
                return (
                  <li key={field.key} id={`review-field-${section.key}-${field.key}`} className="scroll-mt-20 px-4 py-3">
                    <div className="flex flex-wrap items-start justify-between gap-2">
                      <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
                        {field.label}
                        {change && <Badge tone="warning">Changed since approved</Badge>}
                      </p>
                      {canComment && <NewComment api={api} fieldPath={path} fieldLabel={field.label} />}
                    </div>
                    <div className="mt-1 text-ink">
                      <CardValue value={filledValue(content, section.key, field.key)} type={field.type} />
                    </div>
                    {fieldThreads.length > 0 && (
                      <div className="mt-3 space-y-2">
                        {fieldThreads.map((t) => <CommentThread key={t.id} api={api} thread={t} />)}
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          </details>
        );
      })}
    </div>
  );
}
