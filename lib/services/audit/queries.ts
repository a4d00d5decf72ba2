import { and, asc, count, desc, eq, gt, gte, inArray, lt, lte, sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { auditEvents, auditHead, type TAuditEventRow } from "@/db/schema";
import { ChainVerifier, type ChainVerification, type ChainedAuditEvent } from "@/lib/domain/audit-chain";

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
  return head ? { seq: head.seq, hash: head.hash } : { seq: 0, hash: "0".repeat(64) };
}

// Verification reads raw driver rows instead of drizzle's mapped ones: at a million events the
// row mapping and timestamp-string parsing cost more than the hashing. `at` comes as epoch
// milliseconds (exact: the column keeps milliseconds), int8 as a string or number by driver.
type RawAuditRow = {
  seq: string | number; at_ms: string | number; actor_id: string | null; actor_email: string; actor_roles: string[];
  token_id: string | null; action: string; entity_type: string; entity_id: string | null; data: unknown;
  request_id: string | null; ip: string | null; user_agent: string | null; prev_hash: string; hash: string;
};

// No upper bound on seq in the query: without fresh statistics (PGlite never autovacuums) the
// planner estimates a bounded range as tiny and sorts all of it for every page.
async function chainPage(db: Db, afterSeq: number, limit: number): Promise<ChainedAuditEvent[]> {
  const rows = await queryRows<RawAuditRow>(
    db,
    sql`SELECT seq, (extract(epoch FROM at) * 1000)::bigint AS at_ms, actor_id, actor_email, actor_roles, token_id, action,
          entity_type, entity_id, data, request_id, ip, user_agent, prev_hash, hash
        FROM audit_events WHERE seq > ${afterSeq} ORDER BY seq LIMIT ${limit}`,
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: new Date(Number(r.at_ms)).toISOString(),
    actorId: r.actor_id,
    actorEmail: r.actor_email,
    actorRoles: r.actor_roles,
    tokenId: r.token_id,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    data: r.data,
    requestId: r.request_id,
    ip: r.ip,
    userAgent: r.user_agent,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

/**
 * Recomputes the whole chain and compares its end with the head row; names the first broken seq.
 * Events appended after the head was read are left for the next run. The next page is requested
 * before this one is hashed, so on PostgreSQL the server reads while we hash.
 */
export async function verifyAuditChain(db: Db, batchSize = 10_000): Promise<ChainVerification> {
  const head = await auditHeadState(db);
  const verifier = new ChainVerifier(true);
  let page: Promise<ChainedAuditEvent[]> | null = chainPage(db, 0, batchSize);
  while (page) {
    const events: ChainedAuditEvent[] = await page;
    const lastSeq = events.length ? events[events.length - 1]!.seq : head.seq;
    page = events.length === batchSize && lastSeq < head.seq ? chainPage(db, lastSeq, batchSize) : null;
    for (const event of events) {
      if (event.seq > head.seq) break; // appended after we read the head: the next run checks it
      verifier.add(event);
    }
  }
  return verifier.result(head);
}
