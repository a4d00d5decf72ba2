"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { Field, Select, TextInput } from "@/components/ui/field";
import { previewCsv, guessMapping, type CsvPreview } from "./csv-preview";
import { formatBytes, formatCount } from "./format";
import { uploadPredictions, type UploadFailure, type UploadProgress } from "./upload-predictions";

const MAX_BYTES = 512 * 1024 * 1024;

type Errors = Partial<Record<"file" | "label" | "prediction" | "sensitive" | "positive" | "name" | "latency" | "references", string>>;

type Upload = { state: "idle" } | { state: "uploading"; progress: UploadProgress } | { state: "failed"; failure: UploadFailure };

/** Columns a list in the API's query string cannot carry (it splits on commas). */
const unsendable = (name: string) => name.includes(",");

/**
 * The predictions upload: choose a file, map its columns (read from its first lines in the
 * browser), choose the fairness comparisons, then stream it to the API with real progress.
 */
export function UploadForm({ slug, version, detailPath }: { slug: string; version: string; detailPath: string }) {
  const router = useRouter();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [label, setLabel] = useState("");
  const [prediction, setPrediction] = useState("");
  const [score, setScore] = useState("");
  const [sensitive, setSensitive] = useState<string[]>([]);
  const [positive, setPositive] = useState("1");
  const [references, setReferences] = useState<Record<string, string>>({});
  const [intersections, setIntersections] = useState<string[]>([]);
  const [name, setName] = useState("");
  const [latency, setLatency] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [upload, setUpload] = useState<Upload>({ state: "idle" });
  const abort = useRef<(() => void) | null>(null);

  useEffect(() => () => abort.current?.(), []);

  async function chooseFile(chosen: File | null) {
    setFile(chosen);
    setPreview(null);
    setUpload({ state: "idle" });
    setErrors({});
    if (!chosen) return;
    if (chosen.size > MAX_BYTES) {
      setErrors({ file: `The file is ${formatBytes(chosen.size)}; a predictions file is at most ${formatBytes(MAX_BYTES)}.` });
      return;
    }
    try {
      const read = await previewCsv(chosen);
      const guess = guessMapping(read.header);
      setPreview(read);
      setLabel(guess.label);
      setPrediction(guess.prediction);
      setScore(guess.score);
      setSensitive(guess.sensitive);
      setReferences({});
      setIntersections([]);
      const labelValues = guess.label ? read.values[guess.label] ?? [] : [];
      setPositive(labelValues.length === 0 || labelValues.includes("1") ? "1" : (labelValues.find((v) => /^(true|yes|y|positive|pos)$/i.test(v)) ?? "1"));
      setName((current) => current || chosen.name.replace(/\.(csv|tsv|txt)$/i, ""));
    } catch (error) {
      setErrors({ file: error instanceof Error ? error.message : "The file could not be read." });
    }
  }

  const columns = preview?.header ?? [];
  const roleTaken = new Set([label, prediction, score].filter(Boolean));
  const attributeOptions = columns.filter((c) => !roleTaken.has(c));
  const chosenSensitive = columns.filter((c) => sensitive.includes(c) && !roleTaken.has(c));
  const pairs = chosenSensitive.flatMap((a, i) => chosenSensitive.slice(i + 1).map((b) => [a, b] as const)).filter(([a, b]) => !a.includes("*") && !b.includes("*"));
  const pairKeys = new Set(pairs.map(([a, b]) => `${a}*${b}`));
  const chosenIntersections = intersections.filter((key) => pairKeys.has(key));
  const labelValues = label ? preview?.values[label] ?? [] : [];

  function validate(): Errors {
    const found: Errors = {};
    if (!file || !preview) found.file = "Choose the predictions file: a CSV or TSV with a header row.";
    if (!label) found.label = "Choose the column of true labels.";
    if (!prediction) found.prediction = "Choose the column of predicted labels.";
    else if (prediction === label) found.prediction = "The predicted label must be a different column from the true label.";
    if (chosenSensitive.length === 0) found.sensitive = "Choose at least one sensitive attribute: the groups the fairness checks compare.";
    else if (chosenSensitive.some(unsendable)) found.sensitive = `Column names with a comma cannot be sent as sensitive attributes: ${chosenSensitive.filter(unsendable).join("; ")}.`;
    if (!positive.trim()) found.positive = "Name the label value that counts as positive, e.g. 1.";
    const badReference = chosenSensitive.find((c) => unsendable(references[c] ?? ""));
    if (badReference) found.references = `A reference group with a comma cannot be sent (${badReference}).`;
    if (!name.trim()) found.name = "Name the evaluation, e.g. “holdout 2026-Q3”.";
    if (latency.trim() && !(Number(latency) >= 0)) found.latency = "Give the latency in milliseconds as a number, e.g. 12.5, or leave it empty.";
    return found;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0 || !file || !preview) return;
    const query = new URLSearchParams({ name: name.trim(), label, prediction });
    if (score) query.set("score", score);
    query.set("sensitive", chosenSensitive.join(","));
    query.set("positive", positive);
    for (const column of chosenSensitive) {
      const group = references[column];
      if (group) query.append("reference", `${column}:${group}`);
    }
    for (const key of chosenIntersections) query.append("intersections", key);
    if (latency.trim()) query.set("latencyMs", String(Number(latency)));
    const url = `/api/v1/models/${encodeURIComponent(slug)}/versions/${encodeURIComponent(version)}/evaluations?${query}`;
    const contentType = preview.delimiter === "\t" ? "text/tab-separated-values" : "text/csv";
    setUpload({ state: "uploading", progress: { bytesSent: 0, bytesTotal: file.size, rows: null, phase: "sending" } });
    const request = uploadPredictions({ url, file, contentType, onProgress: (progress) => setUpload({ state: "uploading", progress }) });
    abort.current = request.abort;
    try {
      const evaluation = await request.done;
      abort.current = null;
      router.push(`${detailPath}/${evaluation.id}`);
    } catch (failure) {
      abort.current = null;
      setUpload({ state: "failed", failure: failure as UploadFailure });
    }
  }

  const busy = upload.state === "uploading";

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-busy={busy}>
      <Section step={1} title="Choose the file" description="A CSV or TSV (UTF-8, first row the column names) with one row per prediction. Only its first lines are read here; the whole file is streamed to Attest when you upload it. The rows are not stored: Attest keeps the file's SHA-256 and the per-group counts.">
        <Field id={`${id}-file`} label="Predictions file" error={errors.file} help={file && preview ? `${file.name} · ${formatBytes(file.size)} · ${preview.header.length} columns, ${preview.delimiter === "\t" ? "tab" : "comma"}-separated` : "At most 512 MB."}>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
            disabled={busy}
            aria-invalid={errors.file ? true : undefined}
            aria-describedby={errors.file ? `${id}-file-error` : `${id}-file-help`}
            onChange={(e) => void chooseFile(e.target.files?.[0] ?? null)}
            className="block w-full text-sm text-ink file:mr-4 file:h-10 file:cursor-pointer file:rounded-md file:border file:border-line file:bg-white file:px-4 file:text-sm file:font-medium file:text-ink hover:file:bg-slate-50"
          />
        </Field>
      </Section>

      {preview && (
        <>
          <Section step={2} title="Columns" description="Which column holds what. The true and predicted labels must hold the positive label and one other value.">
            <div className="grid gap-4 md:grid-cols-3">
              <Field id={`${id}-label`} label="True label" error={errors.label}>
                <Select id={`${id}-label`} value={label} onChange={(e) => setLabel(e.target.value)} error={errors.label} disabled={busy}>
                  <option value="">Choose a column…</option>
                  {columns.map((c) => <option key={c} value={c}>{c}</option>)}
                </Select>
              </Field>
              <Field id={`${id}-prediction`} label="Predicted label" error={errors.prediction}>
                <Select id={`${id}-prediction`} value={prediction} onChange={(e) => setPrediction(e.target.value)} error={errors.prediction} disabled={busy}>
                  <option value="">Choose a column…</option>
                  {columns.map((c) => <option key={c} value={c}>{c}</option>)}
                </Select>
              </Field>
              <Field id={`${id}-score`} label="Score (optional)" help="A probability or score column gives ROC-AUC.">
                <Select id={`${id}-score`} value={score} onChange={(e) => setScore(e.target.value)} disabled={busy}>
                  <option value="">No score column</option>
                  {columns.filter((c) => c !== label && c !== prediction).map((c) => <option key={c} value={c}>{c}</option>)}
                </Select>
              </Field>
            </div>
            <div className="mt-4 max-w-md">
              <Field
                id={`${id}-positive`}
                label="Positive label"
                error={errors.positive}
                help={labelValues.length > 0 ? `Values of ${label} in the first ${formatCount(preview.sampledRows)} rows: ${labelValues.slice(0, 6).map((v) => `“${v}”`).join(", ")}${labelValues.length > 6 ? "…" : ""}` : "The label value that means a positive outcome (selected, approved, flagged)."}
              >
                <TextInput id={`${id}-positive`} value={positive} onChange={(e) => setPositive(e.target.value)} list={`${id}-positive-values`} autoComplete="off" className="font-mono" error={errors.positive} disabled={busy} />
                <datalist id={`${id}-positive-values`}>{labelValues.map((v) => <option key={v} value={v} />)}</datalist>
              </Field>
              {labelValues.length > 0 && labelValues.length <= 6 && (
                <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-ink-muted">
                  <span>Use:</span>
                  {labelValues.map((v) => (
                    <button key={v} type="button" onClick={() => setPositive(v)} aria-pressed={positive === v} disabled={busy}
                      className="rounded-full border border-line bg-white px-2.5 py-0.5 font-mono text-ink hover:bg-slate-50 aria-pressed:border-brand aria-pressed:bg-brand-soft">
                      {v === "" ? "(empty)" : v}
                    </button>
                  ))}
                </div>
              )}
            </div>
          </Section>

          <Section step={3} title="Fairness" description="The groups to compare. Each sensitive attribute is checked on its own; intersections check the combinations (e.g. women of one ethnicity), where disparities often hide.">
            {attributeOptions.length === 0 ? (
              <p className="text-sm text-ink-muted">Every column is already mapped above; the file needs at least one more column, such as sex or age group.</p>
            ) : (
              <CheckboxGroup
                id={`${id}-sensitive`}
                legend="Sensitive attributes"
                options={attributeOptions.map((c) => ({ value: c, label: c, description: sampleOf(preview.values[c]) }))}
                value={chosenSensitive}
                onChange={setSensitive}
                error={errors.sensitive}
                columns={2}
              />
            )}
            {chosenSensitive.length > 0 && (
              <div className="mt-5 space-y-2">
                <h3 className="text-sm font-medium text-ink">Reference groups <span className="font-normal text-ink-muted">(optional)</span></h3>
                <p className="text-xs text-ink-muted">Name a reference (privileged) group to see every other group compared with it, as AIF360 reports it. Leave empty to compare groups with each other only.</p>
                {errors.references && <p className="text-xs font-medium text-danger">{errors.references}</p>}
                <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                  {chosenSensitive.map((column, i) => (
                    <Field key={column} id={`${id}-reference-${i}`} label={`Reference group for ${column}`}>
                      <TextInput
                        id={`${id}-reference-${i}`}
                        value={references[column] ?? ""}
                        onChange={(e) => setReferences({ ...references, [column]: e.target.value })}
                        list={`${id}-reference-${i}-values`}
                        autoComplete="off"
                        placeholder="No reference group"
                        disabled={busy}
                      />
                      <datalist id={`${id}-reference-${i}-values`}>{(preview.values[column] ?? []).map((v) => <option key={v} value={v} />)}</datalist>
                    </Field>
                  ))}
                </div>
              </div>
            )}
            {pairs.length > 0 && (
              <div className="mt-5">
                <CheckboxGroup
                  id={`${id}-intersections`}
                  legend="Intersections (optional)"
                  options={pairs.map(([a, b]) => ({ value: `${a}*${b}`, label: `${a} × ${b}` }))}
                  value={chosenIntersections}
                  onChange={setIntersections}
                  help="Small intersectional groups are common: those under the policy's minimum group size are reported but not judged."
                  columns={2}
                />
              </div>
            )}
          </Section>

          <Section step={4} title="Evaluate" description="The result is judged against the fairness thresholds of this model's risk tier, and keeps those thresholds.">
            <div className="grid gap-4 sm:grid-cols-2">
              <Field id={`${id}-name`} label="Evaluation name" error={errors.name} help="What data this is, e.g. “holdout 2026-Q3”.">
                <TextInput id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} maxLength={120} autoComplete="off" error={errors.name} disabled={busy} />
              </Field>
              <Field id={`${id}-latency`} label="Inference latency (ms)" error={errors.latency} help="Optional: the model's measured latency per prediction, for comparing versions.">
                <TextInput id={`${id}-latency`} value={latency} onChange={(e) => setLatency(e.target.value)} inputMode="decimal" autoComplete="off" error={errors.latency} disabled={busy} />
              </Field>
            </div>

            {upload.state === "failed" && <UploadError failure={upload.failure} />}
            {upload.state === "uploading" && <ProgressPanel progress={upload.progress} />}

            <div className="mt-5 flex flex-wrap items-center gap-3 border-t border-line pt-4">
              <Button type="submit" disabled={busy}>{busy ? "Uploading…" : "Upload and evaluate"}</Button>
              {busy && <Button variant="secondary" onClick={() => abort.current?.()}>Cancel upload</Button>}
            </div>
          </Section>
        </>
      )}
    </form>
  );
}

