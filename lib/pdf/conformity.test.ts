import { beforeAll, describe, expect, it } from "vitest";
import { CREDIT_SCORING_CARD } from "@/lib/domain/model-card/example-cards";
import { emptyModelCard } from "@/lib/domain/model-card/schema";
import { conformityRecords, standardEntry } from "./conformity";
import { exampleTechnicalDocumentationData } from "./examples";
import { renderTechnicalDocumentation } from "./render";
import { missingInformation } from "./technical-documentation-content";
import type { TTechnicalDocumentationData } from "./technical-documentation-data";
import { normalise, pdfPages } from "./test-support";

describe("standardEntry", () => {
  it.each([
    ["EN ISO/IEC 23894:2024 — AI risk management", { reference: "EN ISO/IEC 23894:2024", title: "AI risk management", extent: "full" }],
    ["ISO/IEC 42001:2023 – AI management system (in part)", { reference: "ISO/IEC 42001:2023", title: "AI management system", extent: "partial" }],
    ["CEN/CLC/TR 18115:2024 - Data governance (applied in part)", { reference: "CEN/CLC/TR 18115:2024", title: "Data governance", extent: "partial" }],
    ["ISO/IEC TS 12791:2024", { reference: "ISO/IEC TS 12791:2024", title: "", extent: "full" }],
    // A hyphen inside the reference is not the separator: only a dash with spaces around it is.
    ["EN 62304-1 — Software life cycle — processes", { reference: "EN 62304-1", title: "Software life cycle — processes", extent: "full" }],
  ])("reads %j", (item, expected) => {
    expect(standardEntry(item, true)).toEqual({ ...expected, harmonised: true });
  });
});

describe("conformityRecords", () => {
  it("reads points 7 and 8 from the card's conformity section", () => {
    const { standards, declaration } = conformityRecords(CREDIT_SCORING_CARD, "Banque Exemple SA");
    expect(standards).toEqual([
      { reference: "EN ISO/IEC 23894:2024", title: "Information technology — Artificial intelligence — Guidance on risk management", harmonised: true, extent: "partial" },
      { reference: "ISO/IEC 42001:2023", title: "Artificial intelligence — Management system", harmonised: false, extent: "full" },
      { reference: "EBA/GL/2020/06", title: "Guidelines on loan origination and monitoring", harmonised: false, extent: "partial" },
    ]);
    expect(declaration).toEqual({
      providerAddress: "12 rue de l'Exemple, 75002 Paris, France",
      authorisedRepresentative: "None: the provider is established in the Union.",
      processesPersonalData: true,
      dataProtectionStatement: CREDIT_SCORING_CARD.conformity.dataProtectionStatement,
      assessmentProcedure: CREDIT_SCORING_CARD.conformity.assessmentProcedure,
      notifiedBody: { name: "Organisme Exemple de Certification SAS", number: "2999", certificate: "OEC-AI-2026-0042" },
      place: "Paris",
      date: "2026-02-10",
      signatory: { name: "Claire Martin", function: "Chief Risk Officer", onBehalfOf: "Banque Exemple SA" },
    });
  });

  it("leaves everything the card does not say empty, for the template to print “Not provided”", () => {
    for (const card of [null, emptyModelCard()]) {
      const { standards, declaration } = conformityRecords(card, null);
      expect(standards).toEqual([]);
      expect(Object.values(declaration).every((v) => v === null)).toBe(true);
    }
  });
});

/** Points 7 and 8 as printed: from the heading of point 7 to that of point 9, whitespace collapsed. */
async function pointsSevenAndEight(data: TTechnicalDocumentationData): Promise<{ text: string; summary: string }> {
  const rendered = await renderTechnicalDocumentation(data);
  const body = normalise((await pdfPages(rendered.pdf)).slice(2).join("\n"));
  const start = body.lastIndexOf("7 Harmonised standards and other specifications applied");
  const end = body.lastIndexOf("9 Post-market monitoring plan");
  expect(start).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  return { text: body.slice(start, end), summary: body.slice(body.indexOf("Completeness summary"), body.indexOf("1 General description")) };
}

