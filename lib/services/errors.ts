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
