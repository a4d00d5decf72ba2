import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditCheckpoints, signingKeys, type TAuditCheckpoint } from "@/db/schema";
import { checkpointSignatureValid, keyIdOf, signCheckpointStatement } from "@/lib/domain/audit-checkpoint";
import { toSignedCheckpoint } from "./checkpoint-queries";
import { auditHeadState } from "./queries";
import { currentSigningKey } from "./signing-key";

/**
 * Signed checkpoints of the audit chain (lib/domain/audit-checkpoint.ts). Making one is not itself
 * audited, by design: a checkpoint is metadata about the log, like audit_head, not a change anyone
 * made; an event for it would grow the log it describes, so the next checkpoint would always be
 * due. It is still a step of a transaction: the document verbs call it after their event, so the
 * checkpoint covers the event that records the document.
 */

/**
 * Signs the chain's current head inside the caller's transaction; the existing checkpoint when one
 * already covers that seq (after checking it states this head with a valid signature: throws if not).
 */
export async function signCheckpoint(tx: Db, now: Date = new Date()): Promise<TAuditCheckpoint | null> {
  const head = await auditHeadState(tx);
  if (head.seq === 0) return null;
  const key = await currentSigningKey(tx);
  const signed = signCheckpointStatement({ seq: head.seq, headHash: head.hash, signedAt: now.toISOString(), keyId: key.id }, key.privateKey);
  const [row] = await tx
    .insert(auditCheckpoints)
    .values({ ...signed, signedAt: now })
    // Several instances may sign the same head at once: the first one stands.
    .onConflictDoNothing({ target: auditCheckpoints.seq })
    .returning();
  if (row) return row;
  const [existing] = await tx.select().from(auditCheckpoints).where(eq(auditCheckpoints.seq, head.seq));
  if (!existing) return null;
  // The row that was there first is only "the same checkpoint" if it states this head, signed by
  // a key whose id is its own: a row planted for a future seq would otherwise be printed in
  // documents as ours.
  const [stored] = await tx.select({ publicKey: signingKeys.publicKey }).from(signingKeys).where(eq(signingKeys.id, existing.keyId));
  const holds =
    existing.headHash === head.hash &&
    stored !== undefined &&
    keyIdOf(Buffer.from(stored.publicKey, "base64")) === existing.keyId &&
    checkpointSignatureValid(toSignedCheckpoint(existing), stored.publicKey);
  if (!holds) throw new Error(`the stored checkpoint at seq ${head.seq} does not hold for the chain's head (hash or signature): the audit checkpoints were tampered with`);
  return existing;
}

/** How old the newest checkpoint may grow while the log grows: the background job checks every few minutes. */
export const CHECKPOINT_MAX_AGE_MS = 55 * 60_000;

/**
 * The background job's step: signs the head when the log has grown since the newest checkpoint and
 * that checkpoint is older than CHECKPOINT_MAX_AGE_MS (or there is none), so a growing log gets a
 * checkpoint at least hourly and an idle one none at all.
 */
export async function signCheckpointIfDue(tx: Db, now: Date = new Date()): Promise<TAuditCheckpoint | null> {
  const head = await auditHeadState(tx);
  const [latest] = await tx.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.seq)).limit(1);
  if (head.seq === 0 || (latest && latest.seq >= head.seq)) return null;
  if (latest && now.getTime() - latest.signedAt.getTime() < CHECKPOINT_MAX_AGE_MS) return null;
  return signCheckpoint(tx, now);
}
