import { Document, Page, View } from "@react-pdf/renderer";
import { createElement as h, type ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { KeyValues, pageChrome, Paragraphs, Plain, styles, Table } from "./components";
import { GroupAccuracy } from "./evaluation-blocks";
import { exampleTechnicalDocumentationData } from "./examples";
import { renderPdf } from "./render";
import { normalise, pdfPages, pdfTextPositions, textBelowContent } from "./test-support";

/*
 * Content whose length the data decides must reach the PDF whole, however long: react-pdf drops
 * what runs past the foot of a page from a block it keeps whole (a chart's piece, a heading kept
 * with what follows), so such content must sit where it may break.
 */

/** The text of the pages, after checking that none was drawn past the foot of a page. */
async function printed(content: ReactNode): Promise<{ text: string; pages: number }> {
  // With a page layout, as the documents have: it selects react-pdf's newer pagination engine.
  const page = h(Page, { size: "A4", style: styles.page, layout: pageChrome({ documentId: "TEST" }) }, h(View, null, content));
  const pdf = await renderPdf(h(Document, null, page));
  expect(await textBelowContent(pdf)).toEqual([]);
  const pages = await pdfPages(pdf);
  return { text: normalise(pages.join("\n")), pages: pages.length };
}

/** About 9,000 characters in 60 numbered sentences: more than a page. */
const longText = Array.from({ length: 60 }, (_, i) => `Sentence ${i + 1} of the classification rationale, long enough to take most of a line here.`).join("\n\n");

describe("long content in blocks kept together", () => {
  it("breaks a label–value row whose value is elements holding more than a page", async () => {
    const { text, pages } = await printed(h(KeyValues, { rows: [{ label: "Rationale", value: h(Paragraphs, { text: longText }) }, { label: "Decided", value: "2026-03-02" }] }));
    expect(pages).toBeGreaterThan(1);
    for (let i = 1; i <= 60; i += 1) expect(text).toContain(`Sentence ${i} of the classification rationale`);
    expect(text).toContain("Decided 2026-03-02");
  });

  it("prints an attribute's judgement in full however many groups fail", async () => {
    const evaluation = exampleTechnicalDocumentationData().evaluations[0]!;
    const attribute = Object.keys(evaluation.attributes)[0]!;
    const groups = Array.from({ length: 400 }, (_, i) => `region ${i + 1}`);
    const failures = (["demographicParityRatio", "equalOpportunityDifference", "equalizedOddsDifference"] as const).map((metric) => ({ attribute, metric, value: 0.5, threshold: 0.8, groups }));
    const { text, pages } = await printed(h(GroupAccuracy, { evaluations: [{ ...evaluation, judgement: { status: "fail" as const, failures } }] }));
    expect(pages).toBeGreaterThan(1);
    const judgement = text.slice(text.indexOf("Judgement:"));
    for (const metric of ["demographic parity ratio", "equal opportunity difference", "equalized odds difference"]) expect(judgement).toContain(metric);
    expect(judgement).toContain("region 400");
    expect(judgement.split("region 400").length).toBe(4); // once per failure
  });

  it("breaks a table row whose cell is elements holding more than a page", async () => {
    const evidence = h(View, null, ...Array.from({ length: 90 }, (_, i) => h(Plain, { key: i, children: `Evidence file ${i + 1}: test-report-${i + 1}.pdf` })));
    const { text, pages } = await printed(
      h(Table, {
        columns: [
          { title: "Article", width: "20%" },
          { title: "Evidence", width: "80%" },
        ],
        rows: [["Art. 9", evidence], ["Art. 10", "None recorded"]],
      }),
    );
    expect(pages).toBeGreaterThan(1);
    for (let i = 1; i <= 90; i += 1) expect(text).toContain(`Evidence file ${i}: test-report-${i}.pdf`);
    expect(text).toContain("Art. 10 None recorded");
  });

  it("wraps a long left side of the running header rather than print it under the right side", async () => {
    const left = "Retail credit default scorer for thin-file applicants in France, Belgium and Luxembourg (monthly batch variant)  ·  version 3.2.0-rc.1+build.20260302";
    const header = { left, right: "Technical documentation  ·  EU AI Act Annex IV" };
    const page = h(Page, { size: "A4", style: styles.page, layout: pageChrome({ header, documentId: "TEST" }) }, h(View, null, h(Plain, null, "Body text.")));
    const [items] = await pdfTextPositions(await renderPdf(h(Document, null, page)));
    const right = items!.find((item) => item.str.includes("EU AI Act Annex IV"))!;
    const leftLines = items!.filter((item) => item.str.startsWith("Retail credit") || item.str.includes("build.20260302"));
    expect(leftLines.length).toBeGreaterThan(1); // wrapped
    for (const line of leftLines) expect(line.x + line.width).toBeLessThan(right.x);
    expect(normalise(leftLines.map((line) => line.str).join(" "))).toBe(normalise(left));
  });
});
