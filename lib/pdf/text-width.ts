/*
 * Whether a string is certain to set on one line: what lets the selection-rate chart print its
 * group labels as one text, a line per bar (selection-rate-chart.tsx). A label that wrapped there
 * would push every label below it out of line with its bar, so the answer errs towards "no":
 * characters not listed here (anything drawn by the DejaVu fallback) answer no, and kerning is
 * bounded from above.
 *
 * Widths are Helvetica's advance widths (the regular weight the labels are set in), in
 * thousandths of the font size, from the Adobe Core 14 metrics: Helvetica.afm, which pdfkit lays
 * standard-font text out with under react-pdf. text-width.test.ts compares them with that file.
 */

/** U+0020–U+007E in order (pdfkit maps them to glyphs through WinAnsi: ' is quotesingle, ` is grave). */
const ASCII = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/** Punctuation beyond ASCII that group labels carry: "female × under 25", "25–64". */
const EXTRA: Readonly<Record<string, number>> = { "–": 556, "—": 1000, "×": 584, "·": 278, "‘": 222, "’": 222, "“": 333, "”": 333 };

/**
 * The largest positive kerning after a character in Helvetica.afm: pairs such as "r t" (+40)
 * and "f ’" (+60) widen a line; every other pair narrows it or leaves it alone.
 */
const KERN_AFTER: Readonly<Record<string, number>> = { r: 40, f: 60 };

/**
 * Room kept free on the line: layout rounds boxes to fractions of a point, and a line exactly as
 * wide as its box is a line that could break.
 */
const SLACK = 1.5;

/** The most room `text` can take on one line at `fontSize`, in points; null for a character not listed here. */
export function singleLineWidth(text: string, fontSize: number): number | null {
  const chars = [...text];
  let units = 0;
  for (let i = 0; i < chars.length; i += 1) {
    const char = chars[i]!;
    const code = char.codePointAt(0)!;
    const width = code >= 0x20 && code <= 0x7e ? ASCII[code - 0x20]! : EXTRA[char];
    if (width === undefined) return null;
    units += width + (i < chars.length - 1 ? (KERN_AFTER[char] ?? 0) : 0);
  }
  return (units / 1000) * fontSize;
}

/** Whether `text`, set in regular Helvetica at `fontSize`, certainly fits on one line `width` points wide. */
export function fitsOnOneLine(text: string, width: number, fontSize: number): boolean {
  const needed = singleLineWidth(text, fontSize);
  return needed !== null && needed + SLACK <= width;
}
