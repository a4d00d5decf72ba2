"use client";

import { useRef, useState, type FormEvent } from "react";
import { FormError } from "@/components/forms/form-error";
import { useApiMutation } from "@/components/forms/use-api-mutation";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { Field, Select, TextInput } from "@/components/ui/field";
import { OneTimeSecret } from "@/components/ui/one-time-secret";
import { callApi } from "@/lib/api/client";
import { SCOPE_OPTIONS } from "./scope-options";

type CreateTokenBody = { ownerEmail: string; name: string; scopes: string[]; expiresInDays: number | null };
type CreatedToken = { id: string; name: string; secret: string };

const FIELDS = ["ownerEmail", "name", "scopes", "expiresInDays"];

export function CreateTokenForm({ owners }: { owners: { email: string; name: string }[] }) {
  const form = useRef<HTMLFormElement>(null);
  const [scopes, setScopes] = useState<string[]>([]);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const create = useApiMutation(
    (body: CreateTokenBody) => callApi<CreatedToken>("/api/v1/admin/tokens", { method: "POST", body }),
    (result) => {
      setCreated(result);
      form.current?.reset();
      setScopes([]);
    },
  );
  const errors = create.fieldErrors;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const days = String(data.get("expiresInDays") ?? "").trim();
    setCreated(null);
    create.mutate({ ownerEmail: String(data.get("ownerEmail") ?? ""), name: String(data.get("name") ?? ""), scopes, expiresInDays: days ? Number(days) : null });
  }

  return (
    <div className="space-y-5">
      {created && (
        <OneTimeSecret
          title={`Secret for “${created.name}”`}
          secret={created.secret}
          testId="api-token-secret"
          onDismiss={() => setCreated(null)}
          example={<pre className="mt-3 overflow-x-auto rounded-md bg-ink px-3 py-2 font-mono text-xs text-white">{`curl -H "Authorization: Bearer ${created.secret}" ${window.location.origin}/api/v1/models`}</pre>}
        >
          Copy it into your pipeline&apos;s secret store now: Attest keeps only a hash and cannot show it again. Anyone holding it acts as the token&apos;s owner
          within its scopes.
        </OneTimeSecret>
      )}
      <form ref={form} onSubmit={onSubmit} noValidate className="space-y-5">
        <FormError error={create.error} shownFields={FIELDS} />
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id="ownerEmail" label="Owner" help="The token acts as this person, limited to its scopes." error={errors.ownerEmail}>
            <Select id="ownerEmail" required defaultValue="" error={errors.ownerEmail}>
              <option value="" disabled>Choose an active user…</option>
              {owners.map((owner) => (
                <option key={owner.email} value={owner.email}>{owner.name} ({owner.email})</option>
              ))}
            </Select>
          </Field>
          <Field id="name" label="Token name" help="Name it after what uses it, e.g. credit-risk CI." error={errors.name}>
            <TextInput id="name" required autoComplete="off" error={errors.name} />
          </Field>
          <Field id="expiresInDays" label="Expires after (days)" help="1 to 730. Leave empty for no expiry." error={errors.expiresInDays}>
            <TextInput id="expiresInDays" type="number" min={1} max={730} step={1} inputMode="numeric" error={errors.expiresInDays} />
          </Field>
        </div>
        <CheckboxGroup id="scopes" legend="Scopes" options={SCOPE_OPTIONS} value={scopes} onChange={setScopes} error={errors.scopes} help="Grant only what the pipeline needs. A scope never gives more than the owner's roles allow." />
        <Button type="submit" disabled={create.isPending}>{create.isPending ? "Creating…" : "Create token"}</Button>
      </form>
    </div>
  );
}
