import { beforeAll, describe, expect, it } from "vitest";
import { ANNEX_IV } from "./annex-iv";
import { exampleTechnicalDocumentationData } from "./examples";
import { renderTechnicalDocumentation, type TRenderedDocument } from "./render";
import { tableOfContents } from "./technical-documentation";
import { evidenceManifest } from "./technical-documentation-content";
import type { TTechnicalDocumentationData } from "./technical-documentation-data";
import { normalise, pdfPages, squeeze, textBelowContent } from "./test-support";

/*
 * The technical documentation rendered from fixed data and read back as text with pdf.js, as a
 * reader (or a regulator's tooling) would see it.
 */

describe("the technical documentation of a fully documented version", () => {
  const data = exampleTechnicalDocumentationData();
  let rendered: TRenderedDocument;
  let pages: string[];
  let body: string; // everything after the contents page, whitespace collapsed

  beforeAll(async () => {
    rendered = await renderTechnicalDocumentation(data);
    pages = await pdfPages(rendered.pdf);
    body = normalise(pages.slice(2).join("\n"));
  });

  it("is a PDF whose every page has the document id and “Page x of y” in its footer", () => {
    expect(rendered.pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pages.length).toBeGreaterThan(10);
    expect(normalise(pages[0]!)).toContain(`Page 1 of ${pages.length}`);
    pages.forEach((page, i) => {
      expect(normalise(page)).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain(`Document ${data.documentId}`);
    });
  });

  it("draws nothing past the foot of a page", async () => {
    expect(await textBelowContent(rendered.pdf)).toEqual([]);
  });

  it("has a cover with the system, version, provider, risk tier and legal basis, stage, document id, issue and dossier hash", () => {
    const cover = normalise(pages[0]!);
    for (const text of [
      "TECHNICAL DOCUMENTATION",
      "Retail credit default scorer",
      "Version 3.2.0",
      "Banque Exemple SA, Model Risk & Analytics team",
      "HIGH-RISK AI SYSTEM",
      "Art. 6(2), Annex III 5(b)",
      "Lifecycle stage Approved",
      "DOC-2026-000123",
      "2026-03-02 09:30 UTC by alex.auditor@banque-exemple.eu",
      data.dossierSha256!,
      `Ed25519, key id ${data.signingKey!.keyId}`,
      data.signingKey!.publicKey,
    ]) {
      expect(squeeze(cover)).toContain(squeeze(text));
    }
  });

  it("prints every Annex IV heading, in the Act's order", () => {
    const headings = ANNEX_IV.flatMap((s) => [`${s.number} ${s.title}`, ...(s.points.length > 1 ? s.points.map((p) => `${p.ref} ${p.title}`) : [])]);
    let at = 0;
    for (const heading of [...headings, "Additional information", "Evidence manifest"]) {
      const found = body.indexOf(heading, at);
      expect(found, `“${heading}” after position ${at}`).toBeGreaterThanOrEqual(0);
      at = found + heading.length;
    }
  });

  it("numbers the contents with the pages the headings are on", () => {
    const contents = normalise(pages[1]!);
    for (const entry of tableOfContents()) {
      const page = rendered.pages.get(entry.id)!;
      expect(contents).toContain(`${entry.number ? `${entry.number} ` : ""}${entry.title} ${page}`);
      expect(normalise(pages[page - 1]!)).toContain(entry.number ? `${entry.number} ${entry.title}` : entry.title);
    }
  });

  it("prints every value of the model card", () => {
    const squeezed = squeeze(body);
    // The standards applied are printed as a table of reference, title and extent (point 7).
    const { harmonisedStandards, otherSpecifications, ...conformity } = data.card!.content.conformity;
    for (const section of Object.values({ ...data.card!.content, conformity })) {
      for (const value of Object.values(section as Record<string, string | string[]>)) {
        for (const text of Array.isArray(value) ? value : value.split("\n")) expect(squeezed).toContain(squeeze(text));
      }
    }
    for (const item of [...harmonisedStandards!, ...otherSpecifications!]) {
      for (const part of item.replace(/\(in part\)$/, "").split(" — ")) expect(squeezed).toContain(squeeze(part));
    }
  });

  it("prints the per-group numbers of each evaluation, with intervals, and labels intersections for people", () => {
    // Out-of-time test 2024, age_band: 25-64 has 157,000 rows, 21,000 selected (0.134), TPR 9,000/15,000, FPR 12,000/142,000.
    expect(body).toContain("25-64 157,000 0.134 (0.132–0.135) 0.885 0.600 0.085 0.429 reference");
    expect(body).toContain("under 25 23,000 0.143 (0.139–0.148) 0.878 0.593 0.084 0.485");
    expect(body).toContain("female 103,000 0.133 (0.131–0.135)");
    expect(body).toContain("under 25 × female 11,300");
    // The thin-file evaluation: a group below the minimum size is reported but not judged.
    expect(body).toContain("no bureau record 20 0.600");
    expect(body).toContain("too few rows");
    expect(body).toContain("Test report 1 of 2");
    expect(body).toContain("WAIVED (failed, waiver in force)");
    expect(body).toContain("Signed off by olivia.compliance@banque-exemple.eu, 2026-02-10 14:05 UTC");
  });

  it("draws the selection-rate charts as vector graphics, with no embedded images", () => {
    expect(body).toContain("Selection rate (share predicted positive); whiskers: 95% Wilson interval");
    expect(rendered.pdf.includes("/Subtype /Image")).toBe(false);
  });

  it("ends with the evidence manifest: every digest in full and the audit chain head", () => {
    const manifestPage = pages.findIndex((p) => p.includes("Evidence manifest") && p.includes("SHA-256 digests"));
    const manifest = squeeze(pages.slice(manifestPage).join("\n"));
    const entries = evidenceManifest(data);
    expect(entries.length).toBe(1 + 3 + 2 + 7 + 3); // dossier, card revisions, evaluations, evidence of the 7 obligations met, datasets
    for (const entry of entries) expect(manifest).toContain(entry.sha256);
    expect(manifest).toContain(squeeze(`Event 4,812 ${data.auditHead!.hash}`));
    const { keyId, publicKey, checkpoint } = data.signingKey!;
    for (const text of [`key id ${keyId}`, publicKey, `Checkpoint at event 4,812, signed ${checkpoint!.signedAt}`, `Head hash (SHA-256) ${checkpoint!.headHash}`, `Signature (base64) ${checkpoint!.signature}`]) {
      expect(manifest).toContain(squeeze(text));
    }
  });

  it("lists on the completeness summary what is missing: here only the unsigned declaration", () => {
    const summary = normalise(pages[2]!);
    expect(summary).toContain("Completeness summary");
    expect(summary).toContain("Model card: 61 of 61 fields required for high-risk systems are filled (100%).");
    expect(summary).toContain("Not provided (3)");
    expect(summary).toContain("8 EU declaration of conformity Annex V 8: place of issue");
  });

  it("renders the same bytes from the same data, and different bytes when the issue time differs", async () => {
    const again = await renderTechnicalDocumentation(exampleTechnicalDocumentationData());
    expect(Buffer.compare(again.pdf, rendered.pdf)).toBe(0);
    const later = await renderTechnicalDocumentation({ ...exampleTechnicalDocumentationData(), generatedAt: "2026-03-02T09:31:00.000Z" });
    expect(Buffer.compare(later.pdf, rendered.pdf)).not.toBe(0);
  });
});

