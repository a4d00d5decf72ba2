/**
 * What files may be attached as evidence, and a check that a file is what it claims to be: the
 * declared content type must be allowed and the first bytes must match it, so a renamed
 * executable cannot pass as a PDF.
 */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EVIDENCE_TYPES: Record<string, { label: string; magic?: number[]; text?: boolean }> = {
  "application/pdf": { label: "PDF", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  "image/png": { label: "PNG image", magic: [0x89, 0x50, 0x4e, 0x47] },
  "image/jpeg": { label: "JPEG image", magic: [0xff, 0xd8, 0xff] },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { label: "Word document", magic: ZIP },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { label: "Excel workbook", magic: ZIP },
  "text/plain": { label: "text", text: true },
  "text/csv": { label: "CSV", text: true },
  "text/markdown": { label: "Markdown", text: true },
  "application/json": { label: "JSON", text: true },
};

export const EVIDENCE_CONTENT_TYPES = Object.keys(EVIDENCE_TYPES);

/** Null when acceptable, else the reason to refuse it. */
export function evidenceFileProblem(contentType: string, bytes: Uint8Array): string | null {
  const type = EVIDENCE_TYPES[contentType.split(";")[0]!.trim().toLowerCase()];
  if (!type) return `Files of type “${contentType || "unknown"}” cannot be attached. Attach a PDF, image, Office document, or a text, CSV, Markdown or JSON file.`;
  if (bytes.length === 0) return "The file is empty.";
  if (bytes.length > MAX_EVIDENCE_BYTES) return `The file is larger than ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB.`;
  if (type.magic && !type.magic.every((b, i) => bytes[i] === b)) return `The file does not look like a ${type.label}: its content does not match its type.`;
  if (type.text) {
    if (bytes.includes(0)) return `The file does not look like ${type.label}: it contains binary data.`;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return `The file does not look like ${type.label}: it is not UTF-8 text.`;
    }
  }
  return null;
}

const BY_EXTENSION: Record<string, string> = {
  pdf: "application/pdf", png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  txt: "text/plain", csv: "text/csv", md: "text/markdown", markdown: "text/markdown", json: "application/json",
};

/**
 * The type to check a file against: the declared one, or, when a client declared none (browsers
 * send no type for .md, for instance), the one its extension names. The content check that
 * follows is what makes either trustworthy.
 */
export function evidenceContentType(declared: string, fileName: string): string {
  const type = declared.split(";")[0]!.trim().toLowerCase();
  if (type && type !== "application/octet-stream") return declared;
  return BY_EXTENSION[fileName.split(".").pop()?.toLowerCase() ?? ""] ?? declared;
}
