"use client";

import Link from "next/link";
import { useRef, useState, type FormEvent } from "react";
import { FormError } from "@/components/forms/form-error";
import { useApiMutation } from "@/components/forms/use-api-mutation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { TextArea } from "@/components/ui/text-area";
import { callApi } from "@/lib/api/client";
import { slugify } from "@/lib/services/models/schemas";

type RegisterModelBody = { name: string; slug?: string; purpose: string; businessUnit: string; tags: string[] };
type RegisteredModel = { slug: string; name: string };

const FIELDS = ["name", "slug", "purpose", "businessUnit", "tags"];

export function RegisterModelForm() {
  const form = useRef<HTMLFormElement>(null);
  const [name, setName] = useState("");
  const register = useApiMutation(
    (body: RegisterModelBody) => callApi<RegisteredModel>("/api/v1/models", { method: "POST", body }),
    () => {
      form.current?.reset();
      setName("");
    },
  );
  const errors = register.fieldErrors;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const slug = String(data.get("slug") ?? "").trim();
    register.mutate({
      name,
      ...(slug ? { slug } : {}),
      purpose: String(data.get("purpose") ?? ""),
      businessUnit: String(data.get("businessUnit") ?? ""),
      tags: String(data.get("tags") ?? "").split(",").map((t) => t.trim()).filter(Boolean),
    });
  }

  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError error={register.error} shownFields={FIELDS} />
      {register.isSuccess && (
        <Alert tone="success">
          Registered {register.data.name}.{" "}
          <Link href={`/models/${register.data.slug}`} className="font-semibold underline underline-offset-2">Open it to add its first version</Link>.
        </Alert>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="name" label="Name" error={errors.name}>
          <TextInput id="name" required autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
        </Field>
        <Field id="slug" label="Slug (optional)" help="The model's identifier in URLs and the API. Generated from the name when left empty." error={errors.slug}>
          <TextInput id="slug" autoComplete="off" className="font-mono" placeholder={slugify(name) || "credit-risk-scorer"} error={errors.slug} />
        </Field>
      </div>
      <Field id="purpose" label="Purpose" help="One or two sentences: what the model decides or recommends, and for whom. The model card holds the detail." error={errors.purpose}>
        <TextArea id="purpose" rows={3} maxLength={500} error={errors.purpose} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="businessUnit" label="Business unit" error={errors.businessUnit}>
          <TextInput id="businessUnit" autoComplete="off" placeholder="Retail Lending" error={errors.businessUnit} />
        </Field>
        <Field id="tags" label="Tags" help="Separate tags with commas, e.g. credit, tabular." error={errors.tags}>
          <TextInput id="tags" autoComplete="off" error={errors.tags} />
        </Field>
      </div>
      <Button type="submit" disabled={register.isPending}>{register.isPending ? "Registering…" : "Register model"}</Button>
    </form>
  );
}
