import { describe, expect, it } from "vitest";
import { completeness, completenessBand } from "./completeness";
import { CREDIT_SCORING_CARD } from "./example-cards";
import { emptyModelCard } from "./schema";

const MINIMAL_FIELDS = [
  ["modelDetails", "name", "Credit scorer"],
  ["modelDetails", "provider", "Banque Exemple SA"],
  ["modelDetails", "version", "1.0.0"],
  ["modelDetails", "contact", "risk@bank.eu"],
  ["intendedUse", "primaryUses", "Ranks loan applications."],
] as const;

/** A card with the first n of the fields a minimal-risk model must fill. */
function cardWithMinimalFields(n: number) {
  const card: Record<string, Record<string, unknown>> = emptyModelCard();
  for (const [section, field, value] of MINIMAL_FIELDS.slice(0, n)) card[section][field] = value;
  return card;
}

describe("completeness", () => {
  it.each([
    [0, 0, "empty"],
    [1, 20, "empty"],
    [2, 40, "partial"],
    [3, 60, "partial"],
    [4, 80, "nearly"],
    [5, 100, "complete"],
  ])("of a minimal-risk card with %i of 5 required fields is %i%%, %s", (n, percent, band) => {
    const result = completeness(cardWithMinimalFields(n), "minimal");
    expect(result.overall).toEqual({ filled: n, required: 5, percent });
    expect(result.band).toBe(band);
  });

  it.each([
    ["prohibited", 61],
    ["high", 61],
    ["limited", 11],
    ["minimal", 5],
    [null, 61],
  ] as const)("counts what a %s card requires: %i fields", (tier, required) => {
    expect(completeness(emptyModelCard(), tier).overall).toEqual({ filled: 0, required, percent: 0 });
    expect(completeness(CREDIT_SCORING_CARD, tier).overall).toEqual({ filled: required, required, percent: 100 });
  });

  it("reports each section, in template order, with what is missing and where the editor shows it", () => {
    const result = completeness(cardWithMinimalFields(2), "minimal");
    expect(result.sections.map((s) => [s.key, s.filled, s.required, s.percent])).toEqual([
      ["modelDetails", 2, 4, 50],
      ["intendedUse", 0, 1, 0],
      ["factors", 0, 0, 100],
      ["metrics", 0, 0, 100],
      ["trainingData", 0, 0, 100],
      ["evaluationData", 0, 0, 100],
      ["quantitativeAnalyses", 0, 0, 100],
      ["ethicalConsiderations", 0, 0, 100],
      ["caveatsAndRecommendations", 0, 0, 100],
      ["humanOversight", 0, 0, 100],
      ["accuracyRobustnessCybersecurity", 0, 0, 100],
      ["logging", 0, 0, 100],
      ["postMarketMonitoring", 0, 0, 100],
      ["requirements", 0, 0, 100],
      ["deployerInstructions", 0, 0, 100],
      ["conformity", 0, 0, 100],
      ["additionalInformation", 0, 0, 100],
    ]);
    expect(result.sections[0]).toMatchObject({
      title: "Model details",
      missing: [
        { field: "version", label: "Version", anchor: "field-modelDetails-version" },
        { field: "contact", label: "Contact", anchor: "field-modelDetails-contact" },
      ],
    });
  });

  it("rounds down, so one missing field of 61 reads 98%, nearly complete", () => {
    const card = structuredClone(CREDIT_SCORING_CARD);
    delete card.humanOversight.overrideAndStop;
    const result = completeness(card, "high");
    expect(result.overall).toEqual({ filled: 60, required: 61, percent: 98 });
    expect(result.band).toBe("nearly");
    expect(result.sections.find((s) => s.key === "humanOversight")).toEqual({
      key: "humanOversight",
      title: "Human oversight",
      filled: 3,
      required: 4,
      percent: 75,
      missing: [{ field: "overrideAndStop", label: "Override and stop", anchor: "field-humanOversight-overrideAndStop" }],
    });
  });

  it("does not let optional fields make up for required ones", () => {
    const card = { modelDetails: { license: "mit", citation: "Cite us", task: "tabular-classification" } };
    expect(completeness(card, "minimal").overall).toEqual({ filled: 0, required: 5, percent: 0 });
  });

  it.each([
    ["whitespace-only text", "   \n\t", 0],
    ["a list of blanks", ["", "  "], 0],
    ["a number", 42, 0],
    ["an object", { text: "x" }, 0],
    ["a list with one item", ["Credit analysts"], 1],
    ["text", "Ranks applications.", 1],
  ])("counts %s as %i filled in an unsaved draft", (_, value, filled) => {
    const draft = { intendedUse: { primaryUses: value } };
    expect(completeness(draft, "minimal").sections[1].filled).toBe(filled);
  });

  it("treats a draft that is not a card as empty", () => {
    expect(completeness(null, "minimal").overall).toEqual({ filled: 0, required: 5, percent: 0 });
    expect(completeness("card", "limited").band).toBe("empty");
  });
});

describe("completenessBand", () => {
  it.each([
    [0, 0, "complete"],
    [4, 4, "complete"],
    [3, 4, "nearly"],
    [75, 100, "nearly"],
    [74, 100, "partial"],
    [1, 4, "partial"],
    [25, 100, "partial"],
    [24, 100, "empty"],
    [0, 4, "empty"],
  ])("puts %i of %i in %s", (filled, required, band) => {
    expect(completenessBand(filled, required)).toBe(band);
  });
});
