import { eq, sql } from "drizzle-orm";
import { webhookDeliveries } from "@/db/schema";
import { queryRows, type Db } from "@/db/client";
import { openSealedSecret } from "@/lib/auth/sealed-secret";
import { nextAttemptAfter } from "@/lib/domain/webhook-events";
import { webhookSignature } from "@/lib/domain/webhook-signature";
import { WEBHOOK_SECRET_PURPOSE } from "./schemas";

/**
 * The background dispatcher: sends due webhook deliveries and records each attempt. It runs in
 * every app instance; a delivery is claimed by moving its next attempt a lease into the future
 * in one UPDATE over rows picked FOR UPDATE SKIP LOCKED, so two instances never send the same
 * attempt, and one that dies mid-send leaves the delivery to be retried when the lease ends
 * (at-least-once: receivers deduplicate on the body's id or X-Attest-Delivery).
 *
 * It is not a service verb and writes no audit event: it changes no governance state, only the
 * delivery log of an announcement whose audit event was written with it.
 */
export type TDispatchOptions = {
  /** The clock for claiming and scheduling (tests move it forward to reach a retry). */
  now?: Date;
  limit?: number;
  timeoutMs?: number;
  leaseMs?: number;
};

type TClaimed = { id: string; event_type: string; payload: string; attempts: number; url: string; secret_ciphertext: string };
type TOutcome = { statusCode: number | null; error: string | null };

export async function dispatchDueDeliveries(db: Db, { now = new Date(), limit = 25, timeoutMs = 10_000, leaseMs = 60_000 }: TDispatchOptions = {}) {
  const claimed = await queryRows<TClaimed>(
    db,
    sql`UPDATE webhook_deliveries d SET next_attempt_at = ${new Date(now.getTime() + leaseMs).toISOString()}::timestamptz
      FROM webhooks w
      WHERE w.id = d.webhook_id AND d.id IN (
        SELECT due.id FROM webhook_deliveries due JOIN webhooks hook ON hook.id = due.webhook_id
        WHERE due.status = 'pending' AND due.next_attempt_at <= ${now.toISOString()}::timestamptz AND hook.active
        ORDER BY due.next_attempt_at LIMIT ${limit}
        FOR UPDATE OF due SKIP LOCKED)
      RETURNING d.id, d.event_type, d.payload, d.attempts, w.url, w.secret_ciphertext`,
  );
  const outcomes = await Promise.all(claimed.map(async (delivery) => ({ delivery, outcome: await send(delivery, timeoutMs) })));
  for (const { delivery, outcome } of outcomes) await record(db, delivery, outcome, now);
  return { attempted: claimed.length, delivered: outcomes.filter((o) => o.outcome.error === null).length };
}

/** One POST of the stored body, signed now; redirects are not followed (a 3xx is a failure). */
async function send(delivery: TClaimed, timeoutMs: number): Promise<TOutcome> {
  let secret: string;
  try {
    secret = openSealedSecret(delivery.secret_ciphertext, WEBHOOK_SECRET_PURPOSE);
  } catch {
    return { statusCode: null, error: "The signing secret cannot be read (was the app secret changed?): rotate the webhook's secret." };
  }
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const response = await fetch(delivery.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "Attest-Webhooks/1",
        "X-Attest-Event": delivery.event_type,
        "X-Attest-Delivery": delivery.id,
        "X-Attest-Timestamp": String(timestamp),
        "X-Attest-Signature": webhookSignature({ secret, timestamp, body: delivery.payload }),
      },
      body: delivery.payload,
    });
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { statusCode: response.status, error: null };
    const redirect = response.status >= 300 && response.status < 400 ? " (redirects are not followed)" : "";
    return { statusCode: response.status, error: `The receiver answered HTTP ${response.status}${redirect}.` };
  } catch (error) {
    return { statusCode: null, error: describeFailure(error, timeoutMs) };
  }
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return `No answer within ${timeoutMs / 1000} s.`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const detail = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return `The request failed: ${detail}`.slice(0, 500);
}

async function record(db: Db, delivery: TClaimed, { statusCode, error }: TOutcome, now: Date) {
  const attempts = delivery.attempts + 1;
  const attempt = { attempts, lastAttemptAt: now, lastStatusCode: statusCode, lastError: error };
  const next = error === null ? null : nextAttemptAfter(attempts, now);
  await db
    .update(webhookDeliveries)
    .set(error === null ? { ...attempt, status: "delivered", deliveredAt: now } : next ? { ...attempt, status: "pending", nextAttemptAt: next } : { ...attempt, status: "failed" })
    .where(eq(webhookDeliveries.id, delivery.id));
}
