import { MODEL_CARD_TEMPLATE, type TCardField, type TCardSection } from "../model-card/template";

/*
 * Which card section or field a Markdown heading means. Attest's own exports use the template's
 * titles and labels; cards written elsewhere mostly follow the Hugging Face model card template
 * (huggingface_hub's modelcard_template.md) or the card transformers' Trainer writes, so their
 * usual headings are mapped too.
 */

/** The Hub's own template titles cards "Model Card for <name>"; the import strips it again. */
export const TITLE_PREFIX = "Model card for ";

export type THeadingTarget = { section: TCardSection; field: TCardField | null };

/** Case, accents, punctuation, spacing and "[optional]"/"(optional)" notes do not matter. */
export function headingKey(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/\[[^\]]*\]|\([^)]*\)/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

const SECTION_ALIASES: Record<string, readonly string[]> = {
  intendedUse: ["Uses", "Intended uses", "Intended uses & limitations"],
  trainingData: ["Training details", "Training and evaluation data"],
  evaluationData: ["Testing Data, Factors & Metrics"],
  quantitativeAnalyses: ["Evaluation", "Results", "Evaluation results"],
  ethicalConsiderations: ["Ethics"],
  caveatsAndRecommendations: ["Bias, Risks, and Limitations", "Limitations", "Risks and limitations", "Limitations and bias"],
  postMarketMonitoring: ["Monitoring"],
  requirements: ["Technical Specifications", "Compute Infrastructure"],
  deployerInstructions: ["How to Get Started with the Model", "How to use", "Usage"],
  additionalInformation: ["More Information"],
};

const FIELD_ALIASES: Record<string, readonly string[]> = {
  "modelDetails.description": ["Model Description"],
  "modelDetails.architecture": ["Model Architecture and Objective"],
  "modelDetails.citation": ["Citation", "BibTeX", "APA"],
  "modelDetails.contact": ["Model Card Contact"],
  "modelDetails.license": ["License"],
  "intendedUse.primaryUses": ["Direct Use"],
  "intendedUse.deploymentContext": ["Downstream Use"],
  "intendedUse.outOfScopeUses": ["Out-of-Scope Use"],
  "intendedUse.primaryUsers": ["Intended users"],
  "trainingData.preprocessing": ["Preprocessing"],
  "evaluationData.sources": ["Testing Data"],
  "caveatsAndRecommendations.recommendations": ["Recommendations"],
  "requirements.computeRequirements": ["Hardware"],
  "requirements.softwareDependencies": ["Software", "Framework versions"],
  "requirements.environmentalImpact": ["Environmental Impact"],
};

const SECTIONS = MODEL_CARD_TEMPLATE as readonly TCardSection[];

function buildIndex() {
  const sections = new Map<string, TCardSection>();
  const fields = new Map<string, THeadingTarget>();
  for (const section of SECTIONS) {
    for (const name of [section.title, section.key, ...(SECTION_ALIASES[section.key] ?? [])]) sections.set(headingKey(name), section);
  }
  // A field label used in one section only is unambiguous anywhere in the document.
  const labelCount = new Map<string, number>();
  for (const s of SECTIONS) for (const f of s.fields) labelCount.set(headingKey(f.label), (labelCount.get(headingKey(f.label)) ?? 0) + 1);
  for (const section of SECTIONS) {
    for (const field of section.fields) {
      if (labelCount.get(headingKey(field.label)) === 1) fields.set(headingKey(field.label), { section, field });
      for (const alias of FIELD_ALIASES[`${section.key}.${field.key}`] ?? []) fields.set(headingKey(alias), { section, field });
    }
  }
  return { sections, fields };
}

const INDEX = buildIndex();

/**
 * A heading's meaning, in this order: a field of the section being read (so "Sources" under
 * "Evaluation data" is that section's), then a section, then a field known document-wide.
 */
export function resolveHeading(text: string, current: TCardSection | null): THeadingTarget | null {
  const key = headingKey(text);
  const local = current?.fields.find((f) => headingKey(f.label) === key || headingKey(f.key) === key);
  if (current && local) return { section: current, field: local };
  const section = INDEX.sections.get(key);
  if (section) return { section, field: null };
  return INDEX.fields.get(key) ?? null;
}

/**
 * Text directly under a section heading, with no field heading, goes to the section's first
 * field (e.g. "Training Data" text to its sources) when that field takes prose or a list; it
 * still has to fit. A one-line first field (a name, an email) would take a stray sentence as
 * its value, so such sections send that text to notes.
 */
export function leadField(section: TCardSection): TCardField | null {
  const first = section.fields[0];
  return first?.type === "longtext" || first?.type === "list" ? first : null;
}
