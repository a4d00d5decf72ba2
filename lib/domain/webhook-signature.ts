import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * How Attest signs a webhook delivery, and how a receiver checks it (README, "Webhooks"):
 * X-Attest-Signature is "v1=" + hex HMAC-SHA256(secret, timestamp + "." + rawBody), where
 * timestamp is X-Attest-Timestamp (unix seconds). The timestamp is signed so a captured delivery
 * cannot be replayed later; receivers refuse ones older than their tolerance.
 */
export function webhookSignature({ secret, timestamp, body }: { secret: string; timestamp: number | string; body: string }): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export type TWebhookVerification = { ok: true } | { ok: false; reason: "malformed" | "stale" | "mismatch" };

/** Checks a delivery from the receiver's side: the raw body exactly as received, the two headers. */
export function verifyWebhookSignature({
  secret,
  timestamp,
  body,
  signature,
  toleranceSeconds = 300,
  now = Date.now(),
}: {
  secret: string;
  timestamp: string | null | undefined;
  body: string;
  signature: string | null | undefined;
  toleranceSeconds?: number;
  now?: number;
}): TWebhookVerification {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || !signature || !/^v1=[0-9a-f]{64}$/.test(signature)) return { ok: false, reason: "malformed" };
  if (Math.abs(now / 1000 - Number(timestamp)) > toleranceSeconds) return { ok: false, reason: "stale" };
  const expected = Buffer.from(webhookSignature({ secret, timestamp, body }));
  return timingSafeEqual(expected, Buffer.from(signature)) ? { ok: true } : { ok: false, reason: "mismatch" };
}
