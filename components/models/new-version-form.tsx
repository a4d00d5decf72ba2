"use client";

import Link from "next/link";
import { useRef, useState, type FormEvent } from "react";
import { FormError } from "@/components/forms/form-error";
import { useApiMutation } from "@/components/forms/use-api-mutation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { callApi } from "@/lib/api/client";
import { DatasetRows, type DatasetRow } from "./dataset-rows";

type NewVersionBody = {
  version: string;
  framework: string | null;
  artifactUri: string | null;
  experimentRef: string | null;
  datasets: Omit<DatasetRow, "key">[];
  copyCardFrom: string | null;
};

/** An earlier version whose card can be copied forward; revision null when it has no card yet. */
export type CardSource = { version: string; revision: number | null };

const FIELDS = ["version", "framework", "artifactUri", "experimentRef", "datasets", "copyCardFrom"];

export function NewVersionForm({ slug, earlierVersions }: { slug: string; earlierVersions: CardSource[] }) {
  const form = useRef<HTMLFormElement>(null);
  const [datasets, setDatasets] = useState<DatasetRow[]>([]);
  const create = useApiMutation(
    (body: NewVersionBody) => callApi<{ version: string }>(`/api/v1/models/${encodeURIComponent(slug)}/versions`, { method: "POST", body }),
    () => {
      form.current?.reset();
      setDatasets([]);
    },
  );
  const errors = create.fieldErrors;
  const copyable = earlierVersions.filter((v) => v.revision !== null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const optional = (key: string) => String(data.get(key) ?? "").trim() || null;
    create.mutate({
      version: String(data.get("version") ?? ""),
      framework: optional("framework"),
      artifactUri: optional("artifactUri"),
      experimentRef: optional("experimentRef"),
      datasets: datasets.map(({ key: _key, ...dataset }) => dataset),
      copyCardFrom: optional("copyCardFrom"),
    });
  }

  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="space-y-5">
      <FormError error={create.error} shownFields={FIELDS} />
      {create.isSuccess && (
        <Alert tone="success">
          Version {create.data.version} created as a draft.{" "}
          <Link href={`/models/${slug}/versions/${encodeURIComponent(create.data.version)}/card`} className="font-semibold underline underline-offset-2">Open its model card</Link>.
        </Alert>
      )}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_minmax(0,2fr)]">
        <Field id="version" label="Version" help="e.g. 2.1.0" error={errors.version}>
          <TextInput id="version" required autoComplete="off" className="font-mono" error={errors.version} />
        </Field>
        <Field id="framework" label="Framework" help="e.g. xgboost 2.1" error={errors.framework}>
          <TextInput id="framework" autoComplete="off" error={errors.framework} />
        </Field>
        <Field id="artifactUri" label="Artifact URI" help="Where the trained artefact lives, e.g. s3://models/…" error={errors.artifactUri}>
          <TextInput id="artifactUri" autoComplete="off" className="font-mono" error={errors.artifactUri} />
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="experimentRef" label="Experiment reference" help="The training run that produced it, e.g. an MLflow run id." error={errors.experimentRef}>
          <TextInput id="experimentRef" autoComplete="off" className="font-mono" error={errors.experimentRef} />
        </Field>
        {copyable.length > 0 && (
          <Field id="copyCardFrom" label="Copy the card from" help="The chosen version's current card becomes this version's first revision." error={errors.copyCardFrom}>
            <Select id="copyCardFrom" defaultValue="" error={errors.copyCardFrom}>
              <option value="">Start with an empty card</option>
              {copyable.map((v) => (
                <option key={v.version} value={v.version}>{`Version ${v.version} (revision ${v.revision})`}</option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      <DatasetRows rows={datasets} onChange={setDatasets} errors={create.error?.paths ?? {}} />
      <div className="border-t border-line pt-4">
        <Button type="submit" disabled={create.isPending}>{create.isPending ? "Adding…" : "Add version"}</Button>
      </div>
    </form>
  );
}