describe("Annex IV points 7 and 8 in the PDF", () => {
  let filled: { text: string; summary: string };
  let empty: { text: string; summary: string };

  beforeAll(async () => {
    const base = exampleTechnicalDocumentationData();
    filled = await pointsSevenAndEight({ ...base, ...conformityRecords(CREDIT_SCORING_CARD, base.system.provider) });
    empty = await pointsSevenAndEight({ ...base, ...conformityRecords(null, base.system.provider) });
  }, 60_000);

  it("prints the standards applied with their reference, title, kind and extent", () => {
    expect(filled.text).toContain("EN ISO/IEC 23894:2024 Information technology — Artificial intelligence — Guidance on risk management Harmonised standard In part");
    expect(filled.text).toContain("ISO/IEC 42001:2023 Artificial intelligence — Management system Other specification In full");
  });

  it("prints the Annex V content recorded in the card", () => {
    for (const text of [
      "12 rue de l'Exemple, 75002 Paris, France",
      "Authorised representative: None: the provider is established in the Union.",
      "Personal data are processed in compliance with Regulation (EU) 2016/679",
      "Procedure: Assessment of the quality management system and of the technical documentation by a notified body (Annex VII)",
      "Notified body: Organisme Exemple de Certification SAS",
      "Notified body number: 2999",
      "Certificate: OEC-AI-2026-0042",
      "Place: Paris",
      "Date: 2026-02-10",
      "Signed by Claire Martin, Chief Risk Officer, for and on behalf of Banque Exemple SA",
    ]) {
      expect(filled.text).toContain(text);
    }
    expect(filled.text).not.toContain("Not provided");
    // Annex V point 6 names the harmonised standards only; the other specifications are in point 7.
    expect(filled.text).toContain("common specifications used EN ISO/IEC 23894:2024 7 Where applicable");
  });

  it("prints “Not provided” where the card is silent, and lists each gap on the completeness summary", () => {
    expect(empty.text).toContain("No harmonised standard or common specification is recorded as applied");
    for (const note of ["address", "conformity assessment procedure", "place", "date", "signatory"]) expect(empty.text).toContain(`Not provided (${note})`);
    for (const gap of ["Annex V 2: address of the provider", "Art. 43: conformity assessment procedure followed", "Annex V 8: place of issue", "Annex V 8: date of issue", "Annex V 5: whether personal data are processed"]) {
      expect(empty.summary).toContain(gap);
    }
  });

  it("keeps a signatory's name without a function, and asks for the function", async () => {
    const base = exampleTechnicalDocumentationData();
    const card = { ...CREDIT_SCORING_CARD, conformity: { ...CREDIT_SCORING_CARD.conformity, signatoryFunction: undefined } };
    const data = { ...base, ...conformityRecords(card, base.system.provider) };
    expect(data.declaration.signatory).toEqual({ name: "Claire Martin", function: null, onBehalfOf: base.system.provider });
    expect(missingInformation(data)).toContainEqual({ where: "8", what: "Annex V 8: function of the signatory" });
    const { text } = await pointsSevenAndEight(data);
    expect(text).toContain(`Signed by Claire Martin, for and on behalf of ${base.system.provider}`);
    expect(text).toContain("Not provided (signatory's function)");
  });

  it("asks for the notified body's number and certificate when only its name is recorded", () => {
    const data = exampleTechnicalDocumentationData();
    data.declaration.notifiedBody = { name: "Organisme Exemple", number: null, certificate: null };
    expect(missingInformation(data).filter((m) => m.where === "8").map((m) => m.what)).toEqual(
      expect.arrayContaining(["Annex V 7: identification number of the notified body", "Annex V 7: certificate issued by the notified body"]),
    );
  });
});
