"use client";

import { useRouter } from "next/navigation";
import { type FormEvent } from "react";
import { FormError } from "@/components/forms/form-error";
import { useApiMutation } from "@/components/forms/use-api-mutation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { TextArea } from "@/components/ui/text-area";
import { callApi } from "@/lib/api/client";

type Person = { email: string; name: string };
type ModelDetails = { slug: string; name: string; purpose: string; businessUnit: string; tags: string[]; ownerEmail: string; maintainers: Person[] };
type UpdateBody = { name: string; purpose: string; businessUnit: string; tags: string[]; ownerEmail: string; maintainerEmails: string[] };

const FIELDS = ["name", "purpose", "businessUnit", "tags", "ownerEmail", "maintainerEmails"];

/** The model's details, its accountable owner and its maintainers (other model owners who may edit). */
export function EditModelForm({ model, modelOwners }: { model: ModelDetails; modelOwners: Person[] }) {
  const router = useRouter();
  const update = useApiMutation(
    (body: UpdateBody) => callApi(`/api/v1/models/${encodeURIComponent(model.slug)}`, { method: "PATCH", body }),
    () => router.refresh(),
  );
  const errors = update.fieldErrors;
  const maintainerEmails = new Set(model.maintainers.map((m) => m.email));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    update.mutate({
      name: String(data.get("model-name") ?? ""),
      purpose: String(data.get("model-purpose") ?? ""),
      businessUnit: String(data.get("model-business-unit") ?? ""),
      tags: String(data.get("model-tags") ?? "").split(",").map((t) => t.trim()).filter(Boolean),
      ownerEmail: String(data.get("model-owner") ?? ""),
      maintainerEmails: data.getAll("model-maintainers").map(String),
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError error={update.error} shownFields={FIELDS} />
      {update.isSuccess && <Alert tone="success">Saved the model&apos;s details.</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="model-name" label="Model name" error={errors.name}>
          <TextInput id="model-name" defaultValue={model.name} required error={errors.name} />
        </Field>
        <Field id="model-business-unit" label="Business unit" error={errors.businessUnit}>
          <TextInput id="model-business-unit" defaultValue={model.businessUnit} error={errors.businessUnit} />
        </Field>
      </div>
      <Field id="model-purpose" label="Short purpose" error={errors.purpose}>
        <TextArea id="model-purpose" rows={2} maxLength={500} defaultValue={model.purpose} error={errors.purpose} />
      </Field>
      <Field id="model-tags" label="Model tags" help="Separate tags with commas." error={errors.tags}>
        <TextInput id="model-tags" defaultValue={model.tags.join(", ")} error={errors.tags} />
      </Field>
      <Field id="model-owner" label="Accountable owner" help="Every model has one accountable owner: hand it over, never leave it empty." error={errors.ownerEmail}>
        <Select id="model-owner" defaultValue={model.ownerEmail} error={errors.ownerEmail}>
          {modelOwners.map((p) => <option key={p.email} value={p.email}>{p.name} ({p.email})</option>)}
        </Select>
      </Field>
      <fieldset>
        <legend className="text-sm font-medium text-ink">Maintainers</legend>
        <p className="text-xs text-ink-muted">Other model owners who may add versions, edit cards and upload evaluations.</p>
        <div className="mt-2 grid gap-1.5 sm:grid-cols-2">
          {modelOwners.filter((p) => p.email !== model.ownerEmail).map((p) => (
            <label key={p.email} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="model-maintainers" value={p.email} defaultChecked={maintainerEmails.has(p.email)} className="h-4 w-4 rounded border-slate-300" />
              {p.name} <span className="text-ink-muted">({p.email})</span>
            </label>
          ))}
        </div>
        {errors.maintainerEmails && <p className="mt-1 text-xs font-medium text-danger">{errors.maintainerEmails}</p>}
      </fieldset>
      <Button type="submit" disabled={update.isPending}>{update.isPending ? "Saving…" : "Save details"}</Button>
    </form>
  );
}
