import type { TFieldChange } from "@/lib/domain/model-card/diff";
import { sectionOf } from "@/lib/domain/model-card/template";
import { Badge } from "@/components/ui/badge";
import { CardValue } from "./card-value";

const KINDS = { added: { label: "Added", tone: "success" }, removed: { label: "Removed", tone: "danger" }, changed: { label: "Changed", tone: "warning" } } as const;

/** Field-level changes between two revisions, grouped by section: before in red, after in green, as text. */
export function CardDiff({ changes, fromLabel, toLabel }: { changes: TFieldChange[]; fromLabel: string; toLabel: string }) {
  const sections = [...new Set(changes.map((c) => c.section))];
  return (
    <div className="space-y-5">
      {sections.map((key) => (
        <section key={key} aria-labelledby={`diff-${key}`} className="rounded-lg border border-line bg-surface shadow-xs">
          <h4 id={`diff-${key}`} className="border-b border-line px-5 py-3 text-sm font-semibold">{sectionOf(key)?.title ?? key}</h4>
          <ul className="divide-y divide-line">
            {changes.filter((c) => c.section === key).map((change) => (
              <li key={change.field} className="px-5 py-4">
                <div className="mb-2 flex items-center gap-2">
                  <p className="text-sm font-medium">{change.label}</p>
                  <Badge tone={KINDS[change.kind].tone}>{KINDS[change.kind].label}</Badge>
                </div>
                <div className="grid gap-3 md:grid-cols-2">
                  <div className="min-w-0 rounded-md border border-red-200 bg-red-50 p-3">
                    <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-danger">Before · {fromLabel}</p>
                    <CardValue value={change.before} empty="Empty" />
                  </div>
                  <div className="min-w-0 rounded-md border border-green-200 bg-green-50 p-3">
                    <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-success">After · {toLabel}</p>
                    <CardValue value={change.after} empty="Empty" />
                  </div>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