describe("the technical documentation of a version with gaps and hostile text", () => {
  const MARKUP = '<script>alert("x")</script> **bold** _em_ [link](javascript:alert(1)) &amp; <b>';
  let data: TTechnicalDocumentationData;
  let pdf: Buffer;
  let pages: string[];

  beforeAll(async () => {
    data = exampleTechnicalDocumentationData();
    const card = data.card!.content;
    delete card.trainingData.provenance; // required for high-risk: must print "Not provided" and be listed
    delete card.modelDetails.citation; // optional: "Not provided (optional …)", not listed
    card.intendedUse.primaryUses = MARKUP;
    card.factors.relevantGroups = ["# heading", "- not a list", "`code`"];
    card.caveatsAndRecommendations.knownLimitations = "Łódź Ελληνικά Кириллица 中文 🦀 a\u202Eb";
    data.evaluations[1]!.name = "Run <img src=x onerror=alert(1)>";
    data.datasets = data.datasets.filter((d) => d.role !== "training");
    data.auditHead = null;
    pdf = (await renderTechnicalDocumentation(data)).pdf;
    pages = await pdfPages(pdf);
  });

  it("draws nothing past the foot of a page", async () => {
    expect(await textBelowContent(pdf)).toEqual([]);
  });

  /** The first page after the contents that has the text. */
  const pageWith = (text: string) => pages.findIndex((p, i) => i > 1 && normalise(p).includes(text));

  it("prints “Not provided” in place of an empty required field", () => {
    const page = normalise(pages[pageWith("2(d) Data requirements and datasheets Where relevant, the data requirements")]!);
    expect(page).toContain("Provenance and original purpose · Training data Not provided Collection and labelling");
  });

  it("marks an empty optional field as optional rather than missing", () => {
    expect(normalise(pages.join("\n"))).toContain("Citation · Model details Not provided (optional for high-risk systems)");
  });

  it("lists every gap on the completeness summary, with where it is", () => {
    const summary = normalise(pages[2]!);
    expect(summary).toContain("2(d) Data requirements and datasheets Training data › Provenance and original purpose");
    expect(summary).toContain("2(d) Data requirements and datasheets Reference to the training dataset");
    expect(summary).toContain("Evidence manifest Audit chain head at issue");
    expect(summary).not.toContain("Citation");
  });

  it("prints markup in user text literally", () => {
    const text = normalise(pages.join("\n"));
    expect(text).toContain(MARKUP);
    expect(text).toContain("• # heading • - not a list • `code`");
    expect(text).toContain("Run <img src=x onerror=alert(1)>");
  });

  it("draws non-Latin-1 text with the fallback font and names what no font can draw", () => {
    const text = normalise(pages.join("\n"));
    expect(text).toContain("Łódź Ελληνικά Кириллица [U+4E2D][U+6587] [U+1F980] a[U+202E]b");
    expect(normalise(pages[2]!)).toContain("U+202E (1×), U+4E2D (1×), U+6587 (1×), U+1F980 (1×)");
  });
});
