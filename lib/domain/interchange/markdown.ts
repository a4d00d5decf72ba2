/*
 * Just enough Markdown to carry card values between headings without either side mistaking
 * one for the other. A value may contain lines that Markdown reads as headings ("# Step 1") or
 * as code fences ("```"): an unclosed fence in a value would swallow every heading after it.
 * Escaping is a backslash in front of such a line (which Markdown renders as the literal
 * text), applied only outside balanced code fences so that code inside a value stays code.
 * escapeBlock and unescapeLines are exact inverses, which keeps export → import → export
 * byte-stable.
 */

/** A line Markdown could read as a heading or a fence, with any backslashes already in front. */
const MARKER_LINE = /^( {0,3})(\\*)(#|`{3}|~{3})/;
const ESCAPED_MARKER_LINE = /^( {0,3})\\(\\*)(#|`{3}|~{3})/;
const HEADING_LINE = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/;
const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

interface TFenceScan {
  /** Per line: part of a fenced code block, its fence lines included. */
  inside: boolean[];
  /** The opening fence line of a block that is never closed, if any. */
  unclosedOpener: number | null;
}

/** CommonMark fences: ``` or ~~~ (3 or more), closed by the same character at least as long. */
export function scanFences(lines: readonly string[]): TFenceScan {
  const inside: boolean[] = [];
  let open: { char: string; length: number; line: number } | null = null;
  lines.forEach((line, i) => {
    const fence = FENCE_LINE.exec(line);
    if (open === null) {
      // A backtick fence's info string may not contain a backtick.
      if (fence && !(fence[1][0] === "`" && fence[2].includes("`"))) open = { char: fence[1][0], length: fence[1].length, line: i };
      inside.push(open !== null);
      return;
    }
    inside.push(true);
    if (fence && fence[1][0] === open.char && fence[1].length >= open.length && fence[2].trim() === "") open = null;
  });
  return { inside, unclosedOpener: open === null ? null : (open as { line: number }).line };
}

const addBackslash = (line: string) => line.replace(MARKER_LINE, "$1\\$2$3");

/** A value made safe to place between headings. */
export function escapeBlock(text: string): string {
  const lines = text.split("\n");
  const escaped = new Set<number>();
  let scan = scanFences(lines);
  // An unclosed fence would swallow the rest of the document: make its opener literal text.
  while (scan.unclosedOpener !== null) {
    lines[scan.unclosedOpener] = addBackslash(lines[scan.unclosedOpener]);
    escaped.add(scan.unclosedOpener);
    scan = scanFences(lines);
  }
  return lines.map((line, i) => (scan.inside[i] || escaped.has(i) ? line : addBackslash(line))).join("\n");
}

export interface THeading {
  level: number;
  text: string;
  /** 1-based line number in the document, for messages. */
  line: number;
}

export interface TBlock {
  /** null for the text before the first heading. */
  heading: THeading | null;
  /** The text under the heading, unescaped, without leading or trailing blank lines. */
  text: string;
}

/** Splits a Markdown body at its ATX headings (outside code fences) and unescapes the text between them. */
export function splitAtHeadings(body: string, firstLine = 1): TBlock[] {
  const lines = body.split("\n");
  const { inside } = scanFences(lines);
  const blocks: { heading: THeading | null; lines: string[] }[] = [{ heading: null, lines: [] }];
  lines.forEach((line, i) => {
    const heading = inside[i] ? null : HEADING_LINE.exec(line);
    if (heading) blocks.push({ heading: { level: heading[1].length, text: (heading[2] ?? "").trim(), line: firstLine + i }, lines: [] });
    else blocks[blocks.length - 1].lines.push(inside[i] ? line : line.replace(ESCAPED_MARKER_LINE, "$1$2$3"));
  });
  return blocks.map((b) => ({ heading: b.heading, text: trimBlankLines(b.lines).join("\n") }));
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start].trim() === "") start++;
  while (end > start && lines[end - 1].trim() === "") end--;
  return lines.slice(start, end);
}
