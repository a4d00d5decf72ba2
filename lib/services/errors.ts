/** Typed errors the services throw; lib/api maps each to one HTTP status, once. */
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
export class Unauthenticated extends ServiceError {
  constructor(message = "Sign in or send a valid API token.") { super("unauthenticated", 401, message); }
}
export class Forbidden extends ServiceError {
  constructor(message = "You do not have permission to do this.") { super("forbidden", 403, message); }
}
export class NotFound extends ServiceError {
  constructor(what: string) { super("not_found", 404, `${what} was not found.`); }
}
export class Conflict extends ServiceError {
  constructor(message: string, details?: unknown) { super("conflict", 409, message, details); }
}
export class InvalidInput extends ServiceError {
  constructor(message: string, details?: unknown) { super("validation_failed", 400, message, details); }
}
export class Unprocessable extends ServiceError {
  constructor(message: string, details?: unknown) { super("unprocessable", 422, message, details); }
}
export class TooManyRequests extends ServiceError {
  constructor(message: string, readonly retryAfterSeconds: number) { super("too_many_requests", 429, message); }
}
/**
 * The change committed, but the database never confirmed it reached disk (the durability barrier
 * failed on every try). It is most likely saved; the caller must look before doing it again.
 */
export class OutcomeUnknown extends ServiceError {
  constructor(message = "The change was committed but the database did not confirm it is on disk. Check whether it took effect before trying again.") {
    super("outcome_unknown", 503, message);
  }
}

/**
 * Is this (under drizzle's "Failed query" wrapper) a unique-constraint violation, SQLSTATE 23505?
 * Verbs check for a clash before inserting, but two concurrent requests can both pass that check
 * on PostgreSQL; the unique index then decides, and the loser must get a 409, not a 500.
 */
export function isUniqueViolation(error: unknown): boolean {
  let e = error as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 5; depth++, e = e.cause as typeof e) if (e.code === "23505") return true;
  return false;
}
