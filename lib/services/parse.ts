import type { z } from "zod";
import { InvalidInput } from "./errors";

/** Field-level messages keyed by dotted path, e.g. { "email": "Enter a valid email address." }. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    out[key] ??= issue.message;
  }
  return out;
}

/** Parses service input; bad input becomes a 400 with a message per field and changes nothing. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new InvalidInput("Some fields need attention.", { fields: fieldErrors(result.error) });
  return result.data;
}
