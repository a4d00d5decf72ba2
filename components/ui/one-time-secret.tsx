import type { ReactNode } from "react";
import { CopyButton } from "./copy-button";

/** A secret the server returned once and will never show again: prominent, copyable, explained. */
export function OneTimeSecret({ title, secret, testId, children, example, onDismiss }: { title: string; secret: string; testId: string; children: ReactNode; example?: ReactNode; onDismiss: () => void }) {
  return (
    <section role="status" aria-label={title} className="rounded-lg border-2 border-amber-300 bg-warning-soft p-5">
      <h3 className="text-sm font-semibold text-warning">{title}</h3>
      <div className="mt-1 text-sm text-warning">{children}</div>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <code data-testid={testId} className="min-w-0 break-all rounded-md border border-amber-200 bg-white px-3 py-2 font-mono text-sm text-ink select-all">{secret}</code>
        <CopyButton value={secret} />
      </div>
      {example}
      <button type="button" onClick={onDismiss} className="mt-4 text-sm font-medium text-warning underline underline-offset-2 hover:no-underline">
        I have stored it safely — hide it
      </button>
    </section>
  );
}
