import { describe, expect, it } from "vitest";
import { EVIDENCE_CONTENT_TYPES, evidenceContentType, evidenceFileProblem, MAX_EVIDENCE_BYTES } from "./evidence-file";

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new TextEncoder().encode(value);
const withTail = (head: Uint8Array) => new Uint8Array([...head, 0x00, 0x01, 0xff, 0x10, 0x20]);

const PDF = text("%PDF-1.7\n");
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0);
const ZIP = bytes(0x50, 0x4b, 0x03, 0x04);
const EXE = bytes(0x4d, 0x5a, 0x90, 0x00);
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const mismatch = (label: string) => `The file does not look like a ${label}: its content does not match its type.`;

describe("evidenceFileProblem: binary types by their first bytes", () => {
  it.each([
    // type, label, right magic, wrong content
    ["application/pdf", "PDF", PDF, text("%PDF1.7 (no dash)")],
    ["application/pdf", "PDF", PDF, text("Hello, this is text")],
    ["application/pdf", "PDF", PDF, EXE],
    ["image/png", "PNG image", PNG, JPEG],
    ["image/jpeg", "JPEG image", JPEG, bytes(0xff, 0xd8, 0x00, 0xe0)],
    [DOCX, "Word document", ZIP, PDF],
    [XLSX, "Excel workbook", ZIP, bytes(0x50, 0x4b, 0x05, 0x06)],
  ] as const)("%s (%s): right magic passes, wrong content is refused", (type, label, good, bad) => {
    expect(evidenceFileProblem(type, withTail(good))).toBeNull();
    expect(evidenceFileProblem(type, good)).toBeNull();
    expect(evidenceFileProblem(type, withTail(bad))).toBe(mismatch(label));
  });

  it("refuses a file shorter than its magic bytes", () => {
    expect(evidenceFileProblem("application/pdf", text("%PDF"))).toBe(mismatch("PDF"));
    expect(evidenceFileProblem("image/jpeg", bytes(0xff, 0xd8))).toBe(mismatch("JPEG image"));
  });
});

describe("evidenceFileProblem: text types must be UTF-8 without NUL", () => {
  it.each([
    ["text/plain", "text"],
    ["text/csv", "CSV"],
    ["text/markdown", "Markdown"],
    ["application/json", "JSON"],
  ] as const)("%s", (type, label) => {
    expect(evidenceFileProblem(type, text("group,tpr\nunder 25,0.81\nÄrzte — Ω 😀\n"))).toBeNull();
    expect(evidenceFileProblem(type, text("a\u0000b"))).toBe(`The file does not look like ${label}: it contains binary data.`);
    // A lone continuation byte, a truncated sequence, an overlong encoding, a UTF-16 surrogate.
    for (const invalid of [bytes(0x61, 0x80), bytes(0xe2, 0x82), bytes(0xc0, 0xaf), bytes(0xed, 0xa0, 0x80), bytes(0xff, 0xfe, 0x41)]) {
      expect(evidenceFileProblem(type, invalid)).toBe(`The file does not look like ${label}: it is not UTF-8 text.`);
    }
  });
});

describe("evidenceFileProblem: type, emptiness and size", () => {
  it.each(["application/x-msdownload", "application/x-dosexec", "application/octet-stream", "text/html", "image/svg+xml", "application/zip", ""])(
    "refuses the type %j",
    (type) => {
      expect(evidenceFileProblem(type, EXE)).toBe(
        `Files of type “${type || "unknown"}” cannot be attached. Attach a PDF, image, Office document, or a text, CSV, Markdown or JSON file.`,
      );
    },
  );

  it("reads the content type case-insensitively and without parameters", () => {
    expect(evidenceFileProblem("Application/PDF", PDF)).toBeNull();
    expect(evidenceFileProblem(" text/csv; charset=utf-8 ", text("a,b\n"))).toBeNull();
  });

  it.each(EVIDENCE_CONTENT_TYPES)("refuses an empty %s", (type) => {
    expect(evidenceFileProblem(type, new Uint8Array())).toBe("The file is empty.");
  });

  it("allows exactly 10 MB and refuses one byte more", () => {
    const big = new Uint8Array(MAX_EVIDENCE_BYTES + 1);
    big.set(PDF);
    expect(MAX_EVIDENCE_BYTES).toBe(10 * 1024 * 1024);
    expect(evidenceFileProblem("application/pdf", big.subarray(0, MAX_EVIDENCE_BYTES))).toBeNull();
    expect(evidenceFileProblem("application/pdf", big)).toBe("The file is larger than 10 MB.");
    const bigText = new Uint8Array(MAX_EVIDENCE_BYTES + 1).fill(0x61);
    expect(evidenceFileProblem("text/plain", bigText)).toBe("The file is larger than 10 MB.");
  });

  it("lists exactly the allowed types", () => {
    expect(EVIDENCE_CONTENT_TYPES).toEqual(["application/pdf", "image/png", "image/jpeg", DOCX, XLSX, "text/plain", "text/csv", "text/markdown", "application/json"]);
  });
});

describe("evidenceContentType", () => {
  it.each([
    ["", "notes.md", "text/markdown"],
    ["application/octet-stream", "report.PDF", "application/pdf"],
    ["text/plain", "report.pdf", "text/plain"],
    ["", "mystery.bin", ""],
  ])("declared %j for %s → %j", (declared, name, expected) => {
    expect(evidenceContentType(declared, name)).toBe(expected);
  });
});
