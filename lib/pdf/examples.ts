import { createHash } from "node:crypto";
import { evaluate, type TEvaluationCounts } from "@/lib/domain/fairness/evaluation";
import { DEFAULT_THRESHOLDS } from "@/lib/domain/fairness/thresholds";
import { CREDIT_SCORING_CARD } from "@/lib/domain/model-card/example-cards";
import { conformityRecords } from "./conformity";
import { evaluateRisk, ZRiskAnswersSchema } from "@/lib/domain/risk/ruleset";
import type { TPortfolioReportData } from "./portfolio-report-data";
import type { TDocumentedEvaluation, TTechnicalDocumentationData } from "./technical-documentation-data";

/*
 * A fully documented high-risk model version (the credit scorer of example-cards.ts) as the
 * technical documentation's data, and a small portfolio. Tests render these; so can the
 * documents benchmark and a developer who wants to look at the PDFs.
 */

/** A stable stand-in digest: the SHA-256 of a label. */
export const digestOf = (label: string) => createHash("sha256").update(label).digest("hex");

const CREDIT_COUNTS: TEvaluationCounts = {
  overall: { tp: 12_550, fp: 16_000, tn: 173_000, fn: 8_450 },
  attributes: {
    age_band: {
      groups: {
        "under 25": { tp: 1_600, fp: 1_700, tn: 18_600, fn: 1_100 },
        "25-64": { tp: 9_000, fp: 12_000, tn: 130_000, fn: 6_000 },
        "65 and over": { tp: 1_950, fp: 2_300, tn: 24_400, fn: 1_350 },
      },
    },
    sex: {
      groups: {
        female: { tp: 6_000, fp: 7_700, tn: 85_200, fn: 4_100 },
        male: { tp: 6_550, fp: 8_300, tn: 87_800, fn: 4_350 },
      },
    },
  },
  intersections: {
    "age_band*sex": {
      groups: {
        '["under 25","female"]': { tp: 750, fp: 800, tn: 9_200, fn: 550 },
        '["under 25","male"]': { tp: 850, fp: 900, tn: 9_400, fn: 550 },
        '["25-64","female"]': { tp: 4_300, fp: 5_800, tn: 63_800, fn: 2_900 },
        '["25-64","male"]': { tp: 4_700, fp: 6_200, tn: 66_200, fn: 3_100 },
        '["65 and over","female"]': { tp: 950, fp: 1_100, tn: 12_200, fn: 650 },
        '["65 and over","male"]': { tp: 1_000, fp: 1_200, tn: 12_200, fn: 700 },
      },
    },
  },
  scoreHistogram: {
    scores: [0.05, 0.1, 0.2, 0.3, 0.5, 0.8],
    positives: [1_500, 2_500, 3_500, 4_000, 5_000, 4_500],
    negatives: [70_000, 50_000, 35_000, 18_000, 10_000, 6_000],
  },
};

const THIN_FILE_COUNTS: TEvaluationCounts = {
  overall: { tp: 640, fp: 1_002, tn: 9_398, fn: 550 },
  attributes: {
    credit_history: {
      groups: {
        "thin file": { tp: 40, fp: 110, tn: 700, fn: 50 },
        established: { tp: 600, fp: 880, tn: 8_690, fn: 500 },
        "no bureau record": { tp: 0, fp: 12, tn: 8, fn: 0 },
      },
    },
  },
};

function documentedEvaluation(
  id: string,
  name: string,
  counts: TEvaluationCounts,
  references: Record<string, string>,
  createdAt: string,
  approvers: TDocumentedEvaluation["approvers"],
): TDocumentedEvaluation {
  const result = evaluate(counts, { references, thresholds: DEFAULT_THRESHOLDS });
  const { tp, fp, tn, fn } = counts.overall;
  return {
    id,
    name,
    rows: tp + fp + tn + fn,
    inputSha256: digestOf(`evaluation input ${id}`),
    source: "csv",
    status: result.judgement.status,
    thresholds: result.thresholds,
    overall: result.overall,
    attributes: result.attributes,
    intersections: result.intersections,
    judgement: result.judgement,
    createdBy: "dana.scientist@banque-exemple.eu",
    createdAt,
    waiver: null,
    approvers,
  };
}

// The example card as saved before its declaration of conformity was signed: place, date and signatory still missing.
const { declarationPlace: _place, declarationDate: _date, signatoryName: _name, signatoryFunction: _function, ...unsignedConformity } = CREDIT_SCORING_CARD.conformity;
const UNSIGNED_CARD = { ...CREDIT_SCORING_CARD, conformity: unsignedConformity };

