import { beforeAll, describe, expect, it } from "vitest";
import { examplePortfolioReportData } from "./examples";
import { evaluationStatus, isOverdue, PortfolioReport, sortedModels } from "./portfolio-report";
import { renderPdf } from "./render";
import { normalise, pdfPages, squeeze, textBelowContent } from "./test-support";

describe("the portfolio report", () => {
  const data = examplePortfolioReportData();
  let pdf: Buffer;
  let text: string;

  beforeAll(async () => {
    pdf = await renderPdf(PortfolioReport(data));
    const pages = await pdfPages(pdf);
    text = normalise(pages.join("\n"));
  });

  it("draws nothing past the foot of a page (its bottom margin is 56 points)", async () => {
    expect(await textBelowContent(pdf, 53)).toEqual([]);
  });

  it("lists every model with its tier, version and stage, approvals, evaluations, obligations, card and review", () => {
    for (const m of data.models) {
      expect(text).toContain(m.name);
      expect(text).toContain(m.slug);
    }
    // Long e-mail addresses may wrap inside the narrow model column.
    expect(squeeze(text)).toContain(squeeze("Retail credit default scorer retail-credit-default · Retail lending · dana.scientist@banque-exemple.eu High-risk 3.2.0 Approved"));
    expect(text).toContain("1 valid, 1 invalidated last 2026-02-10");
    expect(text).toContain("Passing with waivers (1 waived)");
    expect(text).toContain("8 of 14 (57%)");
    expect(text).toContain("Failing (1 failed)");
    expect(text).toContain("Not classified");
  });

  it("flags overdue reviews, in the table and in their own list", () => {
    expect(text).toContain("2026-02-01 OVERDUE");
    expect(text).toContain("Overdue reviews (1)");
    expect(text).toContain("Fraud alert triage (fraud-triage), version 1.4.2: review was due 2026-02-01");
  });

  it("prints user text literally and has the footer", () => {
    expect(text).toContain("CV screening pilot <beta>");
    expect(text).toContain(`Document ${data.documentId}`);
    // The signing key and checkpoint block is kept together, on a page of its own here.
    expect(text).toContain("Page 1 of 2");
  });

  it("prints the audit signing key and its checkpoint of the head at issue", () => {
    const { keyId, publicKey, checkpoint } = data.signingKey!;
    for (const value of [`Ed25519, key id ${keyId}`, publicKey, `Checkpoint at event 4,812`, checkpoint!.headHash, checkpoint!.signature]) expect(squeeze(text)).toContain(squeeze(value));
  });

  it("is deterministic", async () => {
    expect(Buffer.compare(await renderPdf(PortfolioReport(examplePortfolioReportData())), pdf)).toBe(0);
  });
});

describe("the portfolio report of a large organisation", () => {
  it("lists 300 models with long names and every overdue review, with nothing off the page", async () => {
    const template = examplePortfolioReportData().models;
    const name = (i: number) => `Model ${String(i).padStart(3, "0")}: ${"a long descriptive model name for the inventory ".repeat(2).trim()}`;
    const models = Array.from({ length: 300 }, (_, i) => ({ ...template[i % template.length]!, name: name(i + 1), slug: `model-${i + 1}`, nextReviewDate: i % 3 === 0 ? "2026-01-01" : null }));
    const pdf = await renderPdf(PortfolioReport({ ...examplePortfolioReportData(), models }));
    expect(await textBelowContent(pdf, 53)).toEqual([]);
    const pages = await pdfPages(pdf);
    const all = normalise(pages.join("\n"));
    expect(pages.length).toBeGreaterThan(10);
    for (let i = 1; i <= 300; i += 1) expect(all.split(`Model ${String(i).padStart(3, "0")}:`).length - 1, `model ${i}`).toBe(i % 3 === 1 ? 2 : 1);
    expect(all).toContain("Overdue reviews (100)");
    pages.forEach((page, i) => expect(normalise(page)).toContain(`Page ${i + 1} of ${pages.length}`));
  });
});

describe("portfolio helpers", () => {
  it("orders models by tier, most severe first, unclassified last, then by name", () => {
    const tiers = sortedModels(examplePortfolioReportData().models).map((m) => m.tier);
    expect(tiers).toEqual(["high", "limited", "minimal", null]);
  });

  it("judges a review overdue only after its date", () => {
    const model = { ...examplePortfolioReportData().models[0]!, nextReviewDate: "2026-03-02" };
    expect(isOverdue(model, "2026-03-02")).toBe(false);
    expect(isOverdue(model, "2026-03-03")).toBe(true);
    expect(isOverdue({ ...model, nextReviewDate: null }, "2030-01-01")).toBe(false);
  });

  it("summarises evaluation status, failures first", () => {
    expect(evaluationStatus({ pass: 0, fail: 0, waived: 0 })).toBe("None");
    expect(evaluationStatus({ pass: 3, fail: 1, waived: 1 })).toBe("Failing (1 failed)");
    expect(evaluationStatus({ pass: 3, fail: 0, waived: 0 })).toBe("Passing (3)");
  });
});
