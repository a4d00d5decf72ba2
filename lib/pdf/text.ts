import { fallbackGlyphs } from "./fonts";
import { WIN_ANSI } from "./glyph-coverage";

/*
 * User text in a PDF is drawn as text, exactly as written: react-pdf's <Text> never interprets
 * markup, so "<script>" or "**bold**" print literally. What this module adds is that no
 * character is lost or disguised on the way:
 *   - a character neither Helvetica (WinAnsi) nor the DejaVu fallback can draw becomes a
 *     visible code point, "[U+4E2D]", instead of an invisible .notdef;
 *   - control characters and invisible formatting characters (bidirectional overrides, zero
 *     width spaces, byte order marks) are shown the same way: they could otherwise reorder or
 *     hide text in a document people sign off;
 *   - line breaks are kept, tabs become four spaces, and text is put in Unicode NFC so that a
 *     letter and its accent are drawn by one font.
 * The completeness summary lists every code point shown as [U+XXXX], so the reader is told.
 */

const INVISIBLE_FORMATTING = new Set([
  0x00ad, // soft hyphen: a layout hint, not text; shown so nothing changes silently
  0x061c, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e,
  0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff,
]);

export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Whether a code point is printed as [U+XXXX] rather than drawn. */
export function isShownAsCodePoint(codePoint: number): boolean {
  if (codePoint === 0x0a) return false; // line break, kept
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)) return true;
  if (INVISIBLE_FORMATTING.has(codePoint)) return true;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return true; // lone surrogate
  return !WIN_ANSI.has(codePoint) && !fallbackGlyphs().has(codePoint);
}

/** User text as it is printed: every character drawn, or visibly named. */
export function printable(text: string): string {
  const normalised = text.replace(/\r\n?/g, "\n").replace(/\t/g, "    ").normalize("NFC");
  let out = "";
  for (const char of normalised) {
    const codePoint = char.codePointAt(0)!;
    out += isShownAsCodePoint(codePoint) ? `[${codePointLabel(codePoint)}]` : char;
  }
  return out;
}

/**
 * Every code point in any string inside a value (walked recursively: objects, arrays) that
 * printable() shows as [U+XXXX], with how often it occurs, in code point order.
 */
export function codePointsShownAsLabels(value: unknown): { codePoint: number; count: number }[] {
  const counts = new Map<number, number>();
  const visit = (v: unknown): void => {
    if (typeof v === "string") {
      const normalised = v.replace(/\r\n?/g, "\n").replace(/\t/g, "    ").normalize("NFC");
      for (const char of normalised) {
        const codePoint = char.codePointAt(0)!;
        if (isShownAsCodePoint(codePoint)) counts.set(codePoint, (counts.get(codePoint) ?? 0) + 1);
      }
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (typeof v === "object" && v !== null) Object.values(v).forEach(visit);
  };
  visit(value);
  return [...counts].sort(([a], [b]) => a - b).map(([codePoint, count]) => ({ codePoint, count }));
}