export function exampleTechnicalDocumentationData(): TTechnicalDocumentationData {
  const risk = evaluateRisk(ZRiskAnswersSchema.parse({ role: "provider", annexIIIPoints: ["5(b)"], profiling: true }));
  const approvedAt = "2026-02-10T14:05:00.000Z";
  const thinFile = documentedEvaluation("ev-0002-thin-file", "Thin-file applicants, holdout 2024", THIN_FILE_COUNTS, { credit_history: "established" }, "2026-02-03T11:20:00.000Z", [
    { email: "olivia.compliance@banque-exemple.eu", at: approvedAt },
  ]);
  thinFile.status = "waived";
  thinFile.waiver = {
    justification: "The “no bureau record” group is too small to judge; a targeted sample is being collected for Q2.",
    expiresAt: "2026-06-30T00:00:00.000Z",
    waivedBy: "olivia.compliance@banque-exemple.eu",
    waivedAt: "2026-02-09T16:00:00.000Z",
    active: true,
  };
  const evaluations = [
    thinFile,
    documentedEvaluation("ev-0001-oot-2024", "Out-of-time test 2024", CREDIT_COUNTS, { age_band: "25-64", sex: "male" }, "2026-01-28T09:45:00.000Z", [
      { email: "olivia.compliance@banque-exemple.eu", at: approvedAt },
    ]),
  ];
  const obligationStatus: Record<string, "met" | "in_progress" | "not_started"> = {
    "Art. 4": "met", "Art. 9": "met", "Art. 10": "met", "Art. 11": "in_progress", "Art. 12": "met", "Art. 13": "met",
    "Art. 14": "met", "Art. 15": "met", "Art. 17": "in_progress", "Art. 43": "not_started", "Art. 47": "not_started",
  };
  return {
    documentId: "DOC-2026-000123",
    generatedAt: "2026-03-02T09:30:00.000Z",
    generatedBy: "alex.auditor@banque-exemple.eu",
    system: {
      name: CREDIT_SCORING_CARD.modelDetails.name!,
      slug: "retail-credit-default",
      version: "3.2.0",
      provider: CREDIT_SCORING_CARD.modelDetails.provider!,
      lifecycleStage: "approved",
      artifactUri: "s3://models-prod/credit-default/3.2.0/model.json",
      framework: "xgboost 2.1.1",
      experimentRef: "mlflow:run/8f2c41d7a9b04c55",
      nextReviewDate: "2026-09-01",
    },
    dossierSha256: digestOf("dossier retail-credit-default 3.2.0"),
    signingKey: EXAMPLE_SIGNING_KEY,
    card: { revision: 3, contentSha256: digestOf("card revision 3"), content: UNSIGNED_CARD, author: "dana.scientist@banque-exemple.eu", at: "2026-02-01T10:00:00.000Z" },
    cardRevisions: [
      { revision: 1, author: "dana.scientist@banque-exemple.eu", at: "2026-01-16T08:12:00.000Z", summary: "Imported from the Hugging Face card of 3.1.0", contentSha256: digestOf("card revision 1") },
      { revision: 2, author: "dana.scientist@banque-exemple.eu", at: "2026-01-29T15:40:00.000Z", summary: "Added the 2024 out-of-time evaluation and the data governance sections", contentSha256: digestOf("card revision 2") },
      { revision: 3, author: "dana.scientist@banque-exemple.eu", at: "2026-02-01T10:00:00.000Z", summary: "Human oversight and logging completed after review comments", contentSha256: digestOf("card revision 3") },
    ],
    datasets: [
      { role: "training", name: "Loan book 2019–2023", version: "v7", uri: "dvc://data/loans/v7", contentSha256: digestOf("dataset loans v7") },
      { role: "validation", name: "Loan book 2023 validation split", version: "v7", uri: "dvc://data/loans/v7-validation", contentSha256: digestOf("dataset loans v7 validation") },
      { role: "test", name: "Out-of-time applications 2024", version: "v7-test", uri: "dvc://data/loans/v7-test", contentSha256: digestOf("dataset loans v7 test") },
    ],
    evaluations,
    classification: {
      tier: risk.tier,
      computedTier: risk.tier,
      rulesetVersion: risk.rulesetVersion,
      status: "confirmed",
      legalBasis: risk.legalBasis,
      flags: risk.flags,
      rationale: risk.rationale,
      overrideJustification: null,
      annexIProduct: false,
      proposedBy: "dana.scientist@banque-exemple.eu",
      proposedAt: "2026-01-12T10:00:00.000Z",
      decidedBy: "olivia.compliance@banque-exemple.eu",
      decidedAt: "2026-01-13T09:00:00.000Z",
    },
    obligations: risk.obligations.map((o) => {
      const status = obligationStatus[o.article] ?? "not_started";
      const evidence =
        status === "met"
          ? [{
              kind: "file",
              name: `${o.article.replace(/\W+/g, "-").toLowerCase()}-evidence.pdf`,
              sha256: digestOf(`evidence ${o.article}`),
              url: null,
              addedBy: "olivia.compliance@banque-exemple.eu",
              addedAt: "2026-02-05T12:00:00.000Z",
            }]
          : [];
      return { article: o.article, title: o.title, status, appliesFrom: o.appliesFrom, dueDate: status === "met" ? null : "2026-06-30", owner: "olivia.compliance@banque-exemple.eu", note: "", evidence };
    }),
    versions: [
      { version: "3.1.0", stage: "retired", createdAt: "2025-03-01T09:00:00.000Z", createdBy: "dana.scientist@banque-exemple.eu" },
      { version: "3.2.0", stage: "approved", createdAt: "2026-01-15T09:00:00.000Z", createdBy: "dana.scientist@banque-exemple.eu" },
    ],
    approvals: [
      { version: "3.2.0", decision: "changes_requested", by: "olivia.compliance@banque-exemple.eu", at: "2026-01-30T10:00:00.000Z", dossierSha256: digestOf("dossier 3.2.0 rev 2"), comment: "Complete human oversight and logging.", invalidation: null },
      { version: "3.2.0", decision: "approved", by: "olivia.compliance@banque-exemple.eu", at: "2026-02-02T10:00:00.000Z", dossierSha256: digestOf("dossier 3.2.0 rev 3, first"), comment: "Approved.", invalidation: { at: "2026-02-03T11:20:00.000Z", reason: "evaluation “Thin-file applicants, holdout 2024” added" } },
      { version: "3.2.0", decision: "approved", by: "olivia.compliance@banque-exemple.eu", at: approvedAt, dossierSha256: digestOf("dossier retail-credit-default 3.2.0"), comment: "Approved with the thin-file waiver.", invalidation: null },
    ],
    // Points 7 and 8 from the card, as the data gatherer reads them: the declaration is not yet signed.
    ...conformityRecords(UNSIGNED_CARD, CREDIT_SCORING_CARD.modelDetails.provider!),
    auditHead: { seq: 4_812, hash: digestOf("audit head 4812") },
  };
}

