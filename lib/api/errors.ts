import { ServiceError, TooManyRequests } from "@/lib/services/errors";

/** The one JSON error shape: { error: { code, message, details? } }. */
export function errorResponse(status: number, code: string, message: string, details?: unknown, headers?: HeadersInit): Response {
  return Response.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, { status, headers });
}

/** Maps a thrown error to a response, once, for every route. Unknown errors never leak detail. */
export function responseForError(error: unknown, requestId: string | null): Response {
  if (error instanceof TooManyRequests) {
    return errorResponse(429, error.code, error.message, undefined, { "Retry-After": String(error.retryAfterSeconds) });
  }
  if (error instanceof ServiceError) return errorResponse(error.status, error.code, error.message, error.details);
  console.error(`[attest] request ${requestId ?? "-"} failed:`, error instanceof Error ? error.stack : error);
  return errorResponse(500, "internal", `Something went wrong on our side. Quote request id ${requestId ?? "-"} to your administrator.`);
}
