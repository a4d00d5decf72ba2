"use client";

import Link from "next/link";
import { useEffect } from "react";
import { Button, buttonClass } from "@/components/ui/button";

/** A page failed on the server. Production hides the cause; the digest finds it in the server log. */
export default function ConsoleError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  useEffect(() => console.error(error), [error]);
  return (
    <div role="alert" className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold uppercase tracking-wider text-danger">Something went wrong</p>
      <h1 className="mt-2 text-2xl font-semibold text-ink">This page could not be loaded</h1>
      <p className="mt-2 text-sm text-ink-muted">
        Nothing was changed. Try again; if it keeps failing, send your administrator the reference below.
      </p>
      {digest && (
        <p className="mt-4 text-sm text-ink-muted">
          Reference <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-ink">{digest}</code>
        </p>
      )}
      <div className="mt-6 flex justify-center gap-3">
        <Button onClick={retry}>Try again</Button>
        <Link href="/dashboard" className={buttonClass("secondary")}>Go to the dashboard</Link>
      </div>
    </div>
  );
}
