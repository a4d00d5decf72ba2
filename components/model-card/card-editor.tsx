"use client";

import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { inputClass } from "@/components/ui/field";
import { formatDateTime } from "@/components/ui/format";
import { completeness } from "@/lib/domain/model-card/completeness";
import { diffCards, mergeConflicts } from "@/lib/domain/model-card/diff";
import type { TRiskTier } from "@/lib/domain/model-card/template";
import { getCard, putCard } from "./card-api";
import { CardFieldInput } from "./card-fields";
import { CardView } from "./card-view";
import { ConflictPanel, type TCardConflict } from "./conflict-panel";
import { completeDraft, fromDraft, toDraft, valueText, withField } from "./draft";
import { clearDraft, readDraft, writeDraft } from "./draft-storage";
import { ImportReadme, ImportReport, type ImportState } from "./import-readme";
import { SaveFailure } from "./save-failure";

/** The revision an edit starts from; revision 0 is the empty card before the first save. */
export type TCardBase = { revision: number; content: unknown; author: string | null; savedAt: string | null };

type SaveState =
  | { status: "idle" }
  | { status: "saving" }
  | { status: "saved"; revision: number; unchanged: boolean }
  | { status: "invalid"; message: string }
  | { status: "failed"; message: string };

/**
 * The model card editor. Every keystroke stays in the browser (a local draft) until a save
 * turns it into a revision; a save based on a stale revision comes back as a three-way merge
 * for the user to finish, never as lost text.
 */
