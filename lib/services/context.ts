import { sql } from "drizzle-orm";
import { isPostgresRoot, queryRows, type Db } from "@/db/client";
import type { Actor, RequestMeta } from "@/lib/auth/actor";
import { allows, type Permission } from "@/lib/auth/permissions";
import { allowAuditOnCommit, takeAuditOnCommit } from "./audit/emit";
import { Forbidden, OutcomeUnknown } from "./errors";
import { postgresTransaction } from "./postgres-transaction";

export type ServiceContext = { db: Db; actor: Actor; request: RequestMeta };

/** The first line of every verb: does this actor hold the permission (and its token the scope)? */
export function authorize(ctx: ServiceContext, permission: Permission): void {
  const { actor } = ctx;
  if (actor.kind === "system") return;
  if (actor.kind === "anonymous") throw new Forbidden();
  if (!allows(actor.roles, permission, actor.token?.scopes)) throw new Forbidden();
}

/**
 * Runs the change and its audit event in one transaction: if either fails, neither happened.
 * A verb's event recorded with auditOnCommit is appended as the transaction commits: on
 * PostgreSQL in the same round trip as the COMMIT (postgres-transaction.ts), so the audit head
 * row, which serialises every instance's appends, is locked only while the database itself works.
 *
 * On PostgreSQL the audit head row is locked until commit, and a synchronous commit holds that
 * lock while it waits for its WAL flush: every append would pay one disk flush in series, and the
 * chain would run at the disk's flush rate whatever the number of writers. So the transaction
 * commits asynchronously (the lock goes as soon as the commit record is in the WAL buffers), and
 * before the verb returns a durability barrier waits for the flush: a tiny transaction that writes
 * one WAL record (a transactional logical message, which changes no table; merely taking a
 * transaction id would not do, PostgreSQL commits a transaction that wrote nothing without a
 * flush), so its synchronous commit flushes the WAL up to its own commit record, after ours.
 * Barriers from concurrent writers share flushes (group commit). Nothing is acknowledged before
 * it is durable; a crash in between loses a change whose caller got an error (another session
 * may have read it in that window, as it could read from an asynchronous replica). A barrier that
 * fails for another reason (a dropped connection) is retried on another pooled connection; if
 * none succeeds the caller learns that the outcome is unknown rather than that nothing happened.
 */
export async function withTransaction<T>(ctx: ServiceContext, fn: (tx: Db) => Promise<T>): Promise<T> {
  if (isPostgresRoot(ctx.db)) {
    const result = await postgresTransaction(ctx.db, "SET LOCAL synchronous_commit = off", (tx) => {
      allowAuditOnCommit(tx);
      return fn(tx);
    }, takeAuditOnCommit);
    await durabilityBarrier(ctx.db);
    return result;
  }
  return ctx.db.transaction(async (drizzleTx) => {
    const tx = drizzleTx as unknown as Db;
    allowAuditOnCommit(tx);
    const result = await fn(tx);
    const append = takeAuditOnCommit(tx);
    if (append) append.check((await queryRows<Record<string, unknown>>(tx, append.query))[0]);
    return result;
  });
}

const BARRIER_TRIES = 3;

// Per database: the barrier on its way, and the next one, which callers join until it is sent.
const BARRIERS = new WeakMap<object, { running: Promise<void> | null; next: Promise<void> | null }>();

/**
 * Waits until every commit this process finished before the call is flushed. Commits that finish
 * while a barrier is on its way share the next one: it is sent after they joined, so its commit
 * record follows theirs and its flush covers them (a barrier already sent may not). Under load one
 * barrier serves many verbs, as group commit serves many commits.
 */
function durabilityBarrier(db: Db): Promise<void> {
  let state = BARRIERS.get(db);
  if (!state) BARRIERS.set(db, (state = { running: null, next: null }));
  if (state.next) return state.next;
  const barriers = state;
  const next: Promise<void> = (barriers.running ?? Promise.resolve())
    .catch(() => undefined)
    .then(() => {
      barriers.running = next;
      barriers.next = null;
      return sendBarrier(db);
    })
    .finally(() => {
      if (barriers.running === next) barriers.running = null;
    });
  barriers.next = next;
  return next;
}

async function sendBarrier(db: Db): Promise<void> {
  for (let attempt = 1; attempt <= BARRIER_TRIES; attempt++) {
    try {
      await db.execute(sql`SELECT pg_logical_emit_message(true, 'attest.durability', '')`);
      return;
    } catch (error) {
      console.error(`[attest] durability barrier failed (try ${attempt} of ${BARRIER_TRIES}):`, error instanceof Error ? error.message : error);
    }
  }
  throw new OutcomeUnknown();
}

export const NO_REQUEST: RequestMeta = { requestId: null, ip: null, userAgent: null };
