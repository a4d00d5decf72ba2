import { Document, Page, Text } from "@react-pdf/renderer";
import { Fragment, createElement as h, type ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { pageChrome } from "./components";
import { PageNumbers } from "./page-numbers";
import { renderPdf } from "./render";

describe("renderPdf", () => {
  const element = () => h(Document, { title: "t" }, h(Page, { size: "A4" }, h(Text, null, "Hello")));

  it("returns the PDF bytes", async () => {
    const pdf = await renderPdf(element());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("renders identical bytes with the deterministic option, whatever the clock says", async () => {
    const options = { deterministic: { creationDate: "2026-01-01T00:00:00.000Z" } };
    const first = await renderPdf(element(), options);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await renderPdf(element(), options);
    expect(Buffer.compare(first, second)).toBe(0);
  });

  it("stamps the current time without it, so two renders differ", async () => {
    const first = await renderPdf(element());
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await renderPdf(element());
    expect(Buffer.compare(first, second)).not.toBe(0);
  });
});

describe("PageNumbers", () => {
  it("prints where a heading landed, and is settled when every printed number matches", () => {
    const numbers = new PageNumbers();
    numbers.mark("a", 4);
    expect(numbers.lookup("a")).toBe(4);
    expect(numbers.settled()).toBe(true);
  });

  it("is not settled when the contents were printed before the heading landed, or elsewhere", () => {
    const early = new PageNumbers();
    expect(early.lookup("a")).toBeNull();
    early.mark("a", 4);
    expect(early.settled()).toBe(false);

    const seeded = new PageNumbers(new Map([["a", 3]]));
    expect(seeded.lookup("a")).toBe(3); // from the earlier pass
    seeded.mark("a", 4);
    expect(seeded.settled()).toBe(false);
    expect(new PageNumbers(seeded.pages()).lookup("a")).toBe(4);
  });

  // What a page layout receives as children: elements wrapping react-pdf's laid-out nodes.
  const contents = (...nodes: object[]): ReactNode => nodes.map((node, i) => h("laid-out", { key: i, node }));
  const heading = (id: string) => ({ props: { id }, children: [{ props: {}, children: [] }] });

  it("marks the headings among a page's laid-out contents, nested or not, on the first page they appear on", () => {
    const numbers = new PageNumbers();
    numbers.markContents(5, contents({ props: {}, children: [heading("a"), { props: { id: "b" }, children: [heading("c")] }] }), true);
    numbers.markContents(6, contents(heading("b"), heading("d")), true); // "b" split across pages 5 and 6
    expect(Object.fromEntries(numbers.pages())).toEqual({ a: 5, b: 5, c: 5, d: 6 });
  });

  it("prints the first round's page until the last round has placed the heading, and settles on the last round's", () => {
    const numbers = new PageNumbers();
    numbers.markContents(7, contents(heading("a")), false);
    expect(numbers.lookup("a")).toBe(7);
    numbers.markContents(8, contents(heading("a")), true);
    expect(numbers.settled()).toBe(false);
    expect(numbers.pages().get("a")).toBe(8);
  });
});

describe("pageChrome", () => {
  // What react-pdf hands a page layout as children (see components.tsx): elements wrapping laid-out nodes.
  const laidOut = (...nodes: object[]): ReactNode => nodes.map((node, i) => h("laid-out", { key: i, node }));
  const probe = laidOut({ props: { __probe: true }, children: [] });
  const page = laidOut({ props: { id: "a" }, children: [] });
  const texts = (node: ReactNode): string[] => {
    if (Array.isArray(node)) return node.flatMap(texts);
    if (typeof node === "string") return [node];
    if (node && typeof node === "object" && "props" in node) return texts((node.props as { children?: ReactNode }).children);
    return [];
  };

  it("draws the header and footer, with the page's number and the total, around each printed page and records where headings landed", () => {
    const numbers = new PageNumbers();
    const printed = pageChrome({ header: { left: "System 1.0", right: "Technical documentation" }, documentId: "DOC-1", numbers })({ children: page, pageNumber: 4, subPageNumber: 2, totalPages: 9 });
    expect(texts(printed)).toEqual(["System 1.0", "Technical documentation", "Attest  ·  Document DOC-1", "Page 4 of 9"]);
    expect(numbers.pages().get("a")).toBe(4);
  });

  it("leaves the chrome out where it cannot change anything: measuring a page's content region, and laying the content out before it is split", () => {
    const chrome = pageChrome({ header: { left: "System 1.0", right: "Technical documentation" }, documentId: "DOC-1" });
    expect(chrome({ children: probe, pageNumber: 3, subPageNumber: 1, totalPages: 9 })).toEqual(h(Fragment, null, probe));
    expect(chrome({ children: page, pageNumber: 1 })).toEqual(h(Fragment, null, page));
  });

  it("builds the pages of the round that only counts them (no total yet) empty, after noting where the headings fell", () => {
    const numbers = new PageNumbers();
    expect(pageChrome({ documentId: "DOC-1", numbers })({ children: page, pageNumber: 5, subPageNumber: 1 })).toBeNull();
    expect(numbers.lookup("a")).toBe(5);
    expect(numbers.settled()).toBe(true);
  });
});
