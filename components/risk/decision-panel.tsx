"use client";

import { useEffect, useId, useState, type FormEvent } from "react";
import { FormError } from "@/components/forms/form-error";
import { useApiMutation } from "@/components/forms/use-api-mutation";
import { TIERS } from "@/components/models/risk-tier-badge";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { TextArea } from "@/components/ui/text-area";
import { RISK_TIERS } from "@/lib/domain/model-card/template";
import { postJson } from "./risk-api";

const MIN_JUSTIFICATION = 20;

/** A compliance officer's decision on a proposal: confirm the computed tier, or override it with a reason. */
export function DecisionPanel({ slug, classificationId, computedTier }: { slug: string; classificationId: string; computedTier: string }) {
  const base = `/api/v1/models/${encodeURIComponent(slug)}/classifications/${classificationId}`;
  const [overriding, setOverriding] = useState(false);
  const [justification, setJustification] = useState("");
  const [tooShort, setTooShort] = useState(false);
  const id = useId();
  const confirm = useApiMutation(() => postJson(`${base}/confirm`, {}));
  const override = useApiMutation((body: { tier: string; justification: string }) => postJson(`${base}/override`, body));
  const errors = override.fieldErrors;

  // Opening the form puts the officer in its first field rather than back at the top of the page.
  useEffect(() => {
    if (overriding) document.getElementById(`${id}-tier`)?.focus();
  }, [overriding, id]);

  function onOverride(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    if (justification.trim().length < MIN_JUSTIFICATION) {
      setTooShort(true);
      document.getElementById(`${id}-justification`)?.focus();
      return;
    }
    setTooShort(false);
    override.mutate({ tier: String(data.get("tier")), justification: justification.trim() });
  }

  const justificationError = tooShort ? `Explain the override in at least ${MIN_JUSTIFICATION} characters: it is the record of why.` : errors.justification;
  const busy = confirm.isPending || override.isPending;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={() => confirm.mutate(undefined)} disabled={busy}>{confirm.isPending ? "Confirming…" : "Confirm classification"}</Button>
        <Button variant="secondary" aria-expanded={overriding} aria-controls={`${id}-override`} onClick={() => setOverriding(!overriding)} disabled={busy}>
          Override tier
        </Button>
        <p className="text-sm text-ink-muted">Confirming makes {TIERS[computedTier as keyof typeof TIERS]?.label ?? computedTier} the tier of record and brings the obligations in line.</p>
      </div>
      <FormError error={confirm.error} />
      {overriding && (
        <form id={`${id}-override`} onSubmit={onOverride} noValidate className="max-w-2xl space-y-4 rounded-md border border-line bg-white p-4">
          <FormError error={override.error} shownFields={["tier", "justification"]} />
          <Field id={`${id}-tier`} label="Tier" error={errors.tier}>
            <Select id={`${id}-tier`} name="tier" defaultValue={computedTier} error={errors.tier}>
              {RISK_TIERS.map((tier) => (
                <option key={tier} value={tier}>{TIERS[tier].label}</option>
              ))}
            </Select>
          </Field>
          <Field id={`${id}-justification`} label="Justification" error={justificationError} help={`At least ${MIN_JUSTIFICATION} characters; it is kept in the history and the audit log. ${justification.trim().length} so far.`}>
            <TextArea
              id={`${id}-justification`}
              name="justification"
              rows={4}
              value={justification}
              onChange={(event) => setJustification(event.target.value)}
              error={justificationError}
              aria-describedby={justificationError ? `${id}-justification-error` : `${id}-justification-help`}
            />
          </Field>
          <p className="text-sm text-ink-muted">
            The obligations follow the answers, not the overridden tier. To change them, reclassify with different answers.
          </p>
          <div className="flex gap-3">
            <Button type="submit" disabled={busy}>{override.isPending ? "Saving…" : "Save override"}</Button>
            <Button variant="ghost" onClick={() => setOverriding(false)}>Cancel</Button>
          </div>
        </form>
      )}
    </div>
  );
}
