import { describe, expect, it } from "vitest";
import { CREDIT_SCORING_CARD } from "./example-cards";
import { fieldAnchor, isRequired, MODEL_CARD_TEMPLATE, RISK_TIERS, type TCardSection, type TRiskTier } from "./template";
import { filledValue } from "./values";

const SECTIONS = MODEL_CARD_TEMPLATE as readonly TCardSection[];
const requiredPaths = (tier: TRiskTier | null) =>
  SECTIONS.flatMap((s) => s.fields.filter((f) => isRequired(f, tier)).map((f) => `${s.key}.${f.key}`));

describe("model card template", () => {
  it("has the sections of the API contract, in order", () => {
    expect(SECTIONS.map((s) => s.key)).toEqual([
      "modelDetails",
      "intendedUse",
      "factors",
      "metrics",
      "trainingData",
      "evaluationData",
      "quantitativeAnalyses",
      "ethicalConsiderations",
      "caveatsAndRecommendations",
      "humanOversight",
      "accuracyRobustnessCybersecurity",
      "logging",
      "postMarketMonitoring",
      "requirements",
      "deployerInstructions",
      "conformity",
      "additionalInformation",
    ]);
  });

  it.each([
    ["modelDetails", ["Art. 11", "Art. 13(3)(a)", "Annex IV 1(a)", "Annex IV 2(b)", "Annex IV 2(c)", "Annex IV 6"]],
    ["trainingData", ["Art. 10", "Annex IV 2(d)"]],
    ["humanOversight", ["Art. 14", "Art. 13(3)(d)", "Annex IV 2(e)", "Annex IV 3"]],
    ["accuracyRobustnessCybersecurity", ["Art. 15", "Art. 13(3)(b)(ii)", "Annex IV 2(h)"]],
    ["logging", ["Art. 12", "Art. 13(3)(f)", "Art. 19"]],
    ["postMarketMonitoring", ["Art. 72", "Art. 73", "Annex IV 9"]],
    ["deployerInstructions", ["Art. 13", "Art. 50", "Annex IV 1(g)", "Annex IV 1(h)", "Annex IV 2(f)"]],
  ])("cites the articles %s serves", (key, articles) => {
    expect(SECTIONS.find((s) => s.key === key)?.articles).toEqual(articles);
  });

  it("gives every field a camelCase key, a label, help text and a length limit, unique within its section", () => {
    for (const section of SECTIONS) {
      expect(section.title).not.toBe("");
      expect(section.description).not.toBe("");
      const keys = section.fields.map((f) => f.key);
      const labels = section.fields.map((f) => f.label);
      expect(new Set(keys).size, section.key).toBe(keys.length);
      expect(new Set(labels).size, section.key).toBe(labels.length);
      for (const field of section.fields) {
        expect(field.key).toMatch(/^[a-z][a-zA-Z]*$/);
        expect(field.help.length, `${section.key}.${field.key}`).toBeGreaterThan(20);
        expect(field.maxLength).toBeGreaterThan(0);
      }
    }
  });

  it.each<[TRiskTier, string[]]>([
    ["minimal", ["modelDetails.name", "modelDetails.provider", "modelDetails.version", "modelDetails.contact", "intendedUse.primaryUses"]],
    [
      "limited",
      [
        "modelDetails.name",
        "modelDetails.description",
        "modelDetails.provider",
        "modelDetails.version",
        "modelDetails.modelType",
        "modelDetails.contact",
        "intendedUse.primaryUses",
        "intendedUse.primaryUsers",
        "intendedUse.outOfScopeUses",
        "caveatsAndRecommendations.knownLimitations",
        "deployerInstructions.transparencyNotice",
      ],
    ],
  ])("requires for a %s-risk model exactly these fields", (tier, paths) => {
    expect(requiredPaths(tier)).toEqual(paths);
  });

  it("requires 61 fields of a high-risk model and the same of a prohibited or unclassified one", () => {
    expect(requiredPaths("high")).toHaveLength(61);
    expect(requiredPaths("prohibited")).toEqual(requiredPaths("high"));
    expect(requiredPaths(null)).toEqual(requiredPaths("high"));
  });

  it.each([
    ["modelDetails.task"],
    ["modelDetails.license"],
    ["modelDetails.documentationUrl"],
    ["modelDetails.citation"],
    ["trainingData.specialCategoryData"],
    ["accuracyRobustnessCybersecurity.feedbackLoops"],
    ["additionalInformation.notes"],
  ])("never requires %s, which applies only to some models", (path) => {
    for (const tier of RISK_TIERS) expect(requiredPaths(tier)).not.toContain(path);
  });

  it("names the editor anchor of a field", () => {
    expect(fieldAnchor("intendedUse", "primaryUses")).toBe("field-intendedUse-primaryUses");
  });

  it("has an example card that fills every field", () => {
    for (const section of SECTIONS) {
      for (const field of section.fields) expect(filledValue(CREDIT_SCORING_CARD, section.key, field.key), `${section.key}.${field.key}`).not.toBeNull();
    }
  });
});
