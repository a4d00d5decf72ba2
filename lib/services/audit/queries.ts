import { and, asc, count, desc, eq, gt, gte, lt, lte, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
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
  from?: Date;
  to?: Date;
};

function filterConditions(f: AuditFilters): SQL[] {
  const where: SQL[] = [];
  if (f.actor) where.push(eq(auditEvents.actorEmail, f.actor.toLowerCase()));
  if (f.action) where.push(eq(auditEvents.action, f.action));
  if (f.entityType) where.push(eq(auditEvents.entityType, f.entityType));
  if (f.entityId) where.push(eq(auditEvents.entityId, f.entityId));
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

/** Recomputes the whole chain and compares its end with the head row; names the first broken seq. */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<ChainVerification> {
  const head = await auditHeadState(db);
  const verifier = new ChainVerifier(true);
  for await (const event of streamAuditEvents(db, {}, batchSize)) {
    if (event.seq > head.seq) break; // appended after we read the head: the next run checks it
    verifier.add(event);
  }
  return verifier.result(head);
}
