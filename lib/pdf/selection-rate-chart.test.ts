import { Document, Page, View } from "@react-pdf/renderer";
import { createElement as h } from "react";
import { describe, expect, it } from "vitest";
import { pageChrome, styles } from "./components";
import { renderPdf } from "./render";
import { SelectionRateChart, type TChartGroup } from "./selection-rate-chart";
import { pdfTextPositions, textBelowContent } from "./test-support";

/*
 * The chart draws its labels and rates as one text each, a line per bar, when every label
 * certainly sets on one line, and a row per group otherwise. The two must look the same: every
 * label and rate at the same place relative to the axis.
 */

const group = (label: string, rate: number): TChartGroup => ({ label, rate, interval: [rate - 0.01, rate + 0.01], insufficient: false, failsFourFifths: false });

const chartPdf = (groups: TChartGroup[]) =>
  renderPdf(h(Document, null, h(Page, { size: "A4", style: styles.page, layout: pageChrome({ documentId: "TEST" }) }, h(View, null, h(SelectionRateChart, { groups, fourFifthsOf: 0.2 })))));

async function chartText(groups: TChartGroup[]) {
  const [items] = await pdfTextPositions(await chartPdf(groups));
  // Positions relative to the axis's first tick label, "0.000": where the chart sits on the page does not matter.
  const origin = items!.find((item) => item.str === "0.000")!;
  return items!.map((item) => ({ str: item.str, x: round(item.x - origin.x), y: round(item.y - origin.y) }));
}

const round = (n: number) => Math.round(n * 100) / 100;
const at = (items: { str: string; x: number; y: number }[], str: string) => items.find((item) => item.str === str)!;

describe("the selection-rate chart", () => {
  const rates = [0.21, 0.18, 0.12];

  it("puts each label and rate on its bar's row, 13 points apart, whether drawn as one text or a row per group", async () => {
    const oneText = await chartText(["female × under 25", "male × under 25", "other"].map((label, i) => group(label, rates[i]!)));
    // "é" is drawn by Helvetica but is not in text-width.ts's table, so this chart is drawn a row per group.
    const rowPerGroup = await chartText(["female × under 25", "male × under 25", "othér"].map((label, i) => group(label, rates[i]!)));

    const [first, second, third] = ["female × under 25", "male × under 25", "other"].map((label) => at(oneText, label));
    expect(first!.y - second!.y).toBeCloseTo(13, 2);
    expect(second!.y - third!.y).toBeCloseTo(13, 2);
    for (const [label, value] of [["female × under 25", "0.210"], ["male × under 25", "0.180"], ["other", "0.120"]] as const) {
      expect(at(oneText, value).y).toBeCloseTo(at(oneText, label).y, 2);
    }
    // Same places in both drawings, label for label and rate for rate.
    for (const str of ["female × under 25", "male × under 25", "0.210", "0.180", "0.120"]) {
      expect(at(oneText, str)).toEqual(at(rowPerGroup, str));
    }
    expect({ ...at(oneText, "other"), str: "" }).toEqual({ ...at(rowPerGroup, "othér"), str: "" });
  });

  it("gives a label too long for one line a row as tall as it needs, and keeps every word", async () => {
    const long = "applicants with no bureau record and a self-employed income over two years";
    const items = await chartText([group(long, 0.2), group("male", 0.18)]);
    const text = items.map((item) => item.str).join(" ");
    expect(text.replace(/\s+/g, " ")).toContain(long);
    // The long label took two or more lines, so the next row starts more than one row lower.
    const lines = items.filter((item) => long.includes(item.str.trim()));
    expect(lines.length).toBeGreaterThan(1);
    expect(at(items, "0.200").y - at(items, "0.180").y).toBeGreaterThan(13);
  });

  it("prints every group of a chart longer than a page, in pieces that each have their axis", async () => {
    for (const accent of ["", "é"]) {
      // 120 groups: three pages of one-line labels, or (with "é") of rows a label tall.
      const groups = Array.from({ length: 120 }, (_, i) => group(`countr${accent || "y"} ${i + 1}`, 0.1 + (i % 10) / 100));
      const pdf = await chartPdf(groups);
      expect(await textBelowContent(pdf)).toEqual([]);
      const pages = await pdfTextPositions(pdf);
      const words = pages.flat().map((item) => item.str.trim());
      for (let i = 1; i <= 120; i += 1) expect(words, `group ${i}`).toContain(`countr${accent || "y"} ${i}`);
      expect(pages.length).toBeGreaterThan(2);
      for (const page of pages) expect(page.some((item) => item.str === "0.000")).toBe(true);
    }
  });

  it("shortens a group name over 200 characters in the chart, and says so", async () => {
    const name = (n: number) => `group ${n}: ${"a long free-text value from the predictions file ".repeat(10)}`;
    const pages = await pdfTextPositions(await chartPdf(Array.from({ length: 30 }, (_, i) => group(name(i + 1), 0.15))));
    const text = pages.map((page) => page.map((item) => item.str).join(" ")).join(" ").replace(/\s+/g, " ");
    for (let i = 1; i <= 30; i += 1) expect(text).toContain(`group ${i}: a long free-text value`);
    expect(text).toContain("…");
    expect(text).toContain("Group names over 200 characters are shortened here; the table above gives them in full.");
  });
});
