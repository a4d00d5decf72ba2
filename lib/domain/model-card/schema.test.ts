import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { CREDIT_SCORING_CARD } from "./example-cards";
import { emptyModelCard, ZModelCardSchema } from "./schema";

/** The first message per dotted path, as the API's 422 reports them. */
function errorsOf(input: unknown): Record<string, string> {
  const result = ZModelCardSchema.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const issue of (result.error as z.ZodError).issues) out[issue.path.join(".") || "_"] ??= issue.message;
  return out;
}

describe("ZModelCardSchema", () => {
  it("accepts a fully filled card unchanged", () => {
    expect(ZModelCardSchema.parse(CREDIT_SCORING_CARD)).toEqual(CREDIT_SCORING_CARD);
  });

  it("gives every section, empty, to an empty object", () => {
    expect(ZModelCardSchema.parse({})).toEqual(emptyModelCard());
    expect(Object.keys(emptyModelCard())).toHaveLength(17);
    expect(emptyModelCard().humanOversight).toEqual({});
  });

  it.each([
    ["trims text", { intendedUse: { primaryUses: "  Ranks applications.\n " } }, { primaryUses: "Ranks applications." }],
    ["turns CRLF into LF", { intendedUse: { primaryUses: "Line one\r\nLine two\rLine three" } }, { primaryUses: "Line one\nLine two\nLine three" }],
    ["leaves out cleared fields", { intendedUse: { primaryUses: "   ", outOfScopeUses: "", deploymentContext: null } }, {}],
    ["drops blank list items and empty lists", { intendedUse: { primaryUsers: [" Analysts ", "", "  "] } }, { primaryUsers: ["Analysts"] }],
    ["leaves out a list of blanks", { intendedUse: { primaryUsers: ["", " "] } }, {}],
    ["keeps unicode and markup as text", { intendedUse: { primaryUses: "Scores crédit — 信用 <script>alert(1)</script>" } }, { primaryUses: "Scores crédit — 信用 <script>alert(1)</script>" }],
  ])("%s", (_, input, intendedUse) => {
    expect(ZModelCardSchema.parse(input).intendedUse).toEqual(intendedUse);
  });

  it("accepts a null section as empty", () => {
    expect(ZModelCardSchema.parse({ factors: null }).factors).toEqual({});
  });

  it.each<[string, unknown, Record<string, string>]>([
    ["a card that is not an object", "card", { _: "A model card must be a JSON object whose keys are its sections." }],
    [
      "an unknown section",
      { modelDetail: {} },
      { modelDetail: expect.stringMatching(/^Unknown section "modelDetail"\. The sections are: modelDetails, intendedUse, /) as unknown as string },
    ],
    [
      "an unknown field",
      { intendedUse: { purpose: "x" } },
      { "intendedUse.purpose": 'Unknown field "purpose" in Intended use. Its fields are: primaryUses, primaryUsers, outOfScopeUses, deploymentContext.' },
    ],
    ["a section that is not an object", { metrics: ["AUC"] }, { metrics: "Metrics must be an object of fields." }],
    ["a number for text", { modelDetails: { version: 3 } }, { "modelDetails.version": "Version must be text." }],
    ["text that is too long", { modelDetails: { version: "v".repeat(101) } }, { "modelDetails.version": "Version must be at most 100 characters." }],
    ["a longtext that is too long", { ethicalConsiderations: { risks: "r".repeat(10_001) } }, { "ethicalConsiderations.risks": "Risks to health, safety and fundamental rights must be at most 10000 characters." }],
    ["two lines in a one-line field", { modelDetails: { name: "Credit\nscorer" } }, { "modelDetails.name": "Model name must be a single line." }],
    ["a javascript: link", { modelDetails: { documentationUrl: "javascript:alert(1)" } }, { "modelDetails.documentationUrl": "More information must be a web address starting with https:// or http://." }],
    ["a link without a scheme", { modelDetails: { documentationUrl: "wiki/models" } }, { "modelDetails.documentationUrl": "More information must be a web address starting with https:// or http://." }],
    ["a contact that is not an email", { modelDetails: { contact: "the model team" } }, { "modelDetails.contact": "Contact must be an email address, like team@example.com." }],
    ["an impossible date", { modelDetails: { releaseDate: "2026-02-30" } }, { "modelDetails.releaseDate": "Date must be a date written as YYYY-MM-DD." }],
    ["a date in another format", { modelDetails: { releaseDate: "15/01/2026" } }, { "modelDetails.releaseDate": "Date must be a date written as YYYY-MM-DD." }],
    ["a list that is text", { factors: { relevantGroups: "age" } }, { "factors.relevantGroups": "Relevant groups must be a list of texts." }],
    ["a list item that is not text", { factors: { relevantGroups: [1] } }, { "factors.relevantGroups.0": "Each item of Relevant groups must be text." }],
    ["a list item that is too long", { factors: { relevantGroups: ["g".repeat(201)] } }, { "factors.relevantGroups.0": "Each item of Relevant groups must be at most 200 characters." }],
    ["a list item over two lines", { factors: { relevantGroups: ["a\nb"] } }, { "factors.relevantGroups.0": "Each item of Relevant groups must be a single line." }],
    ["a list of 51 items", { factors: { relevantGroups: Array.from({ length: 51 }, (_, i) => `group ${i}`) } }, { "factors.relevantGroups": "Relevant groups can have at most 50 items." }],
    [
      "several problems at once",
      { intendedUse: { primaryUses: 1, extra: "x" }, nope: {} },
      {
        "intendedUse.primaryUses": "Primary intended uses must be text.",
        "intendedUse.extra": 'Unknown field "extra" in Intended use. Its fields are: primaryUses, primaryUsers, outOfScopeUses, deploymentContext.',
        nope: expect.stringMatching(/^Unknown section "nope"/) as unknown as string,
      },
    ],
  ])("rejects %s with a message naming the field", (_, input, errors) => {
    expect(errorsOf(input)).toEqual(errors);
  });

  it.each([
    ["an http link", { modelDetails: { documentationUrl: "http://intranet.example/models" } }],
    ["a date", { modelDetails: { releaseDate: "2024-02-29" } }],
    ["exactly the length limit", { modelDetails: { version: "v".repeat(100) } }],
    ["exactly 50 items", { factors: { relevantGroups: Array.from({ length: 50 }, (_, i) => `group ${i}`) } }],
    ["notes of 100000 characters", { additionalInformation: { notes: "n".repeat(100_000) } }],
  ])("accepts %s", (_, input) => {
    expect(errorsOf(input)).toEqual({});
  });
});
