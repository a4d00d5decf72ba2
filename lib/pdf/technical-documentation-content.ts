import { isRequired, sectionOf, type TCardField, type TModelCardValue, type TRiskTier } from "@/lib/domain/model-card/template";
import { filledValue } from "@/lib/domain/model-card/values";
import { ANNEX_IV, type TAnnexIVPoint, type TAnnexIVRecord, type TCardFieldRef } from "./annex-iv";
import type { TTechnicalDocumentationData } from "./technical-documentation-data";

/*
 * What the technical documentation says, decided once, before any layout: which card value
 * goes where, what is missing, and the evidence manifest. The template prints exactly this, so
 * every "Not provided" printed in place is, by construction, also on the completeness summary.
 */

export interface TFieldEntry {
  ref: TCardFieldRef;
  sectionTitle: string;
  field: TCardField;
  value: TModelCardValue | null;
  /** Required for the system's tier (an unclassified system is held to the high-risk tier). */
  required: boolean;
}

export interface TMissingItem {
  /** The Annex IV point ("2(d)") or part of the document ("Cover") where "Not provided" is printed. */
  where: string;
  what: string;
}

export function documentTier(data: TTechnicalDocumentationData): TRiskTier | null {
  return data.classification?.tier ?? null;
}

export function fieldEntry(data: TTechnicalDocumentationData, ref: TCardFieldRef): TFieldEntry {
  const [sectionKey, fieldKey] = ref;
  const section = sectionOf(sectionKey);
  const field = section?.fields.find((f) => f.key === fieldKey);
  if (!section || !field) throw new Error(`Annex IV mapping names an unknown card field ${sectionKey}.${fieldKey}.`);
  return {
    ref,
    sectionTitle: section.title,
    field,
    value: data.card ? filledValue(data.card.content, sectionKey, fieldKey) : null,
    required: isRequired(field, documentTier(data)),
  };
}

export const fieldSource = (entry: TFieldEntry): string => `Model card › ${entry.sectionTitle} › ${entry.field.label}`;

/** Annex V point 7 applies when a notified body takes part: Annex III point 1 (biometrics) or an Annex I product. */
export function notifiedBodyRequired(data: TTechnicalDocumentationData): boolean {
  const c = data.classification;
  if (!c) return false;
  return c.annexIProduct || c.legalBasis.some((b) => (b.point ?? "").startsWith("Annex III 1(") || b.article === "Art. 6(1)");
}

/** The missing items of one record kind at one point, as printed in place. */
export function missingRecords(data: TTechnicalDocumentationData, record: TAnnexIVRecord): string[] {
  const noEvaluation = data.evaluations.length === 0;
  switch (record) {
    case "versionRecord":
      return data.system.artifactUri ? [] : ["Artifact URI of the model version"];
    case "productIllustrations":
      if (!data.classification) return ["Whether the system is a component of a product (no risk classification)"];
      return data.classification.annexIProduct ? ["Photographs or illustrations of the product (not held in Attest)"] : [];
    case "datasets": {
      const missing: string[] = [];
      if (!data.datasets.some((d) => d.role === "training")) missing.push("Reference to the training dataset");
      for (const d of data.datasets) {
        if (!d.uri) missing.push(`Location (URI) of the ${d.role} dataset “${d.name}”`);
        if (!d.contentSha256) missing.push(`SHA-256 of the ${d.role} dataset “${d.name}”`);
      }
      return missing;
    }
    case "testReports": {
      const missing: string[] = [];
      if (!data.datasets.some((d) => d.role === "test" || d.role === "validation")) missing.push("Reference to the validation or test dataset");
      if (noEvaluation) missing.push("Test reports (no evaluation recorded)");
      for (const e of data.evaluations) if (e.approvers.length === 0) missing.push(`Sign-off of the test report “${e.name}”`);
      return missing;
    }
    case "overallAccuracy":
      return noEvaluation ? ["Measured overall accuracy (no evaluation recorded)"] : [];
    case "groupAccuracy":
      return noEvaluation ? ["Measured accuracy per group (no evaluation recorded)"] : [];
    case "fairnessThresholds":
      return noEvaluation ? ["Fairness thresholds applied (no evaluation recorded)"] : [];
    case "classification":
      if (!data.classification) return ["Risk classification"];
      return data.classification.decidedBy ? [] : ["Confirmation of the proposed classification by a compliance officer"];
    case "obligations":
      if (data.obligations.length === 0) return ["Obligations (none recorded)"];
      return data.obligations.filter((o) => o.status === "met" && o.evidence.length === 0).map((o) => `Evidence for ${o.article} (marked met without evidence)`);
    case "cardRevisions":
      return data.cardRevisions.length === 0 ? ["Model card revisions (no card saved)"] : [];
    case "declaration":
      return missingDeclaration(data);
    case "reviewSchedule":
      return data.system.nextReviewDate ? [] : ["Next review date of the version"];
    case "versions":
    case "approvals":
    case "standards":
    case "chapterIIISolutions":
      // Facts, not gaps: no approval yet, or no harmonised standard applied, is stated as such.
      return [];
  }
}

