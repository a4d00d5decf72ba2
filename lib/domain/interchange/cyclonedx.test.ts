import { Spec, Validation } from "@cyclonedx/cyclonedx-library";
import { describe, expect, it } from "vitest";
import { CREDIT_SCORING_CARD } from "../model-card/example-cards";
import { emptyModelCard } from "../model-card/schema";
import { toCycloneDx, type TCycloneDxInput } from "./cyclonedx";

// The official CycloneDX 1.6 JSON schema as shipped in the npm package, with its format checks: no network.
const validator = new Validation.JsonStrictValidator(Spec.Version.v1dot6);

const FULL: TCycloneDxInput = {
  card: CREDIT_SCORING_CARD,
  model: { name: "Credit default", slug: "credit-default", purpose: "Scores loan applicants.", tags: ["credit", "tabular", "credit"] },
  version: { version: "3.2.0", artifactUri: "models:/credit-default/7", framework: "xgboost 2.1.1", createdAt: new Date("2026-01-15T08:00:00Z") },
  datasets: [
    { role: "training", name: "loans", version: "v7", uri: "dvc://data/loans v7.parquet", contentHash: "sha256:9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08" },
    { role: "test", name: "loans-2024", version: "v7-test", uri: "s3://bank-data/loans/2024/", contentHash: "md5-but-not-really" },
    { role: "test", name: "loans-2024", version: "v7-test" },
  ],
  evaluations: [
    {
      name: "Q4 holdout",
      metrics: [
        { type: "roc_auc", value: 0.81, ci: [0.8, 0.82] },
        { type: "brier", value: 0.07 },
      ],
      fairness: [{ groupAtRisk: "age under 25", benefits: "Faster decisions", harms: "More referrals", mitigationStrategy: "Reweighing" }],
    },
  ],
  serialNumber: "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
  timestamp: "2026-02-01T10:00:00.000Z",
  cardUrl: "https://attest.bank.eu/models/credit-default/versions/3.2.0/card",
};

const MINIMAL: TCycloneDxInput = {
  card: emptyModelCard(),
  model: { name: "Fraud", slug: "fraud", tags: [] },
  version: { version: "0.1.0", createdAt: "2026-01-01T00:00:00Z" },
  datasets: [],
  evaluations: [],
  serialNumber: "urn:uuid:00000000-0000-4000-8000-000000000000",
  timestamp: new Date("2026-02-01T10:00:00Z"),
};

