import path from "node:path";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { breakableParts, fallbackGlyphs, LONG_WORD } from "./fonts";
import { fontCoverage, WIN_ANSI } from "./glyph-coverage";
import { codePointsShownAsLabels, printable } from "./text";

describe("glyph coverage", () => {
  it("reads the cmap of DejaVu Sans", () => {
    const dir = path.join(path.dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
    const sans = fontCoverage(path.join(dir, "DejaVuSans.ttf"));
    for (const char of "AzŁĳΩЖא€≥") expect(sans.has(char.codePointAt(0)!), char).toBe(true);
    for (const char of ["中", "🦀", "ก"]) expect(sans.has(char.codePointAt(0)!), char).toBe(false);
  });

  it("knows what the standard fonts draw: Windows-1252", () => {
    for (const char of "Az é€—“”…ÿ") expect(WIN_ANSI.has(char.codePointAt(0)!), char).toBe(true);
    for (const char of "ŁΩЖ≥\u0080\u0009") expect(WIN_ANSI.has(char.codePointAt(0)!), char).toBe(false);
    expect(fallbackGlyphs().has(0x0141)).toBe(true); // Ł, drawn by DejaVu
  });
});

describe("printable", () => {
  it("leaves text the fonts can draw alone, markup included", () => {
    const text = '<script>alert("x")</script> **bold** _em_ [a](javascript:alert(1)) &amp; Łódź Ελληνικά Кириллица ≥ 0.8';
    expect(printable(text)).toBe(text);
  });

  it("names characters no font has, instead of dropping them", () => {
    expect(printable("中文 ok 🦀 ☺")).toBe("[U+4E2D][U+6587] ok [U+1F980] ☺");
  });

  it("makes invisible and reordering characters visible", () => {
    expect(printable("a\u202Eb\u200Bc\u0007d\uFEFF")).toBe("a[U+202E]b[U+200B]c[U+0007]d[U+FEFF]");
    expect(printable("\u0085")).toBe("[U+0085]"); // C1 control: would otherwise print as "…"
  });

  it("keeps line breaks, normalises CRLF, expands tabs and composes accents", () => {
    expect(printable("a\r\nb\rc\td")).toBe("a\nb\nc    d");
    expect(printable("e\u0301")).toBe("é");
  });

  it("lists the code points shown as labels anywhere in a value, with counts", () => {
    expect(codePointsShownAsLabels({ a: ["中", { b: "中 🦀" }], c: 3, d: null, e: "fine" })).toEqual([
      { codePoint: 0x4e2d, count: 2 },
      { codePoint: 0x1f980, count: 1 },
    ]);
  });
});

describe("line breaking of long words", () => {
  it("never hyphenates ordinary words", () => {
    expect(breakableParts("internationalisation")).toEqual(["internationalisation"]);
  });

  it("lets long URLs and hashes break without adding characters", () => {
    const url = "https://wiki.banque-exemple.eu/models/credit-default?version=3.2.0&view=full";
    const parts = breakableParts(url);
    expect(parts.join("")).toBe(url);
    expect(parts.filter((p) => p !== "").every((p) => [...p].length <= 16)).toBe(true);
    // Pieces are separated by empty parts: zero-width break opportunities, not hyphens.
    expect(parts.every((p, i) => (i % 2 === 1 ? p === "" : p !== ""))).toBe(true);
    const hash = "a".repeat(64);
    expect(breakableParts(hash).join("")).toBe(hash);
    expect(breakableParts("x".repeat(LONG_WORD))).toEqual(["x".repeat(LONG_WORD)]);
  });
});
