import { asc, desc, eq, gt, lte, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { auditCheckpoints, auditEvents, signingKeys } from "@/db/schema";
import { CHECKPOINT_ALGORITHM, publicKeyPem, staleCheckpoints, verifyCheckpoints, type TAuditLogVerification, type TCheckpointVerification, type TSignedCheckpoint } from "@/lib/domain/audit-checkpoint";
import type { TSigningKeyData } from "@/lib/pdf/technical-documentation-data";
import { verifyAuditChain } from "./queries";

export type PublishedKey = { keyId: string; algorithm: typeof CHECKPOINT_ALGORITHM; publicKey: string; publicKeyPem: string; createdAt: string; current: boolean };

/**
 * Every key that ever signed a checkpoint (public halves only), oldest first. `current` marks the
 * key of the newest checkpoint (the newest key before any checkpoint): the one an auditor should
 * find printed in recent documents.
 */
export async function publishedSigningKeys(db: Db): Promise<PublishedKey[]> {
  const keys = await db.select({ id: signingKeys.id, publicKey: signingKeys.publicKey, createdAt: signingKeys.createdAt }).from(signingKeys).orderBy(asc(signingKeys.createdAt), asc(signingKeys.id));
  const [latest] = await db.select({ keyId: auditCheckpoints.keyId }).from(auditCheckpoints).orderBy(desc(auditCheckpoints.seq)).limit(1);
  const currentId = latest?.keyId ?? keys.at(-1)?.id;
  return keys.map((k) => ({ keyId: k.id, algorithm: CHECKPOINT_ALGORITHM, publicKey: k.publicKey, publicKeyPem: publicKeyPem(k.publicKey), createdAt: k.createdAt.toISOString(), current: k.id === currentId }));
}

export function toSignedCheckpoint(row: typeof auditCheckpoints.$inferSelect): TSignedCheckpoint {
  return { seq: row.seq, headHash: row.headHash, signedAt: row.signedAt.toISOString(), keyId: row.keyId, signature: row.signature };
}

/** The checkpoints up to a seq, oldest first (an export carries those its events can be checked against). */
export async function checkpointsThrough(db: Db, seq: number): Promise<TSignedCheckpoint[]> {
  const rows = await db.select().from(auditCheckpoints).where(lte(auditCheckpoints.seq, seq)).orderBy(asc(auditCheckpoints.seq));
  return rows.map(toSignedCheckpoint);
}

/**
 * Checks every checkpoint: its signature with its key, and that the chain's hash at its seq (the
 * stored hash, which verifyAuditChain proves is the recomputed one) is the hash it signed. One
 * query: the checkpoints with the event hash at their seq; there are a few thousand a year. Then
 * that they have not stopped: the first event after the newest checkpoint may not be more than
 * CHECKPOINT_STALE_AFTER_MS older than `now` (staleCheckpoints).
 */
export async function verifyAuditCheckpoints(db: Db, now: Date = new Date()): Promise<TCheckpointVerification> {
  const [keys, rows] = await Promise.all([
    db.select({ id: signingKeys.id, publicKey: signingKeys.publicKey }).from(signingKeys),
    queryRows<{ seq: string | number; head_hash: string; signed_at: string | Date; key_id: string; signature: string; chain_hash: string | null }>(
      db,
      sql`SELECT c.seq, c.head_hash, c.signed_at, c.key_id, c.signature, e.hash AS chain_hash
        FROM audit_checkpoints c LEFT JOIN audit_events e ON e.seq = c.seq ORDER BY c.seq`,
    ),
  ]);
  const chainHash = new Map(rows.map((r) => [Number(r.seq), r.chain_hash]));
  const checkpoints = rows.map((r) => ({ seq: Number(r.seq), headHash: r.head_hash, signedAt: new Date(r.signed_at).toISOString(), keyId: r.key_id, signature: r.signature }));
  const verdict = verifyCheckpoints(checkpoints, new Map(keys.map((k) => [k.id, k.publicKey])), (seq) => chainHash.get(seq) ?? null);
  if (!verdict.ok) return verdict;
  // Every checkpoint holds; have they kept coming? (Dropping the checkpoints after a rewrite leaves the rest valid.)
  const newest = checkpoints.at(-1)?.seq ?? null;
  const [uncovered] = await db.select({ seq: auditEvents.seq, at: auditEvents.at }).from(auditEvents).where(gt(auditEvents.seq, newest ?? 0)).orderBy(asc(auditEvents.seq)).limit(1);
  const stale = staleCheckpoints(uncovered ?? null, newest, now);
  return stale ? { ...verdict, ok: false, uncoveredSeq: uncovered!.seq, reason: stale } : verdict;
}

/**
 * The whole verification the audit page and GET /api/v1/audit/verify report: the hash chain
 * recomputed (firstBrokenSeq names its first break) and every signed checkpoint checked against
 * it. `ok` only when both hold: a history rewritten and re-chained passes the first and fails the
 * second, at the first checkpoint signed after the rewritten event.
 */
export async function verifyAuditLog(db: Db, now: Date = new Date()): Promise<TAuditLogVerification> {
  const chain = await verifyAuditChain(db);
  const checkpoints = await verifyAuditCheckpoints(db, now);
  return { ...chain, ok: chain.ok && checkpoints.ok, chainOk: chain.ok, checkpoints };
}

/** The newest checkpoint and the public key that signed it, as a document prints them (lib/pdf). */
export async function documentSigningKey(db: Db): Promise<TSigningKeyData | null> {
  const [row] = await db
    .select({ checkpoint: auditCheckpoints, publicKey: signingKeys.publicKey })
    .from(auditCheckpoints)
    .innerJoin(signingKeys, eq(signingKeys.id, auditCheckpoints.keyId))
    .orderBy(desc(auditCheckpoints.seq))
    .limit(1);
  if (!row) return null;
  const { keyId, ...checkpoint } = toSignedCheckpoint(row.checkpoint);
  return { keyId, algorithm: CHECKPOINT_ALGORITHM, publicKey: row.publicKey, checkpoint };
}
