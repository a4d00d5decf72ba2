"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { FormError } from "@/components/forms/form-error";
import { useApiMutation } from "@/components/forms/use-api-mutation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { TextArea } from "@/components/ui/text-area";
import { OBLIGATION_STATUSES } from "@/lib/domain/risk/ruleset";
import { MAX_EVIDENCE_BYTES } from "@/lib/domain/evidence-file";
import { patchJson, postForm } from "./risk-api";
import { EVIDENCE_ACCEPT, EVIDENCE_TYPES_BY_EXTENSION, OBLIGATION_STATUS_LABELS } from "./vocabulary";

export type TObligationDraft = { id: string; article: string; status: string; note: string; ownerEmail: string | null; dueDate: string | null };

/**
 * The two ways an editor changes an obligation, each in a panel that opens under its button:
 * the status, note, owner and due date; and a piece of evidence. Closed panels are unmounted,
 * so each open form's labels are the only ones of their name on the page.
 */
export function ObligationActions({ obligation }: { obligation: TObligationDraft }) {
  const [open, setOpen] = useState<"update" | "evidence" | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const id = useId();
  const toggle = (panel: "update" | "evidence") => {
    setSaved(null);
    setOpen(open === panel ? null : panel);
  };
  const done = (message: string) => {
    setOpen(null);
    setSaved(message);
  };
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" variant="secondary" aria-expanded={open === "update"} aria-controls={`${id}-update`} onClick={() => toggle("update")}>
          Update {obligation.article}
        </Button>
        <Button size="sm" variant="secondary" aria-expanded={open === "evidence"} aria-controls={`${id}-evidence`} onClick={() => toggle("evidence")}>
          Add evidence to {obligation.article}
        </Button>
        <p aria-live="polite" className="text-sm font-medium text-success">{saved}</p>
      </div>
      {open === "update" && <UpdateForm id={`${id}-update`} obligation={obligation} onDone={() => done(`${obligation.article} saved.`)} onCancel={() => setOpen(null)} />}
      {open === "evidence" && <EvidenceForm id={`${id}-evidence`} obligation={obligation} onDone={() => done(`Evidence added to ${obligation.article}.`)} onCancel={() => setOpen(null)} />}
    </div>
  );
}

type FormProps = { id: string; obligation: TObligationDraft; onDone: () => void; onCancel: () => void };

/** Focus the form's first control when it opens, so keyboard users land where they chose to go. */
function useFocusFirst(id: string) {
  useEffect(() => {
    document.getElementById(id)?.querySelector<HTMLElement>("select, input, textarea")?.focus();
  }, [id]);
}

