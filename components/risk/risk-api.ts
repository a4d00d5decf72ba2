import { ApiError } from "@/lib/api/client";

/** The questions whose meaning changed since the answers' ruleset version (409 on propose). */
export type TChangedQuestion = { id: string; prompt: string };

/** A proposal refused because the ruleset changed: the questions to review, and the version to answer for. */
export class RulesetChangedError extends ApiError {
  constructor(
    message: string,
    readonly rulesetVersion: string,
    readonly changedQuestions: TChangedQuestion[],
  ) {
    super(409, "conflict", message);
  }
}

type ErrorBody = { error?: { code?: string; message?: string; details?: { fields?: Record<string, string>; rulesetVersion?: string; changedQuestions?: TChangedQuestion[] } } };

async function send<T>(path: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, "network", "Attest could not be reached. Check your connection and try again.");
  }
  const body = (await response.json().catch(() => null)) as (T & ErrorBody) | null;
  if (response.ok) return body as T;
  const error = body?.error;
  const message = error?.message ?? (response.status === 413 ? "The file is too large to upload." : `The request failed (HTTP ${response.status}).`);
  const details = error?.details;
  if (response.status === 409 && details?.changedQuestions) throw new RulesetChangedError(message, details.rulesetVersion ?? "", details.changedQuestions);
  const paths = details?.fields ?? {};
  // Keyed by the top-level field too, so "annexIIIPoints.2" still reaches the form's alert.
  const fields: Record<string, string> = {};
  for (const [path, text] of Object.entries(paths)) fields[path.split(".")[0]!] ??= text;
  throw new ApiError(response.status, error?.code ?? "unknown", message, fields, paths);
}

export function postJson<T>(path: string, body: unknown): Promise<T> {
  return send<T>(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
}

export function patchJson<T>(path: string, body: unknown): Promise<T> {
  return send<T>(path, { method: "PATCH", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
}

/** multipart/form-data: the browser sets the boundary, so no Content-Type header here. */
export function postForm<T>(path: string, form: FormData): Promise<T> {
  return send<T>(path, { method: "POST", body: form });
}