function missingDeclaration(data: TTechnicalDocumentationData): string[] {
  const d = data.declaration;
  const missing: string[] = [];
  if (!data.system.provider) missing.push("Annex V 2: name of the provider");
  if (!d.providerAddress) missing.push("Annex V 2: address of the provider");
  if (d.processesPersonalData === null) missing.push("Annex V 5: whether personal data are processed");
  else if (d.processesPersonalData && !d.dataProtectionStatement) missing.push("Annex V 5: data protection compliance statement");
  if (!d.assessmentProcedure) missing.push("Art. 43: conformity assessment procedure followed");
  if (!d.notifiedBody && notifiedBodyRequired(data)) missing.push("Annex V 7: notified body, procedure and certificate");
  if (d.notifiedBody && !d.notifiedBody.name) missing.push("Annex V 7: name of the notified body");
  if (d.notifiedBody && !d.notifiedBody.number) missing.push("Annex V 7: identification number of the notified body");
  if (d.notifiedBody && !d.notifiedBody.certificate) missing.push("Annex V 7: certificate issued by the notified body");
  if (!d.place) missing.push("Annex V 8: place of issue");
  if (!d.date) missing.push("Annex V 8: date of issue");
  if (!d.signatory) missing.push("Annex V 8: name and function of the signatory, and on whose behalf");
  else if (!d.signatory.name) missing.push("Annex V 8: name of the signatory");
  else if (!d.signatory.function) missing.push("Annex V 8: function of the signatory");
  return missing;
}

/** Everything printed as "Not provided" where it belongs, in document order. */
export function missingInformation(data: TTechnicalDocumentationData): TMissingItem[] {
  const items: TMissingItem[] = [];
  const cover = (what: string) => items.push({ where: "Cover", what });
  if (!data.system.provider) cover("Provider");
  if (!data.classification) cover("Risk tier and legal basis");
  if (!data.dossierSha256) cover("Dossier SHA-256");
  if (!data.signingKey) cover("Audit signing key");
  for (const section of ANNEX_IV) {
    for (const p of section.points) items.push(...missingAtPoint(data, p).map((what) => ({ where: p.ref, what })));
  }
  if (!data.auditHead) items.push({ where: "Evidence manifest", what: "Audit chain head at issue" });
  return items;
}

export function missingAtPoint(data: TTechnicalDocumentationData, p: TAnnexIVPoint): string[] {
  const fields = p.fields
    .map((ref) => fieldEntry(data, ref))
    .filter((entry) => entry.required && entry.value === null)
    .map((entry) => `${entry.sectionTitle} › ${entry.field.label}`);
  return [...fields, ...p.records.flatMap((record) => missingRecords(data, record))];
}

export interface TManifestEntry {
  group: "Dossier" | "Model card" | "Evaluation input" | "Evidence file" | "Dataset";
  item: string;
  sha256: string;
}

/** The SHA-256 digests the document rests on, for the evidence manifest. */
export function evidenceManifest(data: TTechnicalDocumentationData): TManifestEntry[] {
  const entries: TManifestEntry[] = [];
  if (data.dossierSha256) entries.push({ group: "Dossier", item: `Dossier of version ${data.system.version}`, sha256: data.dossierSha256 });
  for (const r of data.cardRevisions) entries.push({ group: "Model card", item: `Card revision ${r.revision} (${r.at.slice(0, 10)})`, sha256: r.contentSha256 });
  for (const e of data.evaluations) entries.push({ group: "Evaluation input", item: `${e.name} (${e.source}, ${e.rows} rows)`, sha256: e.inputSha256 });
  for (const o of data.obligations) {
    for (const ev of o.evidence) if (ev.sha256) entries.push({ group: "Evidence file", item: `${o.article}: ${ev.name}`, sha256: ev.sha256 });
  }
  for (const d of data.datasets) {
    if (d.contentSha256) entries.push({ group: "Dataset", item: `${d.role}: ${d.name}${d.version ? ` ${d.version}` : ""}`, sha256: d.contentSha256 });
  }
  return entries;
}
