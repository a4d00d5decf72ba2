"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { formatDateTime } from "@/components/ui/format";
import { DOCUMENT_KIND_LABELS } from "./document-kinds";

type TAnswer =
  | { issued: true; documentId: string; kind: string; model: string | null; version: string | null; issuedAt: string; issuedBy: string }
  | { issued: false };

type TState = { status: "idle" } | { status: "checking" } | { status: "answered"; sha256: string; source: string; answer: TAnswer } | { status: "error"; message: string };

const HEX = /^[0-9a-f]{64}$/;

async function sha256Hex(file: File): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Whether Attest issued exactly this file. A chosen PDF is hashed here, in the browser (Web
 * Crypto): only its SHA-256 is sent to the server, never the file.
 */
export function VerifyDocumentForm({ initialHash = "" }: { initialHash?: string }) {
  const [state, setState] = useState<TState>({ status: "idle" });
  const [hash, setHash] = useState(initialHash);
  const [hashError, setHashError] = useState<string | undefined>();

  async function check(sha256: string, source: string) {
    setState({ status: "checking" });
    try {
      const res = await fetch(`/api/v1/documents/verify?sha256=${sha256}`, { headers: { accept: "application/json" }, cache: "no-store" });
      if (res.status !== 200 && res.status !== 404) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        setState({ status: "error", message: body?.error?.message ?? `The server answered ${res.status}.` });
        return;
      }
      setState({ status: "answered", sha256, source, answer: (await res.json()) as TAnswer });
    } catch {
      setState({ status: "error", message: "Attest could not be reached. Try again." });
    }
  }

  async function onFile(file: File | undefined) {
    if (!file) return;
    setState({ status: "checking" });
    try {
      await check(await sha256Hex(file), `the file “${file.name}” (${file.size.toLocaleString("en")} bytes)`);
    } catch {
      setState({ status: "error", message: "The file could not be read." });
    }
  }

  function onHash(event: FormEvent) {
    event.preventDefault();
    const value = hash.trim().toLowerCase();
    if (!HEX.test(value)) {
      setHashError("A SHA-256 is 64 hexadecimal digits (0–9, a–f).");
      return;
    }
    setHashError(undefined);
    void check(value, "the SHA-256 you entered");
  }

  return (
    <div className="space-y-6">
      <div className="grid gap-6 md:grid-cols-2">
        <Field id="verify-file" label="Choose a PDF" help="The file is hashed in your browser; it is not uploaded.">
          <input
            id="verify-file"
            type="file"
            accept="application/pdf,.pdf"
            className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-line file:bg-surface file:px-3 file:py-1.5 file:text-sm"
            onChange={(e) => void onFile(e.currentTarget.files?.[0])}
          />
        </Field>
        <form onSubmit={onHash} className="space-y-2" noValidate>
          <Field id="verify-hash" label="Or paste its SHA-256" error={hashError}>
            <TextInput id="verify-hash" value={hash} onChange={(e) => setHash(e.currentTarget.value)} placeholder="64 hexadecimal digits" spellCheck={false} autoComplete="off" className="font-mono" error={hashError} />
          </Field>
          <Button type="submit" variant="secondary" disabled={state.status === "checking"}>
            Check
          </Button>
        </form>
      </div>

      <div role="region" aria-label="Verification result" aria-live="polite">
        {state.status === "checking" && <p className="text-sm text-ink-muted">Checking…</p>}
        {state.status === "error" && <Alert tone="danger" title="Could not check">{state.message}</Alert>}
        {state.status === "answered" && state.answer.issued && (
          <Alert tone="success" title="Issued by Attest: this is exactly the file Attest issued">
            <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="font-medium">Document</dt>
              <dd className="font-mono">{state.answer.documentId}</dd>
              <dt className="font-medium">Kind</dt>
              <dd>{DOCUMENT_KIND_LABELS[state.answer.kind] ?? state.answer.kind}</dd>
              {state.answer.model && (
                <>
                  <dt className="font-medium">For</dt>
                  <dd>
                    {state.answer.model}
                    {state.answer.version ? ` version ${state.answer.version}` : ""}
                  </dd>
                </>
              )}
              <dt className="font-medium">Issued</dt>
              <dd>{formatDateTime(state.answer.issuedAt)}</dd>
              <dt className="font-medium">Issued by</dt>
              <dd>{state.answer.issuedBy}</dd>
              <dt className="font-medium">SHA-256</dt>
              <dd className="break-all font-mono">{state.sha256}</dd>
            </dl>
          </Alert>
        )}
        {state.status === "answered" && !state.answer.issued && (
          <Alert tone="danger" title="Not issued by Attest">
            <p className="text-sm">
              Attest has no record of issuing {state.source}. A document changed in any way, even by one byte, is not recognised.
            </p>
            <p className="mt-1 break-all font-mono text-sm">SHA-256 {state.sha256}</p>
          </Alert>
        )}
      </div>
    </div>
  );
}
