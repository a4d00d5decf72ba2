import { z } from "zod";

/** Emails are compared and stored lower-cased and trimmed. */
export const ZEmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "An email address has at most 254 characters.")
  .email("Enter a valid email address.");
