import { and, asc, count, desc, eq, gt, gte, inArray, lt, lte, sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { auditEvents, auditHead, type TAuditEventRow } from "@/db/schema";
import { GENESIS_HASH, type ChainVerification, type ChainedAuditEvent } from "@/lib/domain/audit-chain";
import { auditHashSql } from "./chain-sql";

export function toChainedEvent(row: TAuditEventRow): ChainedAuditEvent {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorEmail: row.actorEmail,
    actorRoles: row.actorRoles,
    tokenId: row.tokenId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    data: row.data,
    requestId: row.requestId,
    ip: row.ip,
    userAgent: row.userAgent,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

export type AuditFilters = {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  /** Any of these entities: a model's history spans the model and each of its versions. */
  entityIds?: readonly string[];
  from?: Date;
  to?: Date;
};

function filterConditions(f: AuditFilters): SQL[] {
  const where: SQL[] = [];
  if (f.actor) where.push(eq(auditEvents.actorEmail, f.actor.toLowerCase()));
  if (f.action) where.push(eq(auditEvents.action, f.action));
  if (f.entityType) where.push(eq(auditEvents.entityType, f.entityType));
  if (f.entityId) where.push(eq(auditEvents.entityId, f.entityId));
  if (f.entityIds) where.push(f.entityIds.length ? inArray(auditEvents.entityId, [...f.entityIds]) : sql`false`);
  if (f.from) where.push(gte(auditEvents.at, f.from));
  if (f.to) where.push(lte(auditEvents.at, f.to));
  return where;
}

/** Newest first, keyset-paginated on seq: page N costs the same as page 1 at any table size. */
export async function listAuditEvents(db: Db, filters: AuditFilters, page: { beforeSeq?: number; limit: number }) {
  const where = filterConditions(filters);
  if (page.beforeSeq !== undefined) where.push(lt(auditEvents.seq, page.beforeSeq));
  const rows = await db.select().from(auditEvents).where(and(...where)).orderBy(desc(auditEvents.seq)).limit(page.limit + 1);
  const events = rows.slice(0, page.limit).map(toChainedEvent);
  return { events, nextBeforeSeq: rows.length > page.limit ? events[events.length - 1]!.seq : null };
}

/** Oldest first from a seq onwards: what pipelines page through with ?afterSeq=. */
export async function auditEventsAfter(db: Db, afterSeq: number, limit: number, filters: AuditFilters = {}) {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(gt(auditEvents.seq, afterSeq), ...filterConditions(filters)))
    .orderBy(asc(auditEvents.seq))
    .limit(limit);
  return rows.map(toChainedEvent);
}

export async function countAuditEvents(db: Db, filters: AuditFilters, throughSeq: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(auditEvents)
    .where(and(lte(auditEvents.seq, throughSeq), ...filterConditions(filters)));
  return Number(row?.n ?? 0);
}

export async function auditEventBySeq(db: Db, seq: number) {
  const [row] = await db.select().from(auditEvents).where(eq(auditEvents.seq, seq));
  return row ? toChainedEvent(row) : null;
}

/** Every event matching the filters in seq order, a page at a time, without holding them all. */
export async function* streamAuditEvents(db: Db, filters: AuditFilters = {}, batchSize = 5000): AsyncGenerator<ChainedAuditEvent> {
  let after = 0;
  for (;;) {
    const batch = await auditEventsAfter(db, after, batchSize, filters);
    yield* batch;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1]!.seq;
  }
}

export async function auditHeadState(db: Db) {
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  return head ? { seq: head.seq, hash: head.hash } : { seq: 0, hash: GENESIS_HASH };
}

type CheckedRow = { seq: string | number; hash: string; problem: "seq" | "prev" | "hash" | null; prior_seq: string | number; prior_hash: string };

/**
 * Checks the events after seq `from` (up to `limit` of them, none past the head) in the database:
 * each hash recomputed from the columns, prev_hash against the hash before it and seq against
 * the seq before it. The page starts one event early, at the last event at or before `from`, so it
 * needs nothing from the page before and pages can run at once. Only the first broken event and
 * the page's last event come back: two rows over the wire per page.
 * No upper bound on seq inside the page: without fresh statistics (PGlite never autovacuums) the
 * planner estimates a bounded range as tiny and sorts all of it for every page.
 */
