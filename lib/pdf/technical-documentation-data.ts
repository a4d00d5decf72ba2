import type { TAttributeMetrics } from "@/lib/domain/fairness/attribute-metrics";
import type { TJudgement } from "@/lib/domain/fairness/judge";
import type { TOverallMetrics } from "@/lib/domain/fairness/overall-metrics";
import type { TFairnessThresholds } from "@/lib/domain/fairness/thresholds";
import type { TModelCard, TRiskTier } from "@/lib/domain/model-card/template";
import type { TLegalBasis, TObligationStatus, TRiskFlags } from "@/lib/domain/risk/ruleset";

/*
 * Everything the technical documentation PDF prints, as plain JSON-serialisable data: one
 * data-gathering function fills it from the database, and the template (technical-
 * documentation.tsx) turns it into a document without any I/O. Missing information is null
 * or an empty list, never a placeholder string: the template decides how absence is shown
 * ("Not provided", listed on the completeness summary).
 */

/** An ISO 8601 instant, e.g. "2026-03-02T09:30:00.000Z". */
export type TIsoInstant = string;
/** An ISO 8601 calendar date, e.g. "2026-03-02". */
export type TIsoDate = string;
/** 64 lowercase hexadecimal digits. */
export type TSha256 = string;

export interface TTechnicalDocumentationData {
  /** The issued document's id (issued_documents.id); printed on every page. */
  documentId: string;
  generatedAt: TIsoInstant;
  /** Email of the user who requested the document. */
  generatedBy: string;
  system: TDocumentedSystem;
  /** SHA-256 of the dossier (card revision, classification, evaluations, waivers) approvals bind to. */
  dossierSha256: TSha256 | null;
  /** The Ed25519 key that signs audit checkpoints and the checkpoint of the head at issue. */
  signingKey: TSigningKeyData | null;
  /** The current card revision; null when the version has no card yet. */
  card: { revision: number; contentSha256: TSha256; content: TModelCard; author: string; at: TIsoInstant } | null;
  /** Every revision of this version's card, oldest first. */
  cardRevisions: TCardRevisionEntry[];
  datasets: TDatasetEntry[];
  /** The version's evaluations (issue 5's API shape), newest first, with who signed each off. */
  evaluations: TDocumentedEvaluation[];
  classification: TDocumentedClassification | null;
  obligations: TDocumentedObligation[];
  /** Every version of the model, oldest first. */
  versions: TVersionEntry[];
  /** Every review decision on the model's versions, oldest first, with its invalidation if any. */
  approvals: TApprovalEntry[];
  /** Harmonised standards and other specifications applied (Annex IV point 7). */
  standards: TStandardEntry[];
  /** What Attest knows of the EU declaration of conformity (Annex V). */
  declaration: TDeclarationData;
  /** The audit chain head when the document was issued. */
  auditHead: { seq: number; hash: TSha256 } | null;
}

/**
 * The Ed25519 key that signs audit checkpoints, as published at /api/v1/audit/public-key, and the
 * checkpoint it signed over the audit chain head printed in the document (made just before the
 * document was rendered: the checkpoint after the document's own event cannot be inside it).
 */
export interface TSigningKeyData {
  keyId: string;
  algorithm: string;
  /** The raw 32-byte public key, base64. */
  publicKey: string;
  checkpoint: { seq: number; headHash: TSha256; signedAt: TIsoInstant; signature: string } | null;
}

export interface TDocumentedSystem {
  name: string;
  slug: string;
  version: string;
  /** The provider as the card names it (modelDetails.provider); null when not given. */
  provider: string | null;
  /** draft | in_review | approved | deployed | retired */
  lifecycleStage: string;
  artifactUri: string | null;
  framework: string | null;
  /** Where the training run is recorded, e.g. an MLflow run id. */
  experimentRef: string | null;
  nextReviewDate: TIsoDate | null;
}

export interface TCardRevisionEntry {
  revision: number;
  author: string;
  at: TIsoInstant;
  summary: string;
  contentSha256: TSha256;
}

export interface TDatasetEntry {
  /** training | validation | test | monitoring */
  role: string;
  name: string;
  version: string | null;
  uri: string | null;
  contentSha256: TSha256 | null;
}

export interface TDocumentedEvaluation {
  id: string;
  name: string;
  rows: number;
  /** SHA-256 of the predictions file, or of the canonical JSON of posted counts. */
  inputSha256: TSha256;
  /** csv | counts */
  source: string;
  status: "pass" | "fail" | "waived";
  thresholds: TFairnessThresholds;
  overall: TOverallMetrics;
  attributes: Record<string, TAttributeMetrics>;
  intersections: Record<string, TAttributeMetrics>;
  judgement: TJudgement;
  createdBy: string;
  createdAt: TIsoInstant;
  waiver: { justification: string; expiresAt: TIsoInstant; waivedBy: string; waivedAt: TIsoInstant; active: boolean } | null;
  /** Who signed the test report off: the approvers of a dossier that included this evaluation. */
  approvers: { email: string; at: TIsoInstant }[];
}

export interface TDocumentedClassification {
  tier: TRiskTier;
  /** The tier the ruleset computed; differs from tier when a compliance officer overrode it. */
  computedTier: TRiskTier;
  rulesetVersion: string;
  /** proposed | confirmed | overridden */
  status: string;
  legalBasis: TLegalBasis[];
  flags: TRiskFlags;
  rationale: string;
  overrideJustification: string | null;
  /** The system is a product, or a safety component of one, under Annex I (Annex IV 1(f)). */
  annexIProduct: boolean;
  proposedBy: string;
  proposedAt: TIsoInstant;
  decidedBy: string | null;
  decidedAt: TIsoInstant | null;
}

export interface TDocumentedObligation {
  article: string;
  title: string;
  status: TObligationStatus;
  appliesFrom: TIsoDate | null;
  dueDate: TIsoDate | null;
  owner: string | null;
  note: string;
  evidence: TEvidenceEntry[];
}

export interface TEvidenceEntry {
  /** note | link | file */
  kind: string;
  /** The file name, the link's text or the note itself. */
  name: string;
  sha256: TSha256 | null;
  url: string | null;
  addedBy: string;
  addedAt: TIsoInstant;
}

export interface TVersionEntry {
  version: string;
  stage: string;
  createdAt: TIsoInstant;
  createdBy: string | null;
}

export interface TApprovalEntry {
  version: string;
  /** approved | changes_requested | rejected */
  decision: string;
  by: string;
  at: TIsoInstant;
  dossierSha256: TSha256;
  comment: string;
  invalidation: { at: TIsoInstant; reason: string } | null;
}

export interface TStandardEntry {
  /** The reference, e.g. the OJ reference of a harmonised standard or "ISO/IEC 42001:2023". */
  reference: string;
  title: string;
  harmonised: boolean;
  extent: "full" | "partial";
}

/** Annex V items Attest has no other record of; each null when not recorded. */
export interface TDeclarationData {
  providerAddress: string | null;
  authorisedRepresentative: string | null;
  /** Whether the system processes personal data (Annex V point 5). */
  processesPersonalData: boolean | null;
  dataProtectionStatement: string | null;
  /** The conformity assessment procedure followed (Art. 43), e.g. "Internal control (Annex VI)". */
  assessmentProcedure: string | null;
  /** Annex V point 7: the notified body that took part, if any. */
  notifiedBody: { name: string | null; number: string | null; certificate: string | null } | null;
  place: string | null;
  date: TIsoDate | null;
  /** Who signs for the provider; a part the card does not give is null (printed "Not provided"). */
  signatory: { name: string | null; function: string | null; onBehalfOf: string } | null;
}
