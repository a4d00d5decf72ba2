"use client";

import { useState, type FormEvent } from "react";
import { FormError } from "@/components/forms/form-error";
import { useApiMutation } from "@/components/forms/use-api-mutation";
import { TIERS } from "@/components/models/risk-tier-badge";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { callApi } from "@/lib/api/client";
import type { TFairnessThresholds } from "@/lib/domain/fairness/thresholds";
import { THRESHOLD_INFO, THRESHOLD_KEYS } from "./metric-info";

export const POLICY_TIERS = ["prohibited", "high", "limited", "minimal", "unclassified"] as const;
type Tier = (typeof POLICY_TIERS)[number];
type Policy = Partial<Record<Tier, TFairnessThresholds>>;
type Values = Record<keyof TFairnessThresholds, string>;

const toValues = (t: TFairnessThresholds): Values => Object.fromEntries(THRESHOLD_KEYS.map((k) => [k, String(t[k])])) as Values;
const toThresholds = (v: Values): TFairnessThresholds => Object.fromEntries(THRESHOLD_KEYS.map((k) => [k, v[k].trim() === "" ? Number.NaN : Number(v[k])])) as TFairnessThresholds;
const sameAs = (a: TFairnessThresholds, b: TFairnessThresholds) => THRESHOLD_KEYS.every((k) => a[k] === b[k]);

const TIER_NOTES: Record<Tier, string> = {
  prohibited: "Prohibited practices may not be placed on the market; thresholds apply to any evaluation recorded for them.",
  high: "Annex III systems such as credit scoring and recruitment.",
  limited: "Systems with transparency obligations.",
  minimal: "Everything else.",
  unclassified: "Models whose risk tier is not yet confirmed.",
};

/**
 * The fairness thresholds per risk tier. A tier left at the defaults is saved as "use the
 * defaults" (so it follows them), and unclassified models can simply be judged like high-risk
 * ones. Saving changes how new evaluations are judged; stored results keep their thresholds.
 */
export function FairnessPolicyForm({ policy, defaults }: { policy: Policy; defaults: TFairnessThresholds }) {
  const [values, setValues] = useState<Record<Tier, Values>>(() =>
    Object.fromEntries(POLICY_TIERS.map((tier) => [tier, toValues(policy[tier] ?? (tier === "unclassified" ? policy.high ?? defaults : defaults))])) as Record<Tier, Values>,
  );
  const [unclassifiedLikeHigh, setUnclassifiedLikeHigh] = useState(policy.unclassified === undefined);
  const save = useApiMutation((body: Policy) => callApi<Policy>("/api/v1/admin/policy/fairness", { method: "PUT", body }));
  const paths = save.error?.paths ?? {};

  function set(tier: Tier, key: keyof TFairnessThresholds, value: string) {
    setValues({ ...values, [tier]: { ...values[tier], [key]: value } });
    if (save.isSuccess) save.reset();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body: Policy = {};
    for (const tier of POLICY_TIERS) {
      if (tier === "unclassified" && unclassifiedLikeHigh) continue;
      const thresholds = toThresholds(values[tier]);
      if (tier !== "unclassified" && sameAs(thresholds, defaults)) continue;
      body[tier] = thresholds;
    }
    save.mutate(body);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <FormError error={save.error} shownFields={[...POLICY_TIERS]} />
      <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-line bg-surface px-5 py-4 text-sm shadow-xs sm:grid-cols-2">
        {THRESHOLD_KEYS.map((key) => (
          <div key={key}>
            <dt className="font-medium text-ink">{THRESHOLD_INFO[key].label}</dt>
            <dd className="text-ink-muted">{THRESHOLD_INFO[key].help}</dd>
          </div>
        ))}
      </dl>
      {POLICY_TIERS.map((tier) => {
        const disabled = tier === "unclassified" && unclassifiedLikeHigh;
        const current = toThresholds(values[tier]);
        const atDefaults = sameAs(current, defaults);
        return (
          <fieldset key={tier} className="rounded-lg border border-line bg-surface px-5 pb-5 pt-1 shadow-xs">
            <legend className="sr-only">{TIERS[tier].label}</legend>
            <div className="flex flex-wrap items-center justify-between gap-3 border-b border-line py-3">
              <div>
                <p aria-hidden className="flex items-center gap-2 text-base font-semibold text-ink">
                  {TIERS[tier].label}
                  {disabled ? <Badge>Same as high risk</Badge> : atDefaults ? <Badge tone="neutral">Defaults</Badge> : <Badge tone="brand">Custom</Badge>}
                </p>
                <p className="text-sm text-ink-muted">{TIER_NOTES[tier]}</p>
              </div>
              {!disabled && !atDefaults && (
                <Button variant="ghost" size="sm" onClick={() => setValues({ ...values, [tier]: toValues(defaults) })}>Reset to defaults<span className="sr-only"> for {TIERS[tier].label}</span></Button>
              )}
            </div>
            {tier === "unclassified" && (
              <label className="mt-4 flex items-center gap-2 text-sm font-medium text-ink">
                <input type="checkbox" className="h-4 w-4 accent-brand" checked={unclassifiedLikeHigh} onChange={(e) => setUnclassifiedLikeHigh(e.target.checked)} />
                Judge unclassified models like high-risk ones
              </label>
            )}
            <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
              {THRESHOLD_KEYS.map((key) => {
                const info = THRESHOLD_INFO[key];
                const id = `${tier}-${key}`;
                const error = paths[`${tier}.${key}`];
                return (
                  <div key={key} className="flex flex-col">
                    <label htmlFor={id} className="flex min-h-10 items-end text-sm font-medium leading-5 text-ink">{info.label}</label>
                    <TextInput
                      id={id}
                      type="number"
                      inputMode={info.bound === "size" ? "numeric" : "decimal"}
                      step={info.bound === "size" ? 1 : 0.01}
                      min={info.bound === "size" ? 1 : 0}
                      max={info.bound === "size" ? undefined : 1}
                      value={disabled ? values.high[key] : values[tier][key]}
                      onChange={(e) => set(tier, key, e.target.value)}
                      disabled={disabled}
                      error={error}
                      className="mt-1.5 tabular-nums disabled:bg-slate-50 disabled:text-ink-muted"
                    />
                    {error ? <p id={`${id}-error`} className="mt-1 text-xs font-medium text-danger">{error}</p> : <p id={`${id}-help`} className="mt-1 text-xs text-ink-muted">Default {defaults[key]}</p>}
                  </div>
                );
              })}
            </div>
          </fieldset>
        );
      })}
      <div className="flex flex-wrap items-center gap-4 border-t border-line pt-4">
        <Button type="submit" disabled={save.isPending}>{save.isPending ? "Saving…" : "Save thresholds"}</Button>
        {save.isSuccess ? (
          <Alert tone="success" className="py-2">Thresholds saved. New evaluations are judged with them; evaluations already recorded keep the thresholds they were judged with.</Alert>
        ) : save.error ? (
          <p className="text-sm font-medium text-danger">Not saved: see the messages above.</p>
        ) : (
          <p className="text-sm text-ink-muted">Evaluations keep the thresholds they were judged with; saving does not re-judge them.</p>
        )}
      </div>
    </form>
  );
}
