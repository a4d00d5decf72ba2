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

/**
 * Text PostgreSQL cannot store, by dotted path: text columns reject NUL (U+0000), jsonb rejects it
 * and unpaired UTF-16 surrogates too. Valid JSON can carry both ("\u0000", "\ud800"), so without
 * this check they reach the database and fail there as a 500 instead of a field error.
 */
export function unstorableText(value: unknown, path: (string | number)[] = [], out: Record<string, string> = {}): Record<string, string> {
  if (typeof value === "string") {
    if (value.includes("\u0000") || !value.isWellFormed()) out[path.join(".") || "_"] ??= "This text contains a NUL or invalid character; remove it.";
  } else if (Array.isArray(value)) value.forEach((item, i) => unstorableText(item, [...path, i], out));
  // Bytes (an uploaded file) are not text: walking them would list every byte (10 MB → seconds, GBs).
  else if (value !== null && typeof value === "object" && !(value instanceof Date) && !ArrayBuffer.isView(value)) {
    for (const [key, item] of Object.entries(value)) unstorableText(item, [...path, key], out);
  }
  return out;
}

/** Parses service input; bad input becomes a 400 with a message per field and changes nothing. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new InvalidInput("Some fields need attention.", { fields: fieldErrors(result.error) });
  const unstorable = unstorableText(result.data);
  if (Object.keys(unstorable).length > 0) throw new InvalidInput("Some fields need attention.", { fields: unstorable });
  return result.data;
}
