import type { TRiskTier } from "@/lib/domain/model-card/template";
import type { TIsoDate, TIsoInstant, TSha256, TSigningKeyData } from "./technical-documentation-data";

/** The auditor's portfolio report: every model, as plain serialisable data. */
export interface TPortfolioReportData {
  documentId: string;
  generatedAt: TIsoInstant;
  generatedBy: string;
  /** The day reviews are judged overdue against (the issue date, in UTC). */
  asOf: TIsoDate;
  organisation: string | null;
  auditHead: { seq: number; hash: TSha256 } | null;
  /** The key that signs audit checkpoints and its checkpoint of the head at issue. */
  signingKey: TSigningKeyData | null;
  models: TPortfolioModel[];
}

export interface TPortfolioModel {
  name: string;
  slug: string;
  owner: string;
  businessUnit: string;
  /** The confirmed tier; null when the model is not classified. */
  tier: TRiskTier | null;
  latestVersion: string | null;
  /** Lifecycle stage of the latest version. */
  stage: string | null;
  versions: number;
  approvals: { valid: number; invalidated: number; lastApprovedAt: TIsoInstant | null };
  /** Evaluations of the latest version by status. */
  evaluations: { pass: number; fail: number; waived: number };
  /** Obligations met out of those applicable. */
  obligations: { met: number; applicable: number };
  /** Completeness of the latest version's card against the model's tier, 0–100. */
  cardPercent: number;
  nextReviewDate: TIsoDate | null;
}