async function checkPage(db: Db, from: number, limit: number, headSeq: number): Promise<CheckedRow[]> {
  return queryRows<CheckedRow>(
    db,
    sql`WITH page AS (
        SELECT seq, prev_hash, hash, ${auditHashSql()} AS expected
        FROM audit_events WHERE seq >= (SELECT coalesce(max(seq), 1) FROM audit_events WHERE seq > 0 AND seq <= ${from})
        ORDER BY seq LIMIT ${limit + 1}),
      linked AS (
        SELECT seq, hash, prev_hash, expected, coalesce(lag(seq) OVER w, 0) AS prior_seq, coalesce(lag(hash) OVER w, ${GENESIS_HASH}) AS prior_hash
        FROM page WINDOW w AS (ORDER BY seq)),
      judged AS (
        -- IS DISTINCT FROM: a NULL forced into a column must not make a comparison NULL and pass.
        SELECT seq, hash, prior_seq, prior_hash, CASE
          WHEN seq IS DISTINCT FROM prior_seq + 1 THEN 'seq'
          WHEN prev_hash IS DISTINCT FROM prior_hash THEN 'prev'
          WHEN hash IS DISTINCT FROM expected THEN 'hash' END AS problem
        FROM linked WHERE seq > ${from} AND seq <= ${headSeq})
      (SELECT * FROM judged WHERE problem IS NOT NULL ORDER BY seq LIMIT 1)
      UNION ALL
      (SELECT * FROM judged ORDER BY seq DESC LIMIT 1)`,
  );
}

const REASONS = {
  prev: "prev_hash does not match the previous event's hash",
  hash: "hash does not match the event's content",
} as const;

/**
 * Recomputes the whole chain in the database and compares its end with the head row; names the
 * first broken seq, with the same answers as ChainVerifier (which exports and the standalone
 * verifier use), without sending the events to JavaScript. `parallel` pages run at once: on
 * PostgreSQL each on its own connection (PGlite runs them in turn). Events appended after the
 * head was read are left for the next run.
 */
export async function verifyAuditChain(db: Db, pageSize?: number, parallel = 2): Promise<ChainVerification> {
  const head = await auditHeadState(db);
  // Without statistics (PGlite never analyses) the planner guesses that a third of the table is
  // past any seq; a page near that size gets a sort of everything after it instead of an ordered
  // index scan. An eighth of the log keeps it well clear, up to 50k events per query.
  const batchSize = pageSize ?? Math.min(50_000, Math.max(1_000, Math.floor(head.seq / 8)));
  let last = { seq: 0, hash: GENESIS_HASH };
  const inFlight: Promise<CheckedRow[]>[] = [];
  let nextFrom = 0;
  const launch = () => {
    if (nextFrom >= head.seq) return;
    inFlight.push(checkPage(db, nextFrom, batchSize, head.seq));
    nextFrom += batchSize;
  };
  for (let i = 0; i < parallel; i++) launch();
  // Pages are taken in order: a page without a break ends exactly where the next one starts.
  while (inFlight.length) {
    const rows = await inFlight.shift()!;
    const broken = rows.find((r) => r.problem);
    if (broken) {
      await Promise.allSettled(inFlight);
      const priorSeq = Number(broken.prior_seq);
      const reason = broken.problem === "seq" ? `expected seq ${priorSeq + 1}, found ${broken.seq}` : REASONS[broken.problem!];
      return { ok: false, checked: priorSeq, headSeq: priorSeq, headHash: broken.prior_hash, firstBrokenSeq: Number(broken.seq), reason };
    }
    const end = rows[rows.length - 1];
    if (end && Number(end.seq) > last.seq) last = { seq: Number(end.seq), hash: end.hash };
    launch();
  }
  if (head.seq !== last.seq || head.hash !== last.hash) {
    return { ok: false, checked: last.seq, headSeq: last.seq, headHash: last.hash, firstBrokenSeq: Math.min(head.seq, last.seq + 1), reason: "the chain head does not match the last event" };
  }
  return { ok: true, checked: last.seq, headSeq: last.seq, headHash: last.hash };
}
