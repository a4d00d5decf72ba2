import { renderToBuffer } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import { registerFonts } from "./fonts";
import { PageNumbers } from "./page-numbers";
import { TechnicalDocumentation } from "./technical-documentation";
import type { TTechnicalDocumentationData } from "./technical-documentation-data";

/*
 * Rendering. The output is deterministic: the same data renders the same bytes. react-pdf
 * (pdfkit underneath) writes no random or time-dependent bytes once the document's metadata is
 * fixed: the templates set CreationDate and ModDate from the data's generatedAt (the file ID is
 * an MD5 of that metadata), Producer and Creator to "Attest", and font subsets are named from
 * the order fonts are used in. Without a fixed creationDate react-pdf would stamp the current
 * time and every render would differ. The `deterministic` option below fixes the metadata of
 * an element whose template does not.
 */

type TDocumentElement = ReactElement<Record<string, unknown>>;

export interface TRenderOptions {
  /** Overrides the document's metadata so that repeated renders are byte-identical. */
  deterministic?: { creationDate: Date | string; producer?: string };
}

export async function renderPdf(element: ReactElement, options: TRenderOptions = {}): Promise<Buffer> {
  registerFonts();
  let document = element as TDocumentElement;
  if (options.deterministic) {
    const creationDate = new Date(options.deterministic.creationDate);
    const producer = options.deterministic.producer ?? "Attest";
    document = { ...document, props: { ...document.props, creationDate, modificationDate: creationDate, producer, creator: producer } };
  }
  return renderToBuffer(document as Parameters<typeof renderToBuffer>[0]);
}

export interface TRenderedDocument {
  pdf: Buffer;
  /** Page of each heading, by anchor id: what the contents print. */
  pages: ReadonlyMap<string, number>;
  /** How many layouts it took: 1 normally, 2 if react-pdf laid out the contents first. */
  passes: number;
}

/**
 * Renders the technical documentation and checks that the page numbers its contents print are
 * the pages the headings landed on; if not, renders again with the numbers learnt (see
 * page-numbers.tsx). Numbers print in a fixed-width cell, so the second pass cannot move a
 * heading; a third is never needed, and a failure to settle is a bug worth an error.
 */
export async function renderTechnicalDocumentation(data: TTechnicalDocumentationData): Promise<TRenderedDocument> {
  let known: ReadonlyMap<string, number> = new Map();
  for (let pass = 1; pass <= 3; pass += 1) {
    const numbers = new PageNumbers(known);
    const pdf = await renderPdf(TechnicalDocumentation(data, { pageNumbers: numbers }));
    if (numbers.settled()) return { pdf, pages: numbers.pages(), passes: pass };
    known = numbers.pages();
  }
  throw new Error("The table of contents' page numbers did not settle after three layouts.");
}
