import { beforeAll, describe, expect, it } from "vitest";
import { exampleTechnicalDocumentationData } from "./examples";
import { renderTechnicalDocumentation } from "./render";
import type { TTechnicalDocumentationData } from "./technical-documentation-data";
import { normalise, pdfPages, squeeze, textBelowContent } from "./test-support";

/*
 * Nothing is lost however much there is: an attribute with 150 groups all failing, a card field at
 * its 10,000-character limit, 150 card revisions and an obligation with 60 evidence files, all in
 * one documentation. react-pdf draws what runs past the foot of a page from a block it keeps whole
 * off the page, so every one of them must reach the PDF on a page, and every page must still carry
 * its footer.
 */

const REGIONS = Array.from({ length: 150 }, (_, i) => `region ${String(i + 1).padStart(3, "0")}`);

function voluminous(): TTechnicalDocumentationData {
  const data = exampleTechnicalDocumentationData();
  const evaluation = data.evaluations[1]!;
  const [attribute, metrics] = Object.entries(evaluation.attributes)[0]!;
  const group = Object.values(metrics.groups)[0]!;
  evaluation.attributes = {
    region: {
      ...metrics,
      groups: Object.fromEntries(REGIONS.map((region) => [region, group])),
      reference: null,
      versusReference: {},
      fourFifths: { ...metrics.fourFifths, passes: false, highestGroup: REGIONS[0]!, failingGroups: REGIONS.slice(1) },
      judgedGroups: REGIONS,
    },
  };
  evaluation.intersections = {};
  evaluation.judgement = { status: "fail", failures: [{ attribute: "region", metric: "demographicParityRatio", value: 0.5, threshold: 0.8, groups: REGIONS }] };
  expect(attribute).not.toBe("region");

  const sentences = Array.from({ length: 120 }, (_, i) => `Limitation ${i + 1} is described here in words enough to fill a line.`).join(" ");
  data.card!.content.caveatsAndRecommendations.knownLimitations = sentences.slice(0, 10_000);

  data.cardRevisions = Array.from({ length: 150 }, (_, i) => ({ ...data.cardRevisions[0]!, revision: i + 1, summary: `Revision number ${i + 1} of the card` }));
  const met = data.obligations.find((o) => o.evidence.length > 0)!;
  met.evidence = Array.from({ length: 60 }, (_, i) => ({ ...met.evidence[0]!, name: `evidence-file-${i + 1}.pdf` }));
  return data;
}

describe("the technical documentation of a version with a great deal of data", () => {
  let data: TTechnicalDocumentationData;
  let pdf: Buffer;
  let pages: string[];
  let text: string;

  beforeAll(async () => {
    data = voluminous();
    pdf = (await renderTechnicalDocumentation(data)).pdf;
    pages = await pdfPages(pdf);
    text = normalise(pages.join("\n"));
  });

  it("draws nothing past the foot of a page (where text extraction would still find it)", async () => {
    expect(await textBelowContent(pdf)).toEqual([]);
  });

  it("prints every group of a 150-group attribute in its table, its chart and its judgement", () => {
    for (const region of REGIONS) {
      // Table, chart, summary (failing groups) and judgement (failing groups).
      expect(text.split(region).length - 1, region).toBeGreaterThanOrEqual(region === REGIONS[0] ? 3 : 4);
    }
  });

  it("prints a card field at its length limit to its last word", () => {
    const value = data.card!.content.caveatsAndRecommendations.knownLimitations as string;
    expect(squeeze(text)).toContain(squeeze(value.slice(-200)));
  });

  it("prints every card revision and every evidence file", () => {
    for (let i = 1; i <= 150; i += 1) expect(text).toContain(`Revision number ${i} of the card`);
    for (let i = 1; i <= 60; i += 1) expect(text).toContain(`evidence-file-${i}.pdf`);
  });

  it("still numbers every page in its footer", () => {
    expect(pages.length).toBeGreaterThan(40);
    pages.forEach((page, i) => expect(normalise(page)).toContain(`Page ${i + 1} of ${pages.length}`));
  });
});
