import { count } from "drizzle-orm";
import type { Db } from "./client";
import { users } from "./schema";
import type { ServiceContext } from "@/lib/services/context";
import { NO_REQUEST } from "@/lib/services/context";
import { createUser } from "@/lib/services/users/create-user";
import { createModel } from "@/lib/services/models/create-model";
import { createModelVersion } from "@/lib/services/models/create-version";
import type { Role } from "@/lib/auth/permissions";
import { CREDIT_SCORING_CARD } from "@/lib/domain/model-card/example-cards";
import { saveModelCard } from "@/lib/services/model-cards/save-card";
import { RULESET_VERSION } from "@/lib/domain/risk/ruleset";
import { confirmClassification } from "@/lib/services/risk/confirm-classification";
import { proposeClassification } from "@/lib/services/risk/propose-classification";
import { seedEvaluations } from "./seed-evaluations";
import { seedReviews } from "./seed-reviews";

/** The demo organisation's accounts; the README lists the same logins. */
export const DEMO_USERS: { email: string; name: string; roles: Role[]; password: string }[] = [
  { email: "admin@attest.demo", name: "Ada Admin", roles: ["admin"], password: "attest-admin-demo" },
  { email: "owner@attest.demo", name: "Omar Owner", roles: ["model_owner"], password: "attest-owner-demo" },
  { email: "officer@attest.demo", name: "Chloé Compliance", roles: ["compliance_officer"], password: "attest-officer-demo" },
  { email: "auditor@attest.demo", name: "Aurelio Auditor", roles: ["auditor"], password: "attest-auditor-demo" },
];

// A credit scorer under Annex III 5(b) follows internal control (Art. 43(2)): no notified body.
const CREDIT_SCORING_CONFORMITY = {
  harmonisedStandards: CREDIT_SCORING_CARD.conformity.harmonisedStandards,
  otherSpecifications: CREDIT_SCORING_CARD.conformity.otherSpecifications,
  assessmentProcedure: "Internal control (Annex VI)",
  providerAddress: CREDIT_SCORING_CARD.conformity.providerAddress,
  dataProtectionStatement: CREDIT_SCORING_CARD.conformity.dataProtectionStatement,
  declarationPlace: "Paris",
  declarationDate: "2026-02-10",
  signatoryName: "Claire Martin",
  signatoryFunction: "Chief Risk Officer",
};

type DemoVersion = Omit<Parameters<typeof createModelVersion>[1], "slug"> & { card?: unknown };

