import { randomBytes } from "node:crypto";
import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "@/lib/domain/webhook-events";

/** The purpose a webhook's signing secret is sealed under (lib/auth/sealed-secret.ts). */
export const WEBHOOK_SECRET_PURPOSE = "webhook-signing-secret";

/**
 * http(s) only, no credentials in the URL (they would be shown on the admin page): a receiver
 * authenticates Attest by the signature, not by a password in the URL. Where the URL may point is
 * checked by the verbs that save it (receiver-address.ts): that needs a DNS lookup.
 */
export const ZWebhookUrlSchema = z
  .string()
  .trim()
  .max(2000, "A URL has at most 2,000 characters.")
  .refine((value) => URL.canParse(value) && ["http:", "https:"].includes(new URL(value).protocol), "Enter an http:// or https:// URL.")
  .refine((value) => !URL.canParse(value) || (!new URL(value).username && !new URL(value).password), "Leave credentials out of the URL: receivers check the signature instead.");

export const ZWebhookEventsSchema = z
  .array(z.string())
  .pipe(z.array(z.enum(WEBHOOK_EVENT_TYPES, { message: `An event is one of ${WEBHOOK_EVENT_TYPES.join(", ")}.` })).min(1, "Choose at least one event."))
  .transform((events) => WEBHOOK_EVENT_TYPES.filter((e) => events.includes(e)));

export const ZWebhookDescriptionSchema = z.string().trim().max(500, "A description has at most 500 characters.");

/** A secret the admin supplies (e.g. one the receiver already has); otherwise one is generated. */
export const ZWebhookSecretSchema = z.string().min(16, "A secret has at least 16 characters.").max(256, "A secret has at most 256 characters.").regex(/^[\x21-\x7e]+$/, "Use printable ASCII without spaces.");

/** 32 random bytes; the receiver uses the whole string, prefix included, as the HMAC key. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