function UpdateForm({ id, obligation, onDone, onCancel }: FormProps) {
  useFocusFirst(id);
  const [status, setStatus] = useState(obligation.status);
  const update = useApiMutation((body: { status: string; note: string; ownerEmail: string | null; dueDate: string | null }) => patchJson(`/api/v1/obligations/${obligation.id}`, body), onDone);
  const errors = update.fieldErrors;
  const needsNote = status === "met" || status === "not_applicable";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (key: string) => String(data.get(key) ?? "").trim();
    update.mutate({ status, note: text("note"), ownerEmail: text("ownerEmail") || null, dueDate: text("dueDate") || null });
  }

  return (
    <form id={id} onSubmit={onSubmit} noValidate className="space-y-4 rounded-md border border-line bg-slate-50 p-4">
      <FormError error={update.error} shownFields={["status", "note", "ownerEmail", "dueDate"]} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id={`${id}-status`} label="Status" error={errors.status}>
          <Select id={`${id}-status`} name="status" value={status} onChange={(event) => setStatus(event.target.value)} error={errors.status}>
            {OBLIGATION_STATUSES.map((s) => (
              <option key={s} value={s}>{OBLIGATION_STATUS_LABELS[s].label}</option>
            ))}
          </Select>
        </Field>
        <Field id={`${id}-owner`} label="Owner email" error={errors.ownerEmail} help="An active Attest user; empty for none.">
          <TextInput id={`${id}-owner`} name="ownerEmail" type="email" autoComplete="off" defaultValue={obligation.ownerEmail ?? ""} error={errors.ownerEmail} />
        </Field>
        <Field id={`${id}-due`} label="Due date" error={errors.dueDate}>
          <TextInput id={`${id}-due`} name="dueDate" type="date" defaultValue={obligation.dueDate ?? ""} error={errors.dueDate} />
        </Field>
      </div>
      <Field id={`${id}-note`} label="Note" error={errors.note} help={needsNote ? `Required: say why this obligation is ${status === "met" ? "met" : "not applicable"}. Auditors read it.` : "What was done, or what is left to do."}>
        <TextArea id={`${id}-note`} name="note" rows={3} defaultValue={obligation.note} error={errors.note} required={needsNote} />
      </Field>
      <div className="flex gap-3">
        <Button type="submit" size="sm" disabled={update.isPending}>{update.isPending ? "Saving…" : "Save obligation"}</Button>
        <Button size="sm" variant="ghost" onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

/** The browser leaves the type empty for some files (often .md): name it by its extension, and the server still checks the content. */
function typedFile(file: File): File {
  if (file.type) return file;
  const type = EVIDENCE_TYPES_BY_EXTENSION[file.name.split(".").pop()?.toLowerCase() ?? ""];
  return type ? new File([file], file.name, { type }) : file;
}

function EvidenceForm({ id, obligation, onDone, onCancel }: FormProps) {
  useFocusFirst(id);
  const [tooLarge, setTooLarge] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const add = useApiMutation((data: FormData) => postForm(`/api/v1/obligations/${obligation.id}/evidence`, data), () => {
    form.current?.reset();
    onDone();
  });
  const errors = add.fieldErrors;
  const maxMb = MAX_EVIDENCE_BYTES / 1024 / 1024;
  const fileError = tooLarge ? `The file is larger than ${maxMb} MB.` : add.error?.status === 413 ? add.error.message : errors.file;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    if (file instanceof File && file.size > 0) {
      // Refused here rather than after a 10 MB upload the server would refuse anyway.
      if (file.size > MAX_EVIDENCE_BYTES) {
        add.reset();
        setTooLarge(true);
        return;
      }
      data.set("file", typedFile(file));
    } else data.delete("file");
    setTooLarge(false);
    add.mutate(data);
  }

  return (
    <form ref={form} id={id} onSubmit={onSubmit} noValidate className="space-y-4 rounded-md border border-line bg-slate-50 p-4">
      {add.error && add.error.status !== 413 && <FormError error={add.error} shownFields={["note", "url", "file"]} />}
      <Field id={`${id}-note`} label="Evidence note" error={errors.note} help="What this shows, or the evidence itself as text.">
        <TextArea id={`${id}-note`} name="note" rows={2} error={errors.note} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${id}-url`} label="Link" error={errors.url} help="A web address starting with https:// or http://.">
          <TextInput id={`${id}-url`} name="url" type="url" autoComplete="off" placeholder="https://" error={errors.url} />
        </Field>
        <Field id={`${id}-file`} label="File" error={fileError} help={`PDF, PNG, JPEG, Word, Excel, text, CSV, Markdown or JSON; at most ${maxMb} MB. Its SHA-256 is recorded.`}>
          <input
            id={`${id}-file`}
            name="file"
            type="file"
            accept={EVIDENCE_ACCEPT}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${id}-file-error` : `${id}-file-help`}
            onChange={() => setTooLarge(false)}
            className="block w-full text-sm text-ink file:mr-3 file:rounded-md file:border file:border-line file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-ink hover:file:bg-slate-50"
          />
        </Field>
      </div>
      {add.error?.status === 413 && <Alert tone="danger">{add.error.message}</Alert>}
      <div className="flex gap-3">
        <Button type="submit" size="sm" disabled={add.isPending}>{add.isPending ? "Uploading…" : "Add evidence"}</Button>
        <Button size="sm" variant="ghost" onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
