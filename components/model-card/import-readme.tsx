import { useId, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";

export type ImportState =
  | { status: "idle" }
  | { status: "importing" }
  | { status: "imported"; file: string; revision: number; unchanged: boolean; unmapped: string[] }
  | { status: "failed"; file: string; message: string };

/**
 * Chooses a Hugging Face README.md to import as the next revision. Disabled while there are
 * unsaved edits: an import on top of them would leave them based on a stale revision.
 */
export function ImportReadme({ blockedBy, busy, onFile }: { blockedBy: string | null; busy: boolean; onFile: (file: File) => void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const disabled = busy || blockedBy !== null;
  return (
    <div className="flex flex-col items-end gap-1">
      <label
        htmlFor={id}
        className={cx(buttonClass("secondary", "sm"), "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand", disabled ? "cursor-not-allowed opacity-60" : "cursor-pointer")}
      >
        {busy ? "Importing…" : "Import Hugging Face README"}
        <input
          ref={input}
          id={id}
          type="file"
          accept=".md,text/markdown"
          disabled={disabled}
          aria-describedby={`${id}-note`}
          className="sr-only"
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Cleared at once so that choosing the same file again imports again.
            if (input.current) input.current.value = "";
            if (file) onFile(file);
          }}
        />
      </label>
      <p id={`${id}-note`} className="text-xs text-ink-muted">{blockedBy ?? "Replaces the card's content; earlier revisions stay."}</p>
    </div>
  );
}

/** What an import did, including every part of the README no field took (kept, not dropped). */
export function ImportReport({ state }: { state: ImportState }) {
  if (state.status === "failed") return <Alert tone="danger" title={`${state.file} was not imported`}>{state.message}</Alert>;
  if (state.status !== "imported") return null;
  const { unmapped } = state;
  return (
    <Alert tone="success" title={state.unchanged ? `${state.file} matches the current card` : `Imported ${state.file} as revision ${state.revision}`}>
      {unmapped.length === 0
        ? "Every heading found a field."
        : `No field matched ${unmapped.length === 1 ? "this part" : "these parts"}, so ${unmapped.length === 1 ? "it is" : "they are"} kept in Additional information: ${unmapped.join(", ")}.`}
    </Alert>
  );
}
