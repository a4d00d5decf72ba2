"use client";

import { useState, type FormEvent } from "react";
import { FormError } from "@/components/forms/form-error";
import { useApiMutation } from "@/components/forms/use-api-mutation";
import { Button } from "@/components/ui/button";
import { callApi } from "@/lib/api/client";
import { WEBHOOK_FIELDS, WebhookFields } from "./webhook-fields";

type Hook = { id: string; url: string; description: string | null; events: string[] };

/** Changes a webhook's URL, description or events in place; the secret and the log stay. */
export function EditWebhookForm({ hook }: { hook: Hook }) {
  const [open, setOpen] = useState(false);
  const [events, setEvents] = useState<string[]>(hook.events);
  const [saved, setSaved] = useState(false);
  const save = useApiMutation(
    (body: { url: string; description: string; events: string[] }) => callApi(`/api/v1/admin/webhooks/${hook.id}`, { method: "PATCH", body }),
    () => {
      setOpen(false);
      setSaved(true);
    },
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    save.mutate({ url: String(data.get("url") ?? ""), description: String(data.get("description") ?? ""), events });
  }

  function cancel() {
    setOpen(false);
    setEvents(hook.events);
    save.reset();
  }

  if (!open) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" size="sm" aria-label={`Edit webhook ${hook.url}`} onClick={() => {
            setSaved(false);
            setEvents(hook.events);
            setOpen(true);
          }}>
          Edit
        </Button>
        {saved && <p role="status" className="text-xs text-success">Saved. New deliveries go to the address and events shown above.</p>}
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Edit webhook ${hook.url}`} className="space-y-5 rounded-md border border-line bg-slate-50 p-4">
      <FormError error={save.error} shownFields={WEBHOOK_FIELDS} />
      <WebhookFields idPrefix={`webhook-${hook.id}-`} defaults={hook} events={events} onEventsChange={setEvents} errors={save.fieldErrors} />
      <p className="text-xs text-ink-muted">The signing secret stays the same. Deliveries still waiting for a retry go to the new address.</p>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={save.isPending}>{save.isPending ? "Saving…" : "Save changes"}</Button>
        <Button type="button" variant="ghost" size="sm" onClick={cancel}>Cancel</Button>
      </div>
    </form>
  );
}
