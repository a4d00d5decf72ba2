import { describe, expect, it } from "vitest";
import { escapeBlock, scanFences, splitAtHeadings } from "./markdown";

describe("escapeBlock", () => {
  it.each([
    ["plain text", "Ranks applications.", "Ranks applications."],
    ["a heading-like line", "# Step 1", "\\# Step 1"],
    ["an indented heading-like line", "   ## Step 2", "   \\## Step 2"],
    ["four spaces of indent (code, not a heading)", "    # code", "    # code"],
    ["a hash inside a line", "C# and F#", "C# and F#"],
    ["an already escaped hash", "\\# literal", "\\\\# literal"],
    ["an unclosed backtick fence", "```\nnot closed\n# x", "\\```\nnot closed\n\\# x"],
    ["an unclosed tilde fence", "~~~\n# x", "\\~~~\n\\# x"],
    ["a closed fence, whose content stays code", "```python\n# comment\n```\n# after", "```python\n# comment\n```\n\\# after"],
    ["a tilde fence holding backticks", "~~~\n```\n~~~", "~~~\n```\n~~~"],
    ["a fence closed by a longer fence", "```\n# in\n`````", "```\n# in\n`````"],
    ["a backtick line that is not a fence", "``` a`b", "\\``` a`b"],
    ["a closed fence, then an unclosed one", "```\na\n```\n~~~\nb", "```\na\n```\n\\~~~\nb"],
  ])("escapes %s", (_, text, escaped) => {
    expect(escapeBlock(text)).toBe(escaped);
  });
});

describe("splitAtHeadings", () => {
  it("splits at headings outside code fences and unescapes the text between them", () => {
    const body = "intro\n\n# Title\n\n\\# not a heading\n\n## Section\n```\n# code\n```\n\n### Field\n\nvalue\n";
    expect(splitAtHeadings(body, 10)).toEqual([
      { heading: null, text: "intro" },
      { heading: { level: 1, text: "Title", line: 12 }, text: "# not a heading" },
      { heading: { level: 2, text: "Section", line: 16 }, text: "```\n# code\n```" },
      { heading: { level: 3, text: "Field", line: 21 }, text: "value" },
    ]);
  });

  it.each([["#no-space"], ["####### seven"], ["    # indented code"]])("does not take %s for a heading", (line) => {
    expect(splitAtHeadings(line)).toEqual([{ heading: null, text: line }]);
  });

  it.each([
    ["# Step 1\nFlag payments."],
    ["\\# literal backslash\n\\\\## two"],
    ["```\nunclosed\n## x"],
    ["```python\n# comment\n```\n## after\n~~~\n```\n~~~"],
    ["a\n\n   \n\nb — crédit 信用 🚀"],
    ["---\n===\n- list-like\n> quote"],
  ])("reads back exactly what escapeBlock wrote: %j", (value) => {
    const body = `## Before\n\n${escapeBlock(value)}\n\n## After\n\nend`;
    expect(splitAtHeadings(body).map((b) => b.text)).toEqual(["", value, "end"]);
  });
});

describe("scanFences", () => {
  it("marks fenced lines and names an unclosed opener", () => {
    expect(scanFences(["a", "```", "b", "```", "~~~~", "c"])).toEqual({ inside: [false, true, true, true, true, true], unclosedOpener: 4 });
  });
});