describe("toCycloneDx", () => {
  it.each([
    ["a fully documented version", FULL],
    ["a version with an empty card and nothing else", MINIMAL],
    ["a version whose model type names no learning type", { ...FULL, card: { ...CREDIT_SCORING_CARD, modelDetails: { modelType: "scorecard" } } }],
  ])("exports %s as a BOM valid against the CycloneDX 1.6 schema", async (_, input) => {
    expect(await validator.validate(JSON.stringify(toCycloneDx(input)))).toBeNull();
  });

  it("is checked by a validator that does reject an invalid BOM", async () => {
    const bom = structuredClone(toCycloneDx(FULL));
    bom.metadata.component.modelCard = { modelParameters: { approach: { type: "guesswork" } } };
    expect(await validator.validate(JSON.stringify(bom))).not.toBeNull();
  });

  it("exports a minimal version as the model component alone", () => {
    expect(toCycloneDx(MINIMAL)).toEqual({
      bomFormat: "CycloneDX",
      specVersion: "1.6",
      serialNumber: "urn:uuid:00000000-0000-4000-8000-000000000000",
      version: 1,
      metadata: {
        timestamp: "2026-02-01T10:00:00.000Z",
        tools: { components: [{ type: "application", name: "Attest" }] },
        component: {
          type: "machine-learning-model",
          "bom-ref": "model/fraud@0.1.0",
          name: "Fraud",
          version: "0.1.0",
          properties: [
            { name: "attest:model-slug", value: "fraud" },
            { name: "attest:version-created-at", value: "2026-01-01T00:00:00.000Z" },
          ],
        },
      },
    });
  });

  const full = toCycloneDx(FULL);
  const model = full.metadata.component;

  it("describes the model: supplier, licence, references, properties and tags", () => {
    expect(model).toMatchObject({
      type: "machine-learning-model",
      "bom-ref": "model/credit-default@3.2.0",
      supplier: { name: "Banque Exemple SA, Model Risk & Analytics team", contact: [{ email: "model-risk@banque-exemple.eu" }] },
      name: "Credit default",
      version: "3.2.0",
      description: CREDIT_SCORING_CARD.modelDetails.description,
      licenses: [{ license: { name: "Proprietary, internal use only" } }],
      externalReferences: [
        { type: "distribution", url: "models:/credit-default/7", comment: "Model artifact" },
        { type: "documentation", url: "https://wiki.banque-exemple.eu/models/credit-default" },
        { type: "model-card", url: "https://attest.bank.eu/models/credit-default/versions/3.2.0/card" },
      ],
      properties: [
        { name: "attest:framework", value: "xgboost 2.1.1" },
        { name: "attest:model-slug", value: "credit-default" },
        { name: "attest:version-created-at", value: "2026-01-15T08:00:00.000Z" },
      ],
      tags: ["credit", "tabular"],
    });
  });

  it("fills the model card's parameters, metrics with confidence intervals and considerations", () => {
    expect(model.modelCard).toEqual({
      modelParameters: {
        approach: { type: "supervised" },
        task: "tabular-classification",
        architectureFamily: "Gradient-boosted decision trees",
        modelArchitecture: CREDIT_SCORING_CARD.modelDetails.architecture,
        datasets: [
          { ref: "dataset/training/loans@v7" },
          { ref: "dataset/test/loans-2024@v7-test" },
          { ref: "dataset/test/loans-2024@v7-test#2" },
        ],
        inputs: [{ format: "tabular: 42 applicant and bureau features" }],
        outputs: [{ format: "probability of default within 12 months, 0–1" }, { format: "top five reason codes" }],
      },
      quantitativeAnalysis: {
        performanceMetrics: [
          { type: "roc_auc", value: "0.81", slice: "Q4 holdout", confidenceInterval: { lowerBound: "0.8", upperBound: "0.82" } },
          { type: "brier", value: "0.07", slice: "Q4 holdout" },
        ],
      },
      considerations: {
        users: ["Credit analysts in retail lending", "Credit risk managers"],
        useCases: [CREDIT_SCORING_CARD.intendedUse.primaryUses],
        technicalLimitations: [CREDIT_SCORING_CARD.caveatsAndRecommendations.knownLimitations],
        ethicalConsiderations: [
          { name: CREDIT_SCORING_CARD.ethicalConsiderations.risks, mitigationStrategy: CREDIT_SCORING_CARD.ethicalConsiderations.mitigations },
        ],
        fairnessAssessments: [{ groupAtRisk: "age under 25", benefits: "Faster decisions", harms: "More referrals", mitigationStrategy: "Reweighing" }],
      },
    });
  });

  it("lists each dataset reference as a data component, with its SHA-256 and location", () => {
    expect(full.components).toEqual([
      {
        type: "data",
        "bom-ref": "dataset/training/loans@v7",
        name: "loans",
        version: "v7",
        hashes: [{ alg: "SHA-256", content: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" }],
        data: [{ type: "dataset", name: "loans", contents: { url: "dvc://data/loans%20v7.parquet" }, description: "training data" }],
        properties: [{ name: "attest:dataset-role", value: "training" }],
      },
      {
        type: "data",
        "bom-ref": "dataset/test/loans-2024@v7-test",
        name: "loans-2024",
        version: "v7-test",
        data: [{ type: "dataset", name: "loans-2024", contents: { url: "s3://bank-data/loans/2024/" }, description: "test data" }],
        properties: [
          { name: "attest:dataset-role", value: "test" },
          { name: "attest:content-hash", value: "md5-but-not-really" },
        ],
      },
      {
        type: "data",
        "bom-ref": "dataset/test/loans-2024@v7-test#2",
        name: "loans-2024",
        version: "v7-test",
        data: [{ type: "dataset", name: "loans-2024", description: "test data" }],
        properties: [{ name: "attest:dataset-role", value: "test" }],
      },
    ]);
  });

  it.each([
    ["Supervised binary classification", "supervised"],
    ["semi-supervised anomaly detection", "semi-supervised"],
    ["Self-supervised pre-training", "self-supervised"],
    ["unsupervised clustering", "unsupervised"],
    ["Reinforcement learning agent", "reinforcement-learning"],
  ])("reads the learning type from the model type %j", (modelType, type) => {
    const bom = toCycloneDx({ ...MINIMAL, card: { ...emptyModelCard(), modelDetails: { modelType } } });
    expect(bom.metadata.component.modelCard).toEqual({ modelParameters: { approach: { type } } });
  });
});
