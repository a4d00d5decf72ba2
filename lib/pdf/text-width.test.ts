import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fitsOnOneLine, singleLineWidth } from "./text-width";

/*
 * text-width.ts against the font metrics react-pdf lays Helvetica out with: pdfkit's
 * Helvetica.afm (Adobe's Core 14 metrics), read from node_modules at test time only.
 */

const afm = readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve("pdfkit")), "data", "Helvetica.afm"), "latin1");
const widths = new Map<string, number>();
for (const match of afm.matchAll(/^C -?\d+ ; WX (\d+) ; N (\S+) ;/gm)) widths.set(match[2]!, Number(match[1]));
const kerns = [...afm.matchAll(/^KPX (\S+) (\S+) (-?\d+)/gm)].map((m) => ({ first: m[1]!, second: m[2]!, value: Number(m[3]) }));

/** Adobe glyph names of the characters text-width.ts knows. */
const ASCII_NAMES =
  "space exclam quotedbl numbersign dollar percent ampersand quotesingle parenleft parenright asterisk plus comma hyphen period slash zero one two three four five six seven eight nine colon semicolon less equal greater question at A B C D E F G H I J K L M N O P Q R S T U V W X Y Z bracketleft backslash bracketright asciicircum underscore grave a b c d e f g h i j k l m n o p q r s t u v w x y z braceleft bar braceright asciitilde".split(
    " ",
  );
const NAMES = new Map<string, string>([
  ...ASCII_NAMES.map((name, i): [string, string] => [String.fromCharCode(0x20 + i), name]),
  ["–", "endash"],
  ["—", "emdash"],
  ["×", "multiply"],
  ["·", "periodcentered"],
  ["‘", "quoteleft"],
  ["’", "quoteright"],
  ["“", "quotedblleft"],
  ["”", "quotedblright"],
]);

describe("single-line widths", () => {
  it("uses Helvetica's advance width for every character it knows", () => {
    for (const [char, name] of NAMES) expect(singleLineWidth(char, 1000), `${char} (${name})`).toBeCloseTo(widths.get(name)!, 9);
  });

  it("bounds every pair that kerning widens from above", () => {
    const byName = new Map([...NAMES].map(([char, name]) => [name, char]));
    const widening = kerns.filter((k) => k.value > 0 && byName.has(k.first) && byName.has(k.second));
    expect(widening.length).toBeGreaterThan(0);
    for (const { first, second, value } of widening) {
      const pair = byName.get(first)! + byName.get(second)!;
      expect(singleLineWidth(pair, 1000)!, pair).toBeGreaterThanOrEqual(widths.get(first)! + widths.get(second)! + value);
    }
  });

  it("does not know characters the fallback font draws, nor line breaks", () => {
    expect(singleLineWidth("Łódź", 7)).toBeNull();
    expect(singleLineWidth("two\nlines", 7)).toBeNull();
    expect(fitsOnOneLine("Łódź", 1000, 7)).toBe(false);
  });

  it("says a label fits only with room to spare", () => {
    const label = "female × 65 and over";
    // Advance widths, plus the widest kerning after its one "f"; the final "r" kerns with nothing.
    const units = [...label].reduce((sum, char) => sum + widths.get(NAMES.get(char)!)!, 0) + 60;
    const width = singleLineWidth(label, 7)!;
    expect(width).toBeCloseTo((units / 1000) * 7, 9);
    expect(fitsOnOneLine(label, width + 1.5, 7)).toBe(true);
    expect(fitsOnOneLine(label, width + 1.4, 7)).toBe(false);
  });
});