export function CardEditor({ cardUrl, slug, version, tier, initial, userEmail, links }: {
  cardUrl: string;
  slug: string;
  version: string;
  tier: TRiskTier | null;
  initial: TCardBase;
  userEmail: string;
  /** The page's links (revisions, version details), shown beside the import. */
  links: ReactNode;
}) {
  const [base, setBase] = useState(initial);
  const [draft, setDraft] = useState(() => toDraft(initial.content));
  const [summary, setSummary] = useState("");
  const [save, setSave] = useState<SaveState>({ status: "idle" });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<TCardConflict | null>(null);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [storageFailed, setStorageFailed] = useState(false);
  const [importState, setImportState] = useState<ImportState>({ status: "idle" });
  // Until the stored draft has been looked at, writing one would overwrite it.
  const [draftChecked, setDraftChecked] = useState(false);

  const card = useMemo(() => fromDraft(draft), [draft]);
  const result = useMemo(() => completeness(card, tier), [card, tier]);
  const unsaved = useMemo(() => diffCards(base.content, card).length, [base.content, card]);
  const dirty = unsaved > 0;
  // What is typed now, for answers that arrive after the user typed more.
  const latest = useRef(draft);
  latest.current = draft;
  const failure = useRef<HTMLDivElement>(null);

  const mergeOnto = useCallback((baseContent: unknown, mine: unknown, theirs: TCardBase, restored: boolean) => {
    const { merged, conflicts } = mergeConflicts(baseContent, mine, theirs.content);
    const clashing = new Set(conflicts.map((c) => `${c.section}.${c.field}`));
    const theirChanges = diffCards(baseContent, theirs.content).filter((c) => !clashing.has(`${c.section}.${c.field}`));
    setBase(theirs);
    setDraft(toDraft(merged));
    setConflict({ revision: theirs.revision, author: theirs.author, savedAt: theirs.savedAt, conflicts, merged: theirChanges.map((c) => c.label), restored });
  }, []);

  // Once, after mounting (the server's card is only the starting point): bring back unsaved
  // edits from an earlier visit, merged three ways if someone saved since.
  useEffect(() => {
    const stored = readDraft(slug, version);
    const fields = stored && completeDraft(stored.fields);
    if (stored && fields && diffCards(initial.content, fromDraft(fields)).length > 0) {
      setRestoredAt(stored.savedAt);
      if (stored.baseRevision === initial.revision) setDraft(fields);
      else mergeOnto(stored.baseContent, fromDraft(fields), initial, true);
    }
    setDraftChecked(true);
  }, []);

  useEffect(() => {
    if (!draftChecked) return;
    if (!dirty) {
      clearDraft(slug, version);
      return;
    }
    setStorageFailed(!writeDraft(slug, version, { baseRevision: base.revision, baseContent: base.content, fields: draft, savedAt: new Date().toISOString() }));
  }, [draftChecked, dirty, draft, base, slug, version]);

  // A refused save is announced where the user is: focus moves to the summary of what failed.
  useEffect(() => {
    if (save.status === "invalid" || save.status === "failed") failure.current?.focus();
  }, [save]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  function edit(section: string, field: string, text: string) {
    setDraft((current) => withField(current, section, field, text));
    const path = `${section}.${field}`;
    if (fieldErrors[path]) setFieldErrors(({ [path]: _fixed, ...rest }) => rest);
  }

  async function saveCard() {
    if (save.status === "saving") return;
    const submitted = fromDraft(latest.current);
    setSave({ status: "saving" });
    const outcome = await putCard(cardUrl, { baseRevision: base.revision, body: JSON.stringify(submitted), contentType: "application/json", summary: summary.trim() });
    if (outcome.kind === "saved") {
      setBase({ revision: outcome.revision, content: submitted, author: userEmail, savedAt: new Date().toISOString() });
      setSave({ status: "saved", revision: outcome.revision, unchanged: outcome.unchanged });
      setFieldErrors({});
      setConflict(null);
      setRestoredAt(null);
      setSummary("");
    } else if (outcome.kind === "conflict") {
      setSave({ status: "idle" });
      mergeOnto(base.content, fromDraft(latest.current), { revision: outcome.revision, content: outcome.content, author: outcome.author, savedAt: outcome.savedAt }, false);
    } else if (outcome.kind === "invalid") {
      setFieldErrors(outcome.fields);
      setSave({ status: "invalid", message: outcome.message });
    } else {
      setSave({ status: "failed", message: outcome.message });
    }
  }

  async function importReadme(file: File) {
    setImportState({ status: "importing" });
    const outcome = await putCard(cardUrl, { baseRevision: base.revision, body: await file.text(), contentType: "text/markdown; charset=utf-8" });
    if (outcome.kind === "saved") {
      const fresh = await getCard(cardUrl);
      // Without the imported content the form would show a stale card: start over from the server.
      if (!fresh) return window.location.reload();
      setBase({ revision: fresh.revision, content: fresh.content, author: userEmail, savedAt: new Date().toISOString() });
      setDraft(toDraft(fresh.content));
      setSave({ status: "idle" });
      setImportState({ status: "imported", file: file.name, revision: outcome.revision, unchanged: outcome.unchanged, unmapped: outcome.unmapped });
    } else if (outcome.kind === "conflict") {
      // There were no local edits (import waits for them to be saved), so showing theirs loses nothing.
      setBase({ revision: outcome.revision, content: outcome.content, author: outcome.author, savedAt: outcome.savedAt });
      setDraft(toDraft(outcome.content));
      setImportState({ status: "failed", file: file.name, message: `${outcome.author ?? "Someone"} saved revision ${outcome.revision} in the meantime. It is shown now; choose the file again to import on top of it.` });
    } else {
      setImportState({ status: "failed", file: file.name, message: outcome.message });
    }
  }

  function discardDraft() {
    setDraft(toDraft(base.content));
    setConflict(null);
    setRestoredAt(null);
    setFieldErrors({});
    clearDraft(slug, version);
  }

  function onKeyDown(event: KeyboardEvent) {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
      event.preventDefault();
      if (dirty || conflict) void saveCard();
    }
  }

  const saving = save.status === "saving";
  const clashing = new Set(conflict?.conflicts.map((c) => `${c.section}.${c.field}`));

  return (
    <div onKeyDown={onKeyDown}>
      <CardView
        tier={tier}
        result={result}
        meta={
          <div className="mb-3 flex flex-wrap items-start justify-between gap-3">
            <p className="pt-1.5 text-sm text-ink-muted">
              {base.revision === 0 ? "No revision saved yet: the first save creates revision 1." : (
                <>Editing on top of <span className="font-medium text-ink">revision {base.revision}</span>{base.author && <>, saved by {base.author}</>}{base.savedAt && <> on {formatDateTime(base.savedAt)}</>}.</>
              )}
            </p>
            <div className="flex flex-wrap items-start gap-2">
              {links}
              <ImportReadme blockedBy={dirty ? "Save your changes before importing." : null} busy={importState.status === "importing"} onFile={importReadme} />
            </div>
          </div>
        }
        controls={
          <>
            <div>
              <label htmlFor="change-summary" className="block text-xs font-medium text-ink">Change summary <span className="font-normal text-ink-muted">(optional)</span></label>
              <input
                id="change-summary"
                value={summary}
                onChange={(event) => setSummary(event.target.value)}
                maxLength={500}
                placeholder="e.g. Added oversight measures"
                className={cx(inputClass, "mt-0.5 h-9 w-64 py-1.5")}
              />
            </div>
            <div className="min-w-32 text-right text-xs leading-4">
              <p role="status" aria-live="polite" className="font-medium text-ink">
                {save.status === "saving" ? "Saving…" : save.status === "saved" ? (save.unchanged ? `Nothing new: revision ${save.revision} is current` : `Saved revision ${save.revision}`) : save.status === "idle" ? "" : "Not saved"}
              </p>
              <p className="text-ink-muted">{dirty ? `${unsaved} unsaved ${unsaved === 1 ? "change" : "changes"}` : base.revision === 0 ? "Nothing saved yet" : "All changes saved"}</p>
            </div>
            <Button onClick={saveCard} disabled={saving || (!dirty && !conflict)} aria-keyshortcuts="Control+S Meta+S">
              {saving ? "Saving…" : conflict ? "Save merged version" : "Save"}
            </Button>
          </>
        }
        notices={
          <>
            {storageFailed && <Alert tone="warning" title="This browser is not keeping a backup of your changes">Its storage is full or switched off. Save soon: until you do, your changes exist only in this tab.</Alert>}
            {restoredAt && dirty && (
              <div role="status" className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-indigo-200 bg-brand-soft px-4 py-3 text-sm text-brand-strong">
                <p>Restored your unsaved changes from {formatDateTime(restoredAt)}. Save them to keep them as a revision.</p>
                <Button variant="secondary" size="sm" onClick={discardDraft}>Discard draft</Button>
              </div>
            )}
            {conflict && <ConflictPanel conflict={conflict} draft={draft} onChoose={(section, field, value) => edit(section, field, valueText(value))} />}
            {(save.status === "invalid" || save.status === "failed") && <SaveFailure ref={failure} message={save.message} fields={fieldErrors} keptInBrowser={!storageFailed} />}
            <ImportReport state={importState} />
          </>
        }
        renderField={(section, field, required) => (
          <CardFieldInput
            section={section.key}
            field={field}
            value={draft[section.key]?.[field.key] ?? ""}
            required={required}
            error={fieldErrors[`${section.key}.${field.key}`]}
            conflict={clashing.has(`${section.key}.${field.key}`)}
            onChange={(text) => edit(section.key, field.key, text)}
          />
        )}
      />
    </div>
  );
}