/** A real Ed25519 key (seed 0x07 × 32, as in lib/domain/audit-checkpoint.test.ts); the checkpoint values are illustrative. */
const EXAMPLE_SIGNING_KEY = {
  keyId: "fe812c12f3ab4ce6",
  algorithm: "Ed25519",
  publicKey: "6kpsY+KcUgq+9VB7Ey7F+ZVHdq6+vnuSQh7qaRRG0iw=",
  checkpoint: {
    seq: 4_812,
    headHash: digestOf("audit head 4812"),
    signedAt: "2026-03-02T09:29:59.120Z",
    signature: "ucY4EA9Ki1yxaVjIh+NvOPAcHzIAM9PGn1IiXJ9xi4m1UeJA0hqFBQmJrvqp3Wo+4Y1uU7yL/s46mX9LPnOLCQ==",
  },
};

export function examplePortfolioReportData(): TPortfolioReportData {
  return {
    documentId: "DOC-2026-000124",
    generatedAt: "2026-03-02T09:35:00.000Z",
    generatedBy: "alex.auditor@banque-exemple.eu",
    asOf: "2026-03-02",
    organisation: "Banque Exemple SA",
    auditHead: { seq: 4_813, hash: digestOf("audit head 4813") },
    signingKey: EXAMPLE_SIGNING_KEY,
    models: [
      {
        name: "Retail credit default scorer", slug: "retail-credit-default", owner: "dana.scientist@banque-exemple.eu", businessUnit: "Retail lending",
        tier: "high", latestVersion: "3.2.0", stage: "approved", versions: 2,
        approvals: { valid: 1, invalidated: 1, lastApprovedAt: "2026-02-10T14:05:00.000Z" },
        evaluations: { pass: 1, fail: 0, waived: 1 },
        obligations: { met: 8, applicable: 14 },
        cardPercent: 100, nextReviewDate: "2026-09-01",
      },
      {
        name: "Fraud alert triage", slug: "fraud-triage", owner: "sam.engineer@banque-exemple.eu", businessUnit: "Payments",
        tier: "minimal", latestVersion: "1.4.2", stage: "deployed", versions: 5,
        approvals: { valid: 1, invalidated: 0, lastApprovedAt: "2025-11-20T09:00:00.000Z" },
        evaluations: { pass: 2, fail: 0, waived: 0 },
        obligations: { met: 1, applicable: 1 },
        cardPercent: 92, nextReviewDate: "2026-02-01",
      },
      {
        name: "Customer chat assistant", slug: "chat-assistant", owner: "lee.product@banque-exemple.eu", businessUnit: "Customer service",
        tier: "limited", latestVersion: "0.9.0", stage: "in_review", versions: 3,
        approvals: { valid: 0, invalidated: 0, lastApprovedAt: null },
        evaluations: { pass: 0, fail: 1, waived: 0 },
        obligations: { met: 1, applicable: 3 },
        cardPercent: 64, nextReviewDate: null,
      },
      {
        name: "CV screening pilot <beta>", slug: "cv-screening", owner: "hr.analytics@banque-exemple.eu", businessUnit: "Human resources",
        tier: null, latestVersion: "0.1.0", stage: "draft", versions: 1,
        approvals: { valid: 0, invalidated: 0, lastApprovedAt: null },
        evaluations: { pass: 0, fail: 0, waived: 0 },
        obligations: { met: 0, applicable: 0 },
        cardPercent: 12, nextReviewDate: null,
      },
    ],
  };
}
