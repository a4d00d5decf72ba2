import { createRequire } from "node:module";
import path from "node:path";

/*
 * Text of a PDF, page by page, as a reader would copy it: pdf.js (pdfjs-dist, pure JavaScript,
 * no system tools) extracts the text items; items on one line are joined with a space where
 * there is a visible gap between them, lines with "\n".
 */

type TTextItem = { str: string; hasEOL: boolean; transform: number[]; width: number; height: number };

/** The text items of each page, in the order the PDF draws them. */
async function pageItems(pdf: Uint8Array): Promise<TTextItem[][]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const standardFontDataUrl = path.join(path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts") + path.sep;
  const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), standardFontDataUrl, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: TTextItem[][] = [];
  for (let n = 1; n <= document.numPages; n += 1) {
    const content = await (await document.getPage(n)).getTextContent();
    pages.push(content.items.filter((raw) => "str" in raw) as TTextItem[]);
  }
  await document.destroy();
  return pages;
}

/** Each non-blank text item with where its baseline starts, in points from the page's bottom left, and its width. */
export async function pdfTextPositions(pdf: Uint8Array): Promise<{ str: string; x: number; y: number; width: number }[][]> {
  return (await pageItems(pdf)).map((items) => items.filter((item) => item.str.trim() !== "").map((item) => ({ str: item.str, x: item.transform[4]!, y: item.transform[5]!, width: item.width })));
}

/**
 * Text drawn past the foot of a page's content area: below `bottom` points from the page's bottom
 * edge (the documents' bottom margin is 60), leaving out the running footer. react-pdf draws the
 * rest of a block it keeps whole there, over the footer and off the page, where no reader sees it
 * but text extraction still finds it.
 */
export async function textBelowContent(pdf: Uint8Array, bottom = 57): Promise<string[]> {
  const footer = /^(Attest\s+·\s+Document\b|Page \d+ of \d+$)/;
  return (await pdfTextPositions(pdf)).flatMap((items, page) => items.filter((item) => item.y < bottom && !footer.test(item.str.trim())).map((item) => `page ${page + 1}: ${item.str}`));
}

export async function pdfPages(pdf: Uint8Array): Promise<string[]> {
  const pages: string[] = [];
  for (const items of await pageItems(pdf)) {
    let text = "";
    let previous: TTextItem | null = null;
    for (const item of items) {
      if (previous && !previous.hasEOL && text !== "" && !text.endsWith("\n")) {
        const gap = item.transform[4]! - (previous.transform[4]! + previous.width);
        const sameLine = Math.abs(item.transform[5]! - previous.transform[5]!) < 1;
        if (!sameLine) text += "\n";
        else if (gap > 0.15 * Math.max(item.height, 1)) text += " ";
      }
      text += item.str;
      if (item.hasEOL) text += "\n";
      previous = item;
    }
    pages.push(text);
  }
  return pages;
}

/** Whitespace collapsed to single spaces: line breaks in the PDF are layout, not content. */
export const normalise = (text: string) => text.replace(/\s+/g, " ").trim();

/** Whitespace removed: for values that may break inside a long word (URLs, hashes). */
export const squeeze = (text: string) => text.replace(/\s+/g, "");
