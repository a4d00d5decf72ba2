/** A failed /api/v1 call, carrying the JSON error shape's code, message and field messages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    /** The same messages under their full paths ("datasets.0.name"), for forms with repeated rows. */
    readonly paths: Record<string, string> = {},
  ) {
    super(message);
  }
}

type ErrorBody = { error?: { code?: string; message?: string; details?: { fields?: Record<string, string> } } };

/** Field messages keyed by the top-level field, so "roles.0" lands next to the roles control. */
function topLevelFields(fields: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields ?? {})) out[path.split(".")[0]!] ??= message;
  return out;
}

/** Calls one of our own route handlers from the browser; the session cookie authenticates it. */
export async function callApi<T>(path: string, init: { method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; body?: unknown }): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method,
      headers: init.body === undefined ? undefined : { "Content-Type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError(0, "network", "Attest could not be reached. Check your connection and try again.");
  }
  const body = (await response.json().catch(() => null)) as (T & ErrorBody) | null;
  if (response.ok) return body as T;
  const error = body?.error;
  throw new ApiError(response.status, error?.code ?? "unknown", error?.message ?? `The request failed (HTTP ${response.status}).`, topLevelFields(error?.details?.fields), error?.details?.fields);
}
