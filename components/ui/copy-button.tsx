"use client";

import { useState } from "react";
import { Button } from "./button";

/** Copies a value to the clipboard and says so where screen readers hear it. */
export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      // Clipboard access needs a secure context or permission; the value stays selectable.
      setState("failed");
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" size="sm" onClick={copy}>{label}</Button>
      <span aria-live="polite" className="text-xs text-ink-muted">
        {state === "copied" ? "Copied" : state === "failed" ? "Select the text and copy it by hand" : ""}
      </span>
    </span>
  );
}
