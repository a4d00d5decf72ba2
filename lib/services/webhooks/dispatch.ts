import http from "node:http";
import https from "node:https";
import { and, eq, sql } from "drizzle-orm";
import { webhookDeliveries } from "@/db/schema";
import { queryRows, type Db } from "@/db/client";
import { openSealedSecret } from "@/lib/auth/sealed-secret";
import { nextAttemptAfter } from "@/lib/domain/webhook-events";
import { webhookSignature } from "@/lib/domain/webhook-signature";
import { literalAddressRefusal, PRIVATE_RECEIVER_CODE, vettedLookup } from "./receiver-address";
import { WEBHOOK_SECRET_PURPOSE } from "./schemas";

/**
 * The background dispatcher: sends due webhook deliveries and records each attempt. It runs in
 * every app instance; a delivery is claimed by moving its next attempt a lease into the future
 * in one UPDATE over rows picked FOR UPDATE SKIP LOCKED, so two instances never send the same
 * attempt, and one that dies mid-send leaves the delivery to be retried when the lease ends
 * (at-least-once: receivers deduplicate on the body's id, which the signature covers; the
 * X-Attest-Delivery header is not signed and is for their logs only).
 *
 * Time is the database's clock, read once per batch, never this instance's own: an instance
 * whose clock runs ahead would otherwise find others' leases ended and send their deliveries
 * again. An attempt is recorded only while its lease still holds (the row still carries the lease
 * this batch set), so a send that outlived its lease cannot overwrite the attempt that took over.
 * Each attempt is recorded as soon as it ends: a slow receiver delays only its own record.
 * Receivers are reached only at public addresses unless allowed (receiver-address.ts).
 *
 * It is not a service verb and writes no audit event: it changes no governance state, only the
 * delivery log of an announcement whose audit event was written with it.
 */
export type TDispatchOptions = {
  /** Overrides the database's clock for claiming and scheduling (tests move it forward to reach a retry). */
  now?: Date;
  limit?: number;
  timeoutMs?: number;
  leaseMs?: number;
};

type TClaimed = { id: string; event_type: string; payload: string; attempts: number; url: string; secret_ciphertext: string };
type TOutcome = { statusCode: number | null; error: string | null };

export async function dispatchDueDeliveries(db: Db, { now, limit = 25, timeoutMs = 10_000, leaseMs = 60_000 }: TDispatchOptions = {}) {
  const clock = now ?? (await databaseNow(db));
  const lease = new Date(clock.getTime() + leaseMs).toISOString();
  const claimed = await queryRows<TClaimed>(
    db,
    sql`UPDATE webhook_deliveries d SET next_attempt_at = ${lease}::timestamptz
      FROM webhooks w
      WHERE w.id = d.webhook_id AND d.id IN (
        SELECT due.id FROM webhook_deliveries due JOIN webhooks hook ON hook.id = due.webhook_id
        WHERE due.status = 'pending' AND due.next_attempt_at <= ${clock.toISOString()}::timestamptz AND hook.active
        ORDER BY due.next_attempt_at LIMIT ${limit}
        FOR UPDATE OF due SKIP LOCKED)
      RETURNING d.id, d.event_type, d.payload, d.attempts, w.url, w.secret_ciphertext`,
  );
  const delivered = await Promise.all(
    claimed.map(async (delivery) => {
      const outcome = await send(delivery, timeoutMs);
      return (await record(db, delivery, outcome, clock, lease)) && outcome.error === null;
    }),
  );
  return { attempted: claimed.length, delivered: delivered.filter(Boolean).length };
}

async function databaseNow(db: Db): Promise<Date> {
  const [row] = await queryRows<{ ms: number | string }>(db, sql`SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS ms`);
  return new Date(Math.floor(Number(row!.ms)));
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
    const status = await post(new URL(delivery.url), {
      "Content-Type": "application/json",
      "User-Agent": "Attest-Webhooks/1",
      "X-Attest-Event": delivery.event_type,
      "X-Attest-Delivery": delivery.id,
      "X-Attest-Timestamp": String(timestamp),
      "X-Attest-Signature": webhookSignature({ secret, timestamp, body: delivery.payload }),
    }, delivery.payload, timeoutMs);
    if (status >= 200 && status < 300) return { statusCode: status, error: null };
    const redirect = status >= 300 && status < 400 ? " (redirects are not followed)" : "";
    return { statusCode: status, error: `The receiver answered HTTP ${status}${redirect}.` };
  } catch (error) {
    return { statusCode: null, error: describeFailure(error, timeoutMs) };
  }
}

/** The response's status; the connection goes only to an address vettedLookup (or literalAddressRefusal) let through. */
function post(url: URL, headers: Record<string, string>, body: string, timeoutMs: number): Promise<number> {
  const refused = literalAddressRefusal(url);
  if (refused) return Promise.reject(refused);
  return new Promise((resolve, reject) => {
    const request = (url.protocol === "https:" ? https : http).request(
      url,
      { method: "POST", headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) }, lookup: vettedLookup, agent: false, signal: AbortSignal.timeout(timeoutMs) },
      (response) => {
        // Only the status matters; the body is drained, and a receiver that stops mid-body is no error.
        response.on("error", () => undefined).resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return `No answer within ${timeoutMs / 1000} s.`;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === PRIVATE_RECEIVER_CODE) return (error as Error).message;
  const detail = code ?? (error instanceof Error ? error.message : String(error));
  return `The request failed: ${detail}`.slice(0, 500);
}

/** Records the attempt if this batch still holds the delivery's lease; false when another took it over. */
async function record(db: Db, delivery: TClaimed, { statusCode, error }: TOutcome, now: Date, lease: string): Promise<boolean> {
  const attempts = delivery.attempts + 1;
  const attempt = { attempts, lastAttemptAt: now, lastStatusCode: statusCode, lastError: error };
  const next = error === null ? null : nextAttemptAfter(attempts, now);
  const recorded = await db
    .update(webhookDeliveries)
    .set(error === null ? { ...attempt, status: "delivered", deliveredAt: now } : next ? { ...attempt, status: "pending", nextAttemptAt: next } : { ...attempt, status: "failed" })
    .where(and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.status, "pending"), sql`${webhookDeliveries.nextAttemptAt} = ${lease}::timestamptz`))
    .returning({ id: webhookDeliveries.id });
  return recorded.length === 1;
}