function sampleOf(values: string[] | undefined): string | undefined {
  if (!values || values.length === 0) return undefined;
  const shown = values.slice(0, 4).map((v) => (v === "" ? "(empty)" : v)).join(", ");
  return values.length > 4 ? `${shown}, … (${values.length >= 50 ? "50+" : values.length} values seen)` : shown;
}

function Section({ step, title, description, children }: { step: number; title: string; description: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-line bg-surface shadow-xs">
      <header className="flex items-start gap-3 border-b border-line px-5 py-4">
        <span aria-hidden className="grid h-6 w-6 shrink-0 place-items-center rounded-full bg-brand text-xs font-semibold text-white">{step}</span>
        <div>
          <h2 id={headingId} className="text-base font-semibold">{title}</h2>
          <p className="mt-0.5 max-w-3xl text-sm text-ink-muted">{description}</p>
        </div>
      </header>
      <div className="p-5">{children}</div>
    </section>
  );
}

function ProgressPanel({ progress }: { progress: UploadProgress }) {
  const percent = progress.bytesTotal === 0 ? 100 : Math.min(100, Math.round((progress.bytesSent / progress.bytesTotal) * 100));
  const rows = progress.rows === null ? null : `${formatCount(progress.rows)} rows processed`;
  const text =
    progress.phase === "evaluating"
      ? `All ${formatBytes(progress.bytesTotal)} sent · ${rows ?? "counting rows"} · computing the metrics…`
      : `${formatBytes(progress.bytesSent)} of ${formatBytes(progress.bytesTotal)} sent${rows ? ` · ${rows}` : " · rows are counted as they arrive"}`;
  return (
    <div className="mt-5 rounded-md border border-indigo-200 bg-brand-soft/40 px-4 py-3">
      <div
        role="progressbar"
        aria-label="Upload progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
        className="h-2.5 w-full overflow-hidden rounded-full bg-white ring-1 ring-inset ring-indigo-200"
      >
        <div className="h-full rounded-full bg-brand transition-[width] duration-200" style={{ width: `${percent}%` }} />
      </div>
      <p aria-live="polite" className="mt-2 text-sm tabular-nums text-brand-strong">{text}</p>
    </div>
  );
}

function UploadError({ failure }: { failure: UploadFailure }) {
  const where = failure.row !== null || failure.column !== null || failure.value !== null;
  return (
    <Alert tone="danger" title="The file was not evaluated" className="mt-5">
      <p className="break-words">{failure.message}</p>
      {where && (
        <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-0.5">
          {failure.row !== null && (<><dt className="font-medium">Row</dt><dd className="tabular-nums">{formatCount(failure.row)} <span className="text-xs">(the header is row 1)</span></dd></>)}
          {failure.column !== null && (<><dt className="font-medium">Column</dt><dd className="break-words font-mono">{failure.column}</dd></>)}
          {failure.value !== null && (<><dt className="font-medium">Value</dt><dd className="break-all font-mono">{JSON.stringify(failure.value)}</dd></>)}
        </dl>
      )}
      <p className="mt-2 text-xs">Nothing was stored. Fix the file or the mapping and upload again.</p>
    </Alert>
  );
}
