import { readFileSync } from "node:fs";

/**
 * The Unicode code points a TrueType font has a glyph for, read from its `cmap` table
 * (format 12 when present, else format 4). The PDF templates need this to know, before layout,
 * which characters of user text the embedded fonts can draw: react-pdf falls back from font to
 * font per character, but a character no font has is drawn as nothing, and user text must
 * never be silently dropped (see text.ts).
 */
export function fontCoverage(path: string): ReadonlySet<number> {
  return cmapCoverage(readFileSync(path));
}

export function cmapCoverage(font: Uint8Array): Set<number> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const cmap = tableOffset(view, "cmap");
  const subtables = view.getUint16(cmap + 2);
  let format4: number | null = null;
  let format12: number | null = null;
  for (let i = 0; i < subtables; i += 1) {
    const record = cmap + 4 + i * 8;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const offset = cmap + view.getUint32(record + 4);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const format = view.getUint16(offset);
    if (format === 12) format12 ??= offset;
    if (format === 4) format4 ??= offset;
  }
  if (format12 !== null) return format12Coverage(view, format12);
  if (format4 !== null) return format4Coverage(view, format4);
  throw new Error("The font has no Unicode cmap subtable of format 4 or 12.");
}

function tableOffset(view: DataView, tag: string): number {
  const tables = view.getUint16(4);
  for (let i = 0; i < tables; i += 1) {
    const record = 12 + i * 16;
    const name = String.fromCharCode(view.getUint8(record), view.getUint8(record + 1), view.getUint8(record + 2), view.getUint8(record + 3));
    if (name === tag) return view.getUint32(record + 8);
  }
  throw new Error(`The font has no ${tag} table.`);
}

function format12Coverage(view: DataView, offset: number): Set<number> {
  const covered = new Set<number>();
  const groups = view.getUint32(offset + 12);
  for (let i = 0; i < groups; i += 1) {
    const group = offset + 16 + i * 12;
    const start = view.getUint32(group);
    const end = view.getUint32(group + 4);
    const firstGlyph = view.getUint32(group + 8);
    for (let c = start; c <= end; c += 1) if (firstGlyph + (c - start) !== 0) covered.add(c);
  }
  return covered;
}

function format4Coverage(view: DataView, offset: number): Set<number> {
  const covered = new Set<number>();
  const segments = view.getUint16(offset + 6) / 2;
  const ends = offset + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s += 1) {
    const start = view.getUint16(starts + s * 2);
    const end = view.getUint16(ends + s * 2);
    const delta = view.getInt16(deltas + s * 2);
    const rangeOffset = view.getUint16(rangeOffsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c += 1) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const raw = view.getUint16(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) covered.add(c);
    }
  }
  return covered;
}

/**
 * What the PDF standard fonts (Helvetica, Times, Courier) can draw: they are not embedded and
 * are encoded with WinAnsiEncoding (Windows-1252), so printable ASCII, Latin-1 and the 27
 * characters Windows-1252 puts at 0x80–0x9F. Nothing else.
 */
export const WIN_ANSI: ReadonlySet<number> = new Set([
  ...range(0x20, 0x7e),
  ...range(0xa0, 0xff),
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e, 0x0178,
]);

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
