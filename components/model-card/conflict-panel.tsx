import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";
import type { TFieldConflict } from "@/lib/domain/model-card/diff";
import { fieldAnchor, sectionOf, type TModelCardValue } from "@/lib/domain/model-card/template";
import { CardValue } from "./card-value";
import { textMeans, type TCardDraft } from "./draft";
import { focusAnchor } from "./missing-fields";

/** A save (or a restored draft) that met a newer revision, after the three-way merge. */
export type TCardConflict = {
  revision: number;
  author: string | null;
  savedAt: string | null;
  conflicts: TFieldConflict[];
  /** Labels of fields only they changed, taken from their revision. */
  merged: string[];
  /** It arose from a draft restored on top of a newer revision, not from a refused save. */
  restored: boolean;
};

/**
 * Their revision beside the user's typing, field by field where both changed the same field.
 * Nothing is decided for the user: the form keeps their text until they choose, and a choice
 * can be changed, or the field edited by hand, until they save.
 */
export function ConflictPanel({ conflict, draft, onChoose }: { conflict: TCardConflict; draft: TCardDraft; onChoose: (section: string, field: string, value: TModelCardValue | null) => void }) {
  const who = conflict.author ?? "Someone";
  const when = conflict.savedAt ? ` at ${formatDateTime(conflict.savedAt)}` : "";
  return (
    <section aria-labelledby="conflict-title" className="rounded-lg border-2 border-amber-300 bg-warning-soft p-5">
      <h3 id="conflict-title" className="text-base font-semibold text-warning">
        {conflict.restored ? "The card changed since you made these edits" : "Someone else saved this card while you were editing"}
      </h3>
      <div className="mt-1 space-y-1 text-sm text-ink">
        <p>
          <span className="font-medium">{who}</span> saved revision {conflict.revision}{when}. Nothing you typed is lost: it is all still in the form below.
        </p>
        {conflict.merged.length > 0 && <p>Their changes to fields you had not touched are merged in: {conflict.merged.join(", ")}.</p>}
        <p>
          {conflict.conflicts.length === 0
            ? "None of their changes touch the fields you changed. Review the card, then choose Save merged version."
            : `You both changed ${conflict.conflicts.length === 1 ? "one field" : `${conflict.conflicts.length} fields`}. For each, keep yours or use theirs (you can also edit the field itself), then choose Save merged version.`}
        </p>
      </div>
      {conflict.conflicts.length > 0 && (
        <ol className="mt-4 space-y-3">
          {conflict.conflicts.map((c) => {
            const anchor = fieldAnchor(c.section, c.field);
            const field = sectionOf(c.section)?.fields.find((f) => f.key === c.field);
            const text = draft[c.section]?.[c.field] ?? "";
            const keepsMine = field ? textMeans(field.type, text, c.mine) : false;
            const usesTheirs = field ? textMeans(field.type, text, c.theirs) : false;
            return (
              <li key={anchor} className="rounded-md border border-amber-200 bg-surface p-4">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <a href={`#${anchor}`} onClick={() => focusAnchor(anchor)} className="text-sm font-semibold text-brand hover:underline">{c.label}</a>
                  <span className="text-xs text-ink-muted">{sectionOf(c.section)?.title}</span>
                </div>
                <div className="mt-3 grid gap-3 md:grid-cols-2">
                  <Version title={`Theirs (revision ${conflict.revision})`} value={c.theirs} />
                  <Version title="Yours" value={c.mine} />
                </div>
                <div className="mt-3 flex flex-wrap items-center gap-2">
                  <Button size="sm" variant={keepsMine ? "primary" : "secondary"} aria-pressed={keepsMine} onClick={() => onChoose(c.section, c.field, c.mine)}>
                    Keep mine<span className="sr-only"> for {c.label}</span>
                  </Button>
                  <Button size="sm" variant={usesTheirs && !keepsMine ? "primary" : "secondary"} aria-pressed={usesTheirs && !keepsMine} onClick={() => onChoose(c.section, c.field, c.theirs)}>
                    Use theirs<span className="sr-only"> for {c.label}</span>
                  </Button>
                  {!keepsMine && !usesTheirs && <span className="text-xs text-ink-muted">Edited by hand in the form</span>}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function Version({ title, value }: { title: string; value: TModelCardValue | null }) {
  return (
    <div className="min-w-0">
      <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-ink-muted">{title}</p>
      <div className="max-h-64 overflow-y-auto rounded-md border border-line bg-slate-50 p-3">
        <CardValue value={value} empty="Empty" />
      </div>
    </div>
  );
}
