"use client";

import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";

export const DATASET_ROLES = ["training", "validation", "test", "monitoring"] as const;

export type DatasetRow = { key: number; role: (typeof DATASET_ROLES)[number]; name: string; version: string; uri: string; contentHash: string };

const ROLE_LABELS = { training: "Training", validation: "Validation", test: "Test", monitoring: "Monitoring" } as const;

/**
 * The data lineage of a new version: rows added and removed in place. Errors arrive keyed by
 * the row's position as the API numbers it ("datasets.1.name").
 */
export function DatasetRows({ rows, onChange, errors }: { rows: DatasetRow[]; onChange: (rows: DatasetRow[]) => void; errors: Record<string, string> }) {
  const update = (key: number, change: Partial<DatasetRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const add = () => onChange([...rows, { key: Math.max(0, ...rows.map((r) => r.key)) + 1, role: rows.length === 0 ? "training" : "test", name: "", version: "", uri: "", contentHash: "" }]);

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-ink">Datasets</legend>
      <p className="text-xs text-ink-muted">The data this version was trained, validated, tested or is monitored on, pinned to a version and, where you have one, a content hash.</p>
      {errors.datasets && <p className="text-xs font-medium text-danger">{errors.datasets}</p>}
      {rows.map((row, index) => {
        const id = (field: string) => `dataset-${row.key}-${field}`;
        const error = (field: string) => errors[`datasets.${index}.${field}`];
        return (
          <fieldset key={row.key} className="rounded-md border border-line bg-slate-50/60 p-3">
            <legend className="px-1 text-xs font-semibold uppercase tracking-wide text-ink-muted">Dataset {index + 1}</legend>
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[8.5rem_minmax(0,1.2fr)_minmax(0,0.7fr)_minmax(0,1.6fr)]">
              <Field id={id("role")} label="Role" error={error("role")}>
                <Select id={id("role")} value={row.role} onChange={(e) => update(row.key, { role: e.target.value as DatasetRow["role"] })} error={error("role")}>
                  {DATASET_ROLES.map((role) => <option key={role} value={role}>{ROLE_LABELS[role]}</option>)}
                </Select>
              </Field>
              <Field id={id("name")} label="Name" error={error("name")}>
                <TextInput id={id("name")} value={row.name} onChange={(e) => update(row.key, { name: e.target.value })} autoComplete="off" error={error("name")} />
              </Field>
              <Field id={id("version")} label="Dataset version" error={error("version")}>
                <TextInput id={id("version")} value={row.version} onChange={(e) => update(row.key, { version: e.target.value })} autoComplete="off" error={error("version")} />
              </Field>
              <Field id={id("uri")} label="URI" error={error("uri")}>
                <TextInput id={id("uri")} value={row.uri} onChange={(e) => update(row.key, { uri: e.target.value })} autoComplete="off" className="font-mono" placeholder="dvc://… · lakehouse://… · mlflow:…" error={error("uri")} />
              </Field>
            </div>
            <div className="mt-3 flex flex-wrap items-end gap-3">
              <div className="min-w-0 flex-1">
                <Field id={id("contentHash")} label="Content hash (SHA-256, optional)" error={error("contentHash")}>
                  <TextInput id={id("contentHash")} value={row.contentHash} onChange={(e) => update(row.key, { contentHash: e.target.value })} autoComplete="off" spellCheck={false} className="font-mono text-xs" error={error("contentHash")} />
                </Field>
              </div>
              <Button variant="ghost" size="sm" onClick={() => onChange(rows.filter((r) => r.key !== row.key))}>
                Remove<span className="sr-only"> dataset {index + 1}</span>
              </Button>
            </div>
          </fieldset>
        );
      })}
      <Button variant="secondary" size="sm" onClick={add}>{rows.length === 0 ? "Add a dataset" : "Add another dataset"}</Button>
    </fieldset>
  );
}
