import { ApiError } from "@/lib/api/client";
import type { TPrecondition } from "@/lib/domain/approvals/policy";

/** An ApiError that keeps the error's details (the 422's preconditions, the 409's gate). */
export class ReviewApiError extends ApiError {
  constructor(status: number, code: string, message: string, fields: Record<string, string>, readonly details: unknown) {
    super(status, code, message, fields);
  }

  /** The unmet preconditions a refused submission lists, if it lists any. */
  get preconditions(): TPrecondition[] {
    const list = (this.details as { preconditions?: unknown } | null)?.preconditions;
    return Array.isArray(list) ? (list as TPrecondition[]) : [];
  }
}

type ErrorBody = { error?: { code?: string; message?: string; details?: { fields?: Record<string, string> } & Record<string, unknown> } };

/** POSTs JSON to one of our routes with the session cookie; failures throw ReviewApiError. */
export async function postReviewApi<T>(path: string, body: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  } catch {
    throw new ReviewApiError(0, "network", "Attest could not be reached. Check your connection and try again.", {}, null);
  }
  const json = (await response.json().catch(() => null)) as (T & ErrorBody) | null;
  if (response.ok) return json as T;
  const error = json?.error;
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(error?.details?.fields ?? {})) fields[path.split(".")[0]!] ??= message;
  throw new ReviewApiError(response.status, error?.code ?? "unknown", error?.message ?? `The request failed (HTTP ${response.status}).`, fields, error?.details ?? null);
}
