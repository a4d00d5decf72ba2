import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { actorEmail } from "@/lib/auth/actor";
import { auditEventHash, type AuditEventContent } from "@/lib/domain/audit-chain";
import { ZAuditEventInputSchema, type TAuditEventInput } from "@/lib/domain/audit-events";
import { canonicalJson } from "@/lib/domain/canonical-json";
import type { ServiceContext } from "../context";
import { planReactions, writeReactions } from "../reactions/react-to-event";

/** A text[] literal: each element quoted, so commas, braces and quotes in a role stay inside it. */
const textArray = (items: readonly string[]) => `{${items.map((s) => `"${s.replace(/[\\"]/g, "\\$&")}"`).join(",")}}`;

/**
 * Appends one event to the chain inside the caller's transaction, in one call of the database's
 * attest_append_audit_event (migration 0014): it locks the head row (serialising appends across
 * every app instance, so seq is gap-free and each event's prev_hash is the hash before it), inserts
 * the event with the hash the database computes (chain-sql.ts's expression), and moves the head.
 * One round trip instead of three shortens the time the lock is held, and the function's plan is
 * cached per session. Call it last in the transaction: the lock is held until commit.
 */
export async function emitAudit(tx: Db, ctx: ServiceContext, input: TAuditEventInput): Promise<AuditEventContent & { hash: string }> {
  const parsed = ZAuditEventInputSchema.parse(input);
  const { actor, request } = ctx;
  const fields = {
    at: new Date().toISOString(),
    actorId: actor.kind === "user" ? actor.userId : null,
    actorEmail: actorEmail(actor),
    actorRoles: actor.kind === "user" ? [...actor.roles] : [],
    tokenId: actor.kind === "user" ? (actor.token?.id ?? null) : null,
    action: parsed.action,
    entityType: parsed.entityType,
    entityId: parsed.entityId,
    // Round-trip through JSON so what is returned and hashed is what reading the event back gives.
    data: JSON.parse(JSON.stringify(parsed.data)) as unknown,
    requestId: request.requestId,
    ip: request.ip,
    userAgent: request.userAgent,
  };
  // Webhook deliveries and notifications ride the same transaction (react-to-event.ts says why);
  // their reads happen here, before the head row is locked.
  const reactions = await planReactions(tx, { ...parsed, at: fields.at, actorId: fields.actorId, actorEmail: fields.actorEmail });
  const [row] = await queryRows<{ seq: string | number; prev_hash: string; hash: string }>(
    tx,
    sql`SELECT o_seq AS seq, o_prev_hash AS prev_hash, o_hash AS hash FROM attest_append_audit_event(
      ${fields.at}::timestamptz, ${fields.actorId}::uuid, ${fields.actorEmail}::text, ${textArray(fields.actorRoles)}::text[], ${fields.tokenId}::uuid,
      ${fields.action}::text, ${fields.entityType}::text, ${fields.entityId}::text, ${canonicalJson(fields.data)}::text,
      ${fields.requestId}::text, ${fields.ip}::text, ${fields.userAgent}::text)`,
  );
  if (!row) throw new Error("audit_head is missing: the database was not migrated");
  const content: AuditEventContent = { seq: Number(row.seq), ...fields, prevHash: row.prev_hash };
  // The standalone verifier and exports recompute the hash in JavaScript: an event the two would
  // disagree on (a database not in UTF-8, say) must fail its transaction, not break the chain.
  if (auditEventHash(content) !== row.hash) throw new Error(`audit event ${content.seq}: the database's hash differs from canonicalJson's`);
  await writeReactions(tx, reactions, content.seq);
  return { ...content, hash: row.hash };
}
