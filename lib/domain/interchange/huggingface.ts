import { stringify } from "yaml";
import { MODEL_CARD_TEMPLATE, type TCardSection, type TModelCard } from "../model-card/template";
import { filledValue } from "../model-card/values";
import { TITLE_PREFIX } from "./huggingface-headings";
import { escapeBlock } from "./markdown";

export { fromHuggingFaceCard, HuggingFaceCardError, type THuggingFaceImport } from "./huggingface-import";

/*
 * Hugging Face model card (README.md) export. The layout is YAML metadata (the keys of the Hub's
 * model card metadata spec), a title, then "## <section title>" and "### <field label>" in
 * template order with empty fields and sections left out. huggingface-import.ts reads the
 * same layout back; the pair is byte-stable (export → import → export gives the same bytes).
 */

export interface THuggingFaceExportInput {
  card: TModelCard;
  model: { name: string; slug: string; purpose?: string | null; tags: readonly string[] };
  version: { version: string };
  datasets: readonly { role: string; name: string; version?: string | null; uri?: string | null }[];
  latestEvaluation?: { name: string; metrics: readonly { type: string; value: number; name?: string | null }[] } | null;
}

// Shown as the title and its lead paragraph rather than under "Model details".
const TITLE_FIELDS = new Set(["name", "description"]);

export function toHuggingFaceCard(input: THuggingFaceExportInput): string {
  const details = modelDetailsWithFallbacks(input);
  const card = { ...input.card, modelDetails: details };
  const parts: string[] = [];
  const metadata = huggingFaceMetadata(input, details);
  if (Object.keys(metadata).length > 0) parts.push(`---\n${stringify(metadata, { lineWidth: 0 })}---`);
  parts.push(`# ${TITLE_PREFIX}${details.name}`);
  if (details.description) parts.push(escapeBlock(details.description));
  for (const section of MODEL_CARD_TEMPLATE as readonly TCardSection[]) {
    const rendered = section.fields.flatMap((field) => {
      if (section.key === "modelDetails" && TITLE_FIELDS.has(field.key)) return [];
      const value = filledValue(card, section.key, field.key);
      if (value === null) return [];
      const text = Array.isArray(value) ? value.map((item) => `- ${item}`).join("\n") : escapeBlock(value);
      return [`### ${field.label}`, text];
    });
    if (rendered.length > 0) parts.push(`## ${section.title}`, ...rendered);
  }
  return `${parts.join("\n\n")}\n`;
}

/**
 * A README needs a title, and this card describes one version: where the card is silent, its
 * name, description and version come from the model record. A re-import therefore fills those
 * three fields, and exporting that again gives the same bytes.
 */
function modelDetailsWithFallbacks({ card, model, version }: THuggingFaceExportInput) {
  const details = card.modelDetails;
  const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();
  return {
    ...details,
    name: (filledValue(card, "modelDetails", "name") as string | null) ?? oneLine(model.name),
    version: (filledValue(card, "modelDetails", "version") as string | null) ?? oneLine(version.version),
    description: (filledValue(card, "modelDetails", "description") as string | null) ?? (model.purpose?.trim() || undefined),
  };
}

// An SPDX-style identifier goes in `license`; anything else is `license: other` plus its name, as the spec asks.
const LICENSE_ID = /^[A-Za-z0-9][A-Za-z0-9.+-]*$/;

function huggingFaceMetadata(input: THuggingFaceExportInput, details: TModelCard["modelDetails"] & { name: string }) {
  const metadata: Record<string, unknown> = {};
  const license = details.license;
  if (license) Object.assign(metadata, LICENSE_ID.test(license) ? { license } : { license: "other", license_name: license });
  const tags = unique(input.model.tags);
  if (tags.length > 0) metadata.tags = tags;
  const datasets = unique(input.datasets.map((d) => d.name));
  if (datasets.length > 0) metadata.datasets = datasets;
  const evaluation = input.latestEvaluation;
  if (evaluation && evaluation.metrics.length > 0) {
    metadata.metrics = unique(evaluation.metrics.map((m) => m.type));
    metadata["model-index"] = [{ name: details.name, results: [evaluationResult(input, details)] }];
  }
  return metadata;
}

/** One model-index result: the latest evaluation on the test set (else the validation set). */
function evaluationResult(input: THuggingFaceExportInput, details: TModelCard["modelDetails"]) {
  const evaluation = input.latestEvaluation!;
  const task = details.task ?? "other";
  const dataset = input.datasets.find((d) => d.role === "test") ?? input.datasets.find((d) => d.role === "validation");
  return {
    task: { type: task, name: details.modelType ?? task },
    dataset: dataset
      ? { type: dataset.name, name: dataset.name, split: dataset.role, revision: dataset.version ?? undefined }
      : { type: "custom", name: evaluation.name },
    metrics: evaluation.metrics.map((m) => ({ type: m.type, value: m.value, name: m.name ?? undefined })),
    source: { name: `Attest evaluation: ${evaluation.name}` },
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ""))];
}
