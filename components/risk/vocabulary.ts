import type { BadgeTone } from "@/components/ui/badge";
import type { TObligationStatus } from "@/lib/domain/risk/ruleset";

/** A classification record's status, as the history and the current card say it. */
export const CLASSIFICATION_STATUSES: Record<string, { label: string; tone: BadgeTone }> = {
  proposed: { label: "Proposed", tone: "brand" },
  confirmed: { label: "Confirmed", tone: "success" },
  overridden: { label: "Overridden", tone: "warning" },
  superseded: { label: "Superseded", tone: "neutral" },
};

export const OBLIGATION_STATUS_LABELS: Record<TObligationStatus, { label: string; tone: BadgeTone }> = {
  not_started: { label: "Not started", tone: "neutral" },
  in_progress: { label: "In progress", tone: "brand" },
  met: { label: "Met", tone: "success" },
  not_applicable: { label: "Not applicable", tone: "neutral" },
};

export function obligationStatus(status: string) {
  return OBLIGATION_STATUS_LABELS[status as TObligationStatus] ?? { label: status.replace(/_/g, " "), tone: "neutral" as const };
}

/** "Met" and "not applicable" close an obligation; a due date in the past matters only while it is open. */
export const CLOSED_STATUSES: readonly string[] = ["met", "not_applicable"];

/**
 * How the obligation list is grouped: by what kind of duty it is, in the Act's order within a
 * group, so a reader finds the high-risk requirements together rather than interleaved with
 * registration and value-chain duties.
 */
export const OBLIGATION_GROUPS: readonly { title: string; articles: readonly string[] }[] = [
  { title: "Every provider and deployer", articles: ["Art. 4"] },
  { title: "Prohibition", articles: ["Art. 5"] },
  { title: "Requirements for high-risk systems", articles: ["Art. 9", "Art. 10", "Art. 11", "Art. 12", "Art. 13", "Art. 14", "Art. 15", "Art. 17"] },
  { title: "Conformity, registration and the Art. 6(3) assessment", articles: ["Art. 6(4)", "Art. 43", "Art. 47", "Art. 49(1)", "Art. 49(2)", "Art. 49(5)"] },
  { title: "Duties along the value chain", articles: ["Art. 23", "Art. 24", "Art. 26", "Art. 27"] },
  { title: "After placing on the market", articles: ["Art. 72", "Art. 73"] },
  { title: "Transparency", articles: ["Art. 50"] },
  { title: "General-purpose AI model", articles: ["Art. 53", "Art. 55"] },
];

export function groupObligations<T extends { article: string }>(obligations: readonly T[]): { title: string; items: T[] }[] {
  const known = new Set(OBLIGATION_GROUPS.flatMap((g) => g.articles));
  const groups = OBLIGATION_GROUPS.map((g) => ({ title: g.title, items: obligations.filter((o) => g.articles.includes(o.article)) }));
  // An article stored under an older ruleset still shows, never silently dropped.
  groups.push({ title: "Other obligations", items: obligations.filter((o) => !known.has(o.article)) });
  return groups.filter((g) => g.items.length > 0);
}

/** What the evidence upload accepts: the file picker's filter and, for files the browser gives no type, the type by extension. */
export const EVIDENCE_TYPES_BY_EXTENSION: Record<string, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  txt: "text/plain",
  csv: "text/csv",
  md: "text/markdown",
  json: "application/json",
};

export const EVIDENCE_ACCEPT = Object.keys(EVIDENCE_TYPES_BY_EXTENSION).map((ext) => `.${ext}`).join(",");

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Only web links become links: a stored "javascript:" or "data:" URL is shown as text, never followed. */
export function safeHttpUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}
