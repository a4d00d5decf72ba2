"use client";

import { useRef, useState, type FormEvent } from "react";
import { FormError } from "@/components/forms/form-error";
import { useApiMutation } from "@/components/forms/use-api-mutation";
import { Button } from "@/components/ui/button";
import { callApi } from "@/lib/api/client";
import { WEBHOOK_EVENT_TYPES } from "@/lib/domain/webhook-events";
import { WEBHOOK_FIELDS, WebhookFields } from "./webhook-fields";
import { WebhookSecret } from "./webhook-secret";

type Created = { webhook: { id: string; url: string }; secret: string };

export function CreateWebhookForm() {
  const form = useRef<HTMLFormElement>(null);
  const [events, setEvents] = useState<string[]>([...WEBHOOK_EVENT_TYPES]);
  const [created, setCreated] = useState<Created | null>(null);
  const create = useApiMutation(
    (body: { url: string; description: string; events: string[] }) => callApi<Created>("/api/v1/admin/webhooks", { method: "POST", body }),
    (result) => {
      setCreated(result);
      form.current?.reset();
      setEvents([...WEBHOOK_EVENT_TYPES]);
    },
  );
  const errors = create.fieldErrors;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setCreated(null);
    create.mutate({ url: String(data.get("url") ?? ""), description: String(data.get("description") ?? ""), events });
  }

  return (
    <div className="space-y-5">
      {created && <WebhookSecret url={created.webhook.url} secret={created.secret} onDismiss={() => setCreated(null)} />}
      <form ref={form} onSubmit={onSubmit} noValidate className="space-y-5">
        <FormError error={create.error} shownFields={WEBHOOK_FIELDS} />
        <WebhookFields events={events} onEventsChange={setEvents} errors={errors} />
        <Button type="submit" disabled={create.isPending}>{create.isPending ? "Adding…" : "Add webhook"}</Button>
      </form>
    </div>
  );
}
