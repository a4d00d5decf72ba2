import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * A new issued document's id, e.g. "ATT-2026-7K3QX9M2": the year of issue and 40 random bits in
 * Crockford base32 (no I, L, O, U to misread). Random rather than a counter: it is printed on
 * every page before the document is rendered, outside any transaction, and reveals nothing about
 * how many documents were issued.
 */
export function newDocumentId(at: Date): string {
  const bytes = randomBytes(5);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let code = "";
  for (let i = 0; i < 8; i += 1) {
    code = CROCKFORD[Number(bits & 31n)]! + code;
    bits >>= 5n;
  }
  return `ATT-${at.getUTCFullYear()}-${code}`;
}

/**
 * Locks the audit head inside the caller's transaction and returns the seq the next event will
 * get: emitAudit, called later in the same transaction, takes the same lock (already held) and
 * uses exactly this seq, so a record can carry the seq of the event that records it.
 */
export async function nextAuditSeq(tx: Db): Promise<number> {
  const [row] = await queryRows<{ seq: string | number }>(tx, sql`SELECT seq + 1 AS seq FROM audit_head WHERE id = 1 FOR UPDATE`);
  if (!row) throw new Error("audit_head is missing: the database was not migrated");
  return Number(row.seq);
}
