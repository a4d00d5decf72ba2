/**
 * The browser's side of GET/PUT /api/v1/models/{slug}/versions/{version}/card. Every outcome the
 * editor must handle differently is its own case, so none is handled by accident.
 */
export type PutOutcome =
  | { kind: "saved"; revision: number; unchanged: boolean; unmapped: string[] }
  | { kind: "conflict"; revision: number; content: unknown; author: string | null; savedAt: string | null }
  | { kind: "invalid"; message: string; fields: Record<string, string>; line: number | null }
  | { kind: "failed"; message: string };

type ErrorBody = { error?: { message?: string; details?: { fields?: Record<string, string>; line?: number; currentRevision?: number | null; current?: unknown; author?: string | null; savedAt?: string | null } } };

const etag = (revision: number) => `"rev-${revision}"`;

export async function putCard(url: string, input: { baseRevision: number; body: string; contentType: string; summary?: string }): Promise<PutOutcome> {
  const headers: Record<string, string> = { "Content-Type": input.contentType, "If-Match": etag(input.baseRevision) };
  // Header values must be Latin-1; the summary is any text, so it travels percent-encoded UTF-8.
  if (input.summary) headers["X-Change-Summary"] = encodeURIComponent(input.summary);
  let response: Response;
  try {
    response = await fetch(url, { method: "PUT", headers, body: input.body });
  } catch {
    return { kind: "failed", message: "Attest could not be reached. Your changes are kept in this browser; try again when you are back online." };
  }
  const json = (await response.json().catch(() => null)) as (ErrorBody & { revision?: number; unchanged?: boolean; unmapped?: string[] }) | null;
  if (response.ok && typeof json?.revision === "number") return { kind: "saved", revision: json.revision, unchanged: Boolean(json.unchanged), unmapped: json.unmapped ?? [] };
  const error = json?.error;
  const details = error?.details;
  const message = error?.message ?? `The card could not be saved (HTTP ${response.status}).`;
  // A 409 without a current revision is another conflict (e.g. a retired version), not a stale save.
  if (response.status === 409 && typeof details?.currentRevision === "number") {
    return { kind: "conflict", revision: details.currentRevision, content: details.current, author: details.author ?? null, savedAt: details.savedAt ?? null };
  }
  if (response.status === 422 || response.status === 400) return { kind: "invalid", message, fields: details?.fields ?? {}, line: details?.line ?? null };
  return { kind: "failed", message };
}

/** The current card and its revision (0 before the first save). */
export async function getCard(url: string): Promise<{ revision: number; content: unknown } | null> {
  try {
    const response = await fetch(url, { cache: "no-store" });
    if (!response.ok) return null;
    const revision = Number(/"rev-(\d+)"/.exec(response.headers.get("ETag") ?? "")?.[1] ?? NaN);
    return Number.isInteger(revision) ? { revision, content: await response.json() } : null;
  } catch {
    return null;
  }
}
