import { createRequire } from "node:module";
import path from "node:path";
import { Font } from "@react-pdf/renderer";
import { fontCoverage } from "./glyph-coverage";

/*
 * Fonts. The documents are set in the PDF standard fonts (Helvetica for text, Courier for
 * hashes): they ship with every PDF reader, so nothing is fetched or embedded for them. They
 * can only draw Windows-1252 (WinAnsi) characters, so each family falls back, character by
 * character, to DejaVu (from the dejavu-fonts-ttf package, read from node_modules, never from
 * the network), which covers Latin, Greek, Cyrillic, Armenian, Georgian, Hebrew, Arabic and
 * many symbols. Only the glyphs used are embedded (subset). What neither font can draw (CJK,
 * emoji…) is printed as a visible [U+XXXX] code point by text.ts, never dropped.
 */

export const FALLBACK_FAMILY = "DejaVu Sans";
export const FALLBACK_MONO_FAMILY = "DejaVu Sans Mono";
export const SANS: string[] = ["Helvetica", FALLBACK_FAMILY];
export const MONO: string[] = ["Courier", FALLBACK_MONO_FAMILY];

function dejaVuDirectory(): string {
  // Resolved from this module first; from the working directory when a bundler has moved it.
  for (const base of [import.meta.url, path.join(process.cwd(), "package.json")]) {
    try {
      return path.join(path.dirname(createRequire(base).resolve("dejavu-fonts-ttf/package.json")), "ttf");
    } catch {
      // try the next base
    }
  }
  throw new Error("The dejavu-fonts-ttf package is not installed; run npm install.");
}

const FILES = {
  sans: "DejaVuSans.ttf",
  sansBold: "DejaVuSans-Bold.ttf",
  sansItalic: "DejaVuSans-Oblique.ttf",
  sansBoldItalic: "DejaVuSans-BoldOblique.ttf",
  mono: "DejaVuSansMono.ttf",
  monoBold: "DejaVuSansMono-Bold.ttf",
  monoItalic: "DejaVuSansMono-Oblique.ttf",
  monoBoldItalic: "DejaVuSansMono-BoldOblique.ttf",
} as const;

let registered = false;

/** Registers the fallback fonts and the line-breaking rule with react-pdf; idempotent. */
export function registerFonts(): void {
  if (registered) return;
  const dir = dejaVuDirectory();
  Font.register({
    family: FALLBACK_FAMILY,
    fonts: [
      { src: path.join(/*turbopackIgnore: true*/ dir, FILES.sans), fontWeight: 400 },
      { src: path.join(/*turbopackIgnore: true*/ dir, FILES.sansBold), fontWeight: 700 },
      // Every style a Helvetica text may take needs its fallback registered, or layout fails.
      { src: path.join(/*turbopackIgnore: true*/ dir, FILES.sansItalic), fontWeight: 400, fontStyle: "italic" },
      { src: path.join(/*turbopackIgnore: true*/ dir, FILES.sansBoldItalic), fontWeight: 700, fontStyle: "italic" },
    ],
  });
  Font.register({
    family: FALLBACK_MONO_FAMILY,
    fonts: [
      { src: path.join(/*turbopackIgnore: true*/ dir, FILES.mono), fontWeight: 400 },
      { src: path.join(/*turbopackIgnore: true*/ dir, FILES.monoBold), fontWeight: 700 },
      { src: path.join(/*turbopackIgnore: true*/ dir, FILES.monoItalic), fontWeight: 400, fontStyle: "italic" },
      { src: path.join(/*turbopackIgnore: true*/ dir, FILES.monoBoldItalic), fontWeight: 700, fontStyle: "italic" },
    ],
  });
  Font.registerHyphenationCallback(breakableParts);
  registered = true;
}

let fallbackCoverage: ReadonlySet<number> | null = null;

/**
 * Code points the fallback fonts draw in every weight user text is set in (regular and bold;
 * user text is never italic): the intersection, so a character is kept only where every font
 * it may be set in has it.
 */
export function fallbackGlyphs(): ReadonlySet<number> {
  if (fallbackCoverage) return fallbackCoverage;
  const dir = dejaVuDirectory();
  const [first, ...others] = [FILES.sans, FILES.sansBold].map((file) => fontCoverage(path.join(/*turbopackIgnore: true*/ dir, file)));
  fallbackCoverage = new Set([...first!].filter((c) => others.every((set) => set.has(c))));
  return fallbackCoverage;
}

/** Words longer than this may be broken inside; shorter ones never are (no hyphenation). */
export const LONG_WORD = 24;
const CHUNK = 16;

/**
 * react-pdf's hyphenation hook, used only to let very long words (URLs, hashes, identifiers)
 * wrap instead of overflowing their cell or being cut with a hyphen that is not in the text
 * (textkit's last resort for a word wider than its line). Ordinary words are never hyphenated: hyphens added
 * by the layout would change what the reader (and a text extractor) sees. Long words are cut
 * after URL punctuation, else every CHUNK characters, and the pieces are joined by empty
 * parts: textkit turns an empty part into zero-width glue, a line-break opportunity that adds
 * no character (a non-empty part boundary would print a hyphen).
 */
export function breakableParts(word: string): string[] {
  if ([...word].length <= LONG_WORD) return [word];
  const pieces = (word.match(/[^/.?&=_:,;@-]*[/.?&=_:,;@-]*/gu) ?? [word])
    .filter((piece) => piece !== "")
    .flatMap((piece) => [...piece].length <= CHUNK ? [piece] : chunks(piece));
  return pieces.flatMap((piece, i) => (i === 0 ? [piece] : ["", piece]));
}

function chunks(text: string): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += CHUNK) out.push(chars.slice(i, i + CHUNK).join(""));
  return out;
}