const DEMO_MODELS = [
  {
    name: "Retail credit scoring",
    purpose: "Scores consumer loan applications for creditworthiness; decisions above €5,000 go to an underwriter.",
    businessUnit: "Retail Lending",
    tags: ["credit", "tabular", "gradient-boosting"],
    answers: { role: "provider", annexIIIPoints: ["5(b)"], profiling: true },
    versions: [
      {
        version: "2.3.0",
        framework: "xgboost 2.1",
        artifactUri: "s3://models/credit-scoring/2.3.0/model.ubj",
        experimentRef: "mlflow:runs/4f1c2a9e",
        datasets: [
          { role: "training" as const, name: "loan_applications", version: "2025-12", uri: "lakehouse://risk/loan_applications@v42", contentHash: "3f5a0c1d9b8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a" },
          { role: "test", name: "loan_applications_holdout", version: "2025-12", uri: "dvc://risk-data/holdout.parquet" },
        ],
        card: { ...CREDIT_SCORING_CARD, modelDetails: { ...CREDIT_SCORING_CARD.modelDetails, name: "Retail credit scoring", version: "2.3.0" }, conformity: CREDIT_SCORING_CONFORMITY },
      },
    ],
  },
  {
    name: "CV screening assistant",
    purpose: "Ranks applications for graduate roles so recruiters read the most relevant CVs first.",
    businessUnit: "People & HR",
    tags: ["recruitment", "nlp"],
    answers: { role: "provider", annexIIIPoints: ["4(a)"], profiling: true },
    versions: [
      {
        version: "1.0.0",
        framework: "transformers 4.46",
        artifactUri: "mlflow:/models/cv-ranker/7",
        card: {
          modelDetails: { name: "CV screening assistant", provider: "People Analytics", version: "1.0.0", contact: "people-analytics@bank.example", modelType: "Supervised ranking" },
          intendedUse: { primaryUses: "Orders graduate applications by relevance to the role profile so recruiters read the most relevant CVs first. Recruiters read every CV.", primaryUsers: ["Graduate recruiters"] },
          // Annex IV points 7–8 begun: standards chosen, the declaration not yet drawn up.
          conformity: {
            otherSpecifications: ["ISO/IEC 42001:2023 — Artificial intelligence — Management system (in part)"],
            assessmentProcedure: "Internal control (Annex VI)",
            providerAddress: "Bank Example plc, People Analytics, 1 Example Square, 1000 Brussels, Belgium",
          },
        },
      },
    ],
  },
  {
    name: "Customer service assistant",
    purpose: "Answers customers' questions about accounts and cards in the mobile app chat, handing over to staff on request.",
    businessUnit: "Digital Channels",
    tags: ["chatbot", "llm"],
    answers: { role: "provider", transparency: ["50(1)"] },
    versions: [
      {
        version: "0.9.2",
        framework: "vLLM 0.6",
        artifactUri: "registry.internal/assist:0.9.2",
        card: {
          modelDetails: { name: "Customer service assistant", provider: "Digital Channels", version: "0.9.2", contact: "digital-ai@bank.example", description: "A retrieval-augmented assistant answering account and card questions." },
          intendedUse: { primaryUses: "Answers customers' questions in the app chat and hands over to staff on request.", primaryUsers: ["Retail customers"], outOfScopeUses: "Financial advice, complaints handling, anything needing identity verification." },
          deployerInstructions: { transparencyNotice: "The chat opens with “You are chatting with an AI assistant; type ‘agent’ to talk to a person.” (Art. 50(1))." },
        },
      },
    ],
  },
  {
    name: "Card fraud detection",
    purpose: "Flags card transactions likely to be fraudulent for review by the fraud operations team.",
    businessUnit: "Financial Crime",
    tags: ["fraud", "streaming"],
    // Fraud detection is expressly outside Annex III 5(b): nothing fires, so minimal risk.
    answers: { role: "provider" },
    versions: [
      {
        version: "4.0.0",
        framework: "lightgbm 4.3",
        artifactUri: "s3://models/fraud/4.0.0/model.txt",
        experimentRef: "mlflow:runs/9b02d7c4",
        datasets: [
          { role: "training" as const, name: "card_transactions_labelled", version: "2025-06", uri: "lakehouse://fincrime/card_transactions_labelled@v17" },
          { role: "test" as const, name: "card_fraud_backtest", version: "2025-07", uri: "lakehouse://fincrime/card_fraud_backtest@v3" },
        ],
        card: {
          modelDetails: { name: "Card fraud detection", provider: "Financial Crime Analytics", version: "4.0.0", contact: "fincrime-models@bank.example" },
          intendedUse: { primaryUses: "Scores card transactions in real time; high scores are queued for a fraud analyst, who decides." },
        },
      },
      {
        version: "4.1.0",
        framework: "lightgbm 4.5",
        artifactUri: "s3://models/fraud/4.1.0/model.txt",
        experimentRef: "mlflow:runs/c71e5a03",
        datasets: [
          { role: "training" as const, name: "card_transactions_labelled", version: "2025-12", uri: "lakehouse://fincrime/card_transactions_labelled@v21" },
          { role: "test" as const, name: "card_fraud_backtest", version: "2026-01", uri: "lakehouse://fincrime/card_fraud_backtest@v5" },
        ],
        card: {
          modelDetails: { name: "Card fraud detection", provider: "Financial Crime Analytics", version: "4.1.0", contact: "fincrime-models@bank.example" },
          intendedUse: { primaryUses: "Scores card transactions in real time; high scores are queued for a fraud analyst, who decides." },
        },
      },
      { version: "4.2.0", framework: "lightgbm 4.5", artifactUri: "s3://models/fraud/4.2.0/model.txt", copyCardFrom: "4.1.0" },
    ],
  },
  {
    name: "Complaint email triage",
    purpose: "Routes incoming complaint emails to the team that handles them; a person reads and answers every complaint.",
    businessUnit: "Customer Care",
    tags: ["nlp", "routing"],
    answers: { role: "provider" },
    versions: [
      {
        version: "1.2.0",
        framework: "scikit-learn 1.5",
        artifactUri: "s3://models/complaint-triage/1.2.0/model.joblib",
        card: {
          modelDetails: { name: "Complaint email triage", provider: "Customer Care Analytics", version: "1.2.0", contact: "care-analytics@bank.example", modelType: "Text classification" },
          intendedUse: { primaryUses: "Chooses the team queue for an incoming complaint email; the team's staff read, handle and answer it.", primaryUsers: ["Complaints handling teams"] },
        },
      },
    ],
  },
  {
    name: "Transaction categorisation",
    purpose: "Labels card and account transactions with spending categories for the budgeting view of the mobile app.",
    businessUnit: "Digital Channels",
    tags: ["tabular", "personal-finance"],
    answers: { role: "provider" },
    versions: [
      {
        version: "3.0.0",
        framework: "catboost 1.2",
        artifactUri: "s3://models/txn-categories/3.0.0/model.cbm",
        card: {
          modelDetails: { name: "Transaction categorisation", provider: "Digital Channels Analytics", version: "3.0.0", contact: "digital-ai@bank.example", modelType: "Multi-class classification" },
          intendedUse: { primaryUses: "Suggests a spending category for each transaction; customers can change it in the app.", primaryUsers: ["Retail customers"] },
        },
      },
    ],
  },
  {
    name: "Branch cash demand forecast",
    purpose: "Forecasts daily cash demand per branch to plan deliveries.",
    businessUnit: "Operations",
    tags: ["forecasting", "time-series"],
    answers: null,
    versions: [{ version: "1.4.0", framework: "prophet 1.1", artifactUri: "s3://models/cash-forecast/1.4.0" }],
  },
];

