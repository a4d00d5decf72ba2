import { useId, useRef } from "react";
import { buttonClass } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";

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
          aria-describedby={blockedBy ? `${id}-blocked` : undefined}
          className="sr-only"
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Cleared at once so that choosing the same file again imports again.
            if (input.current) input.current.value = "";
            if (file) onFile(file);
          }}
        />
      </label>
      {blockedBy && <p id={`${id}-blocked`} className="text-xs text-ink-muted">{blockedBy}</p>}
    </div>
  );
}
