"use client";

import { useId, useState, type FormEvent } from "react";
import { FormError } from "@/components/forms/form-error";
import { useApiMutation } from "@/components/forms/use-api-mutation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { TextArea } from "@/components/ui/text-area";
import { callApi } from "@/lib/api/client";

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * A compliance officer accepts a failing evaluation for a limited time, in writing. The waiver
 * lapses at the end of the chosen day (UTC); it is audited and shown wherever the status is.
 */
export function WaivePanel({ evaluationId }: { evaluationId: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [justification, setJustification] = useState("");
  const [expiresOn, setExpiresOn] = useState("");
  const [localErrors, setLocalErrors] = useState<{ justification?: string; expiresAt?: string }>({});
  const waive = useApiMutation((body: { justification: string; expiresAt: string }) =>
    callApi<{ id: string }>(`/api/v1/evaluations/${encodeURIComponent(evaluationId)}/waiver`, { method: "POST", body }),
  );
  const errors = { ...waive.fieldErrors, ...localErrors };
  const tomorrow = isoDay(new Date(Date.now() + 86_400_000));
  const latest = isoDay(new Date(Date.now() + 2 * 365 * 86_400_000 - 86_400_000));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: typeof localErrors = {};
    if (justification.trim().length < 20) found.justification = "Explain the waiver in at least 20 characters: reviewers will read it.";
    if (!expiresOn) found.expiresAt = "Give the date the waiver lapses.";
    setLocalErrors(found);
    if (Object.keys(found).length > 0) return;
    waive.mutate({ justification: justification.trim(), expiresAt: `${expiresOn}T23:59:59Z` });
  }

  if (waive.isSuccess) {
    return <Alert tone="success" title="Waiver saved">The evaluation now shows as waived until {expiresOn}. The waiver is in the audit log.</Alert>;
  }

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-amber-200 bg-warning-soft/50 px-5 py-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id={`${id}-title`} className="text-sm font-semibold text-warning">Waive this failure</h2>
          <p className="mt-0.5 max-w-2xl text-sm text-warning">
            As a compliance officer you may accept this failing evaluation for a limited time, with a written justification. The waiver is audited, shown with the result everywhere, and lapses by itself.
          </p>
        </div>
        {!open && <Button variant="secondary" onClick={() => setOpen(true)}>Waive</Button>}
      </div>
      {open && (
        <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
          <FormError error={waive.error} shownFields={["justification", "expiresAt"]} />
          <Field id={`${id}-justification`} label="Justification" error={errors.justification} help="Why the failure is acceptable for now, and what will be done about it. At least 20 characters.">
            <TextArea id={`${id}-justification`} rows={4} maxLength={5000} value={justification} onChange={(e) => setJustification(e.target.value)} error={errors.justification} />
          </Field>
          <div className="max-w-xs">
            <Field id={`${id}-expires`} label="Waiver expires on" error={errors.expiresAt} help="The waiver lapses at the end of this day (UTC); at most two years ahead.">
              <TextInput id={`${id}-expires`} type="date" min={tomorrow} max={latest} value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} error={errors.expiresAt} />
            </Field>
          </div>
          <div className="flex gap-3">
            <Button type="submit" disabled={waive.isPending}>{waive.isPending ? "Saving…" : "Save waiver"}</Button>
            <Button variant="ghost" onClick={() => setOpen(false)}>Cancel</Button>
          </div>
        </form>
      )}
    </section>
  );
}