/** Seeds the demo organisation into an empty database. Returns the logins it created, or null. */
export async function seedDemo(db: Db): Promise<typeof DEMO_USERS | null> {
  const [row] = await db.select({ n: count() }).from(users);
  if (Number(row?.n ?? 0) > 0) return null;
  const ctx: ServiceContext = { db, actor: { kind: "system", name: "seed" }, request: NO_REQUEST };
  for (const user of DEMO_USERS) await createUser(ctx, user, "seed");
  const owner = DEMO_USERS.find((u) => u.roles.includes("model_owner"))!;
  for (const { versions, answers, ...model } of DEMO_MODELS) {
    const created = await createModel(ctx, { ...model, ownerEmail: owner.email });
    for (const { card, ...version } of versions as DemoVersion[]) {
      await createModelVersion(ctx, { slug: created.slug, ...version });
      if (card) await saveModelCard(ctx, { slug: created.slug, version: version.version, baseRevision: null, content: card, summary: "First draft", source: "editor" });
    }
    // Classified through the real workflow, so the demo's tiers have their legal basis and history;
    // after the cards, since a card stating the intended purpose after a decision puts it under review.
    if (answers) {
      const proposal = await proposeClassification(ctx, { slug: created.slug, rulesetVersion: RULESET_VERSION, answers });
      await confirmClassification(ctx, { classificationId: proposal.id });
    }
  }
  // Uploaded like an owner's files, after the cards and classifications they are evidence for.
  await seedEvaluations(db);
  // Last: a submission freezes the dossier, so everything it holds comes first.
  await seedReviews(db, { owner: owner.email, officer: DEMO_USERS.find((u) => u.roles.includes("compliance_officer"))!.email });
  return DEMO_USERS;
}
