"use client";

import { Field, TextInput } from "@/components/ui/field";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES } from "@/lib/domain/webhook-events";

const EVENT_OPTIONS = WEBHOOK_EVENT_TYPES.map((type) => ({
  value: type,
  label: (
    <>
      {WEBHOOK_EVENT_LABELS[type].label} <span className="font-mono text-xs font-normal text-ink-muted">{type}</span>
    </>
  ),
  description: WEBHOOK_EVENT_LABELS[type].description,
}));

/** The fields a form sends besides the events (which are controlled state). */
export const WEBHOOK_FIELDS = ["url", "description", "events"];

/**
 * A webhook's URL, description and events, shared by the new and the edit form. `idPrefix`
 * keeps the ids unique when several edit forms are on the page.
 */
export function WebhookFields({
  idPrefix = "",
  defaults,
  events,
  onEventsChange,
  errors,
}: {
  idPrefix?: string;
  defaults?: { url: string; description: string | null };
  events: string[];
  onEventsChange: (events: string[]) => void;
  errors: Record<string, string>;
}) {
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${idPrefix}url`} label="Receiver URL" help="http:// or https://, without credentials: receivers check the signature." error={errors.url}>
          <TextInput id={`${idPrefix}url`} name="url" type="url" required autoComplete="off" placeholder="https://ci.example.com/hooks/attest" defaultValue={defaults?.url} error={errors.url} />
        </Field>
        <Field id={`${idPrefix}description`} label="Description (optional)" help="What receives it, e.g. the deployment pipeline." error={errors.description}>
          <TextInput id={`${idPrefix}description`} name="description" autoComplete="off" maxLength={500} defaultValue={defaults?.description ?? undefined} error={errors.description} />
        </Field>
      </div>
      <CheckboxGroup id={`${idPrefix}events`} legend="Events" options={EVENT_OPTIONS} value={events} onChange={onEventsChange} error={errors.events} help="The receiver gets a signed POST for each of these." />
    </>
  );
}
