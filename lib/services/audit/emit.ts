import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { actorEmail } from "@/lib/auth/actor";
import { auditEventHash, GENESIS_HASH, type AuditEventContent } from "@/lib/domain/audit-chain";
import { ZAuditEventInputSchema, type TAuditEventInput } from "@/lib/domain/audit-events";
import { canonicalJson } from "@/lib/domain/canonical-json";
import type { ServiceContext } from "../context";
import { planReactions, writeReactions } from "../reactions/react-to-event";

type TEventFields = Omit<AuditEventContent, "seq" | "prevHash">;
type TAppendedRow = { seq: string | number; prev_hash: string; hash: string };

/** A text[] literal: each element quoted, so commas, braces and quotes in a role stay inside it. */
const textArray = (items: readonly string[]) => `{${items.map((s) => `"${s.replace(/[\\"]/g, "\\$&")}"`).join(",")}}`;

/**
 * canonicalJson of the event in three pieces around the two values only the database knows:
 * before + JSON(prev_hash) + between + seq + after. Keys are sorted, so "prevHash" and "seq" are
 * the last object-valued member's followers: every member after "data" is a string, a number or
 * null, whose JSON cannot hold an unescaped quote, so the last `,"prevHash":` is the event's own.
 */
function canonicalPieces(fields: TEventFields): [before: string, between: string, after: string] {
  const whole = canonicalJson({ ...fields, prevHash: GENESIS_HASH, seq: 0 });
  const prevKey = ',"prevHash":';
  const seqKey = ',"seq":';
  const cut = whole.lastIndexOf(prevKey) + prevKey.length;
  const rest = whole.slice(cut + JSON.stringify(GENESIS_HASH).length);
  const seqAt = rest.lastIndexOf(seqKey) + seqKey.length;
  const pieces: [string, string, string] = [whole.slice(0, cut), rest.slice(0, seqAt), rest.slice(seqAt + 1)];
  if (`${pieces[0]}${JSON.stringify(GENESIS_HASH)}${pieces[1]}0${pieces[2]}` !== whole) {
    throw new Error("canonicalPieces: the canonical form does not split around prevHash and seq");
  }
  return pieces;
}

/** The call of attest_append_audit_event (migrations 0014, 0015) that appends these fields. */
function appendCall(fields: TEventFields): SQL {
  const [before, between, after] = canonicalPieces(fields);
  return sql`SELECT o_seq AS seq, o_prev_hash AS prev_hash, o_hash AS hash FROM attest_append_audit_event(
    ${fields.at}::timestamptz, ${fields.actorId}::uuid, ${fields.actorEmail}::text, ${textArray(fields.actorRoles)}::text[], ${fields.tokenId}::uuid,
    ${fields.action}::text, ${fields.entityType}::text, ${fields.entityId}::text, ${canonicalJson(fields.data)}::text,
    ${fields.requestId}::text, ${fields.ip}::text, ${fields.userAgent}::text, ${before}::text, ${between}::text, ${after}::text)`;
}

function eventFields(ctx: ServiceContext, input: TAuditEventInput) {
  const parsed = ZAuditEventInputSchema.parse(input);
  const { actor, request } = ctx;
  const fields: TEventFields = {
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
  return { parsed, fields };
}

function appended(fields: TEventFields, row: TAppendedRow | undefined): AuditEventContent & { hash: string } {
  if (!row) throw new Error("audit_head is missing: the database was not migrated");
  const content: AuditEventContent = { seq: Number(row.seq), ...fields, prevHash: row.prev_hash };
  // The database already compared its hash with one over canonicalJson's bytes (migration 0015);
  // this keeps the JavaScript hash function itself in the loop.
  if (auditEventHash(content) !== row.hash) throw new Error(`audit event ${content.seq}: the database's hash differs from canonicalJson's`);
  return { ...content, hash: row.hash };
}

/**
 * Appends one event to the chain now, inside the caller's transaction, in one call of the
 * database's attest_append_audit_event: it locks the head row (serialising appends across every
 * app instance, so seq is gap-free and each event's prev_hash is the hash before it), inserts the
 * event with the hash the database computes (chain-sql.ts's expression, checked against
 * canonicalJson's bytes), and moves the head. The lock is held until commit: for a verb that
 * needs the event's seq (to link rows to it); every other verb uses auditOnCommit.
 */
export async function emitAudit(tx: Db, ctx: ServiceContext, input: TAuditEventInput): Promise<AuditEventContent & { hash: string }> {
  claimEvent(tx);
  const { parsed, fields } = eventFields(ctx, input);
  // Webhook deliveries and notifications ride the same transaction (react-to-event.ts says why);
  // their reads happen here, before the head row is locked.
  const reactions = await planReactions(tx, { ...parsed, at: fields.at, actorId: fields.actorId, actorEmail: fields.actorEmail });
  const event = appended(fields, (await queryRows<TAppendedRow>(tx, appendCall(fields)))[0]);
  await writeReactions(tx, reactions, event.seq);
  return event;
}

// The one event of each transaction: "now" once appended (or being appended), its fields while it
// waits for the commit. Claimed before anything is awaited, so two calls racing on one
// transaction cannot both pass. Transactions withTransaction opened may defer their event; once
// it has taken the deferred append, the transaction takes no more.
const EVENTS = new WeakMap<object, TEventFields | "now">();
const DEFERRING = new WeakSet<object>();
const ENDED = new WeakSet<object>();

function claimEvent(tx: Db): void {
  if (ENDED.has(tx)) throw new Error("the transaction is committing: its audit event can no longer be recorded");
  if (EVENTS.has(tx)) throw new Error("a transaction records one audit event");
  EVENTS.set(tx, "now");
}

/** withTransaction's transactions may defer their event to commit. */
export function allowAuditOnCommit(tx: Db): void {
  DEFERRING.add(tx);
}

/**
 * The verb's one audit event, appended when its transaction commits, in the same round trip as
 * the COMMIT on PostgreSQL (withTransaction): the head row is then locked for no client round
 * trip at all, where emitAudit holds it while the result travels back and the COMMIT comes in.
 * Everything about the event is settled now (validation, its time, the canonical form); only
 * seq and prev_hash wait. An event that sets off webhooks or notifications needs its seq for
 * them, and a transaction not opened by withTransaction has no commit hook: both append now.
 */
export async function auditOnCommit(tx: Db, ctx: ServiceContext, input: TAuditEventInput): Promise<void> {
  claimEvent(tx);
  const { parsed, fields } = eventFields(ctx, input);
  const reactions = await planReactions(tx, { ...parsed, at: fields.at, actorId: fields.actorId, actorEmail: fields.actorEmail });
  if (!DEFERRING.has(tx) || reactions.deliveries.length > 0 || reactions.notifications.length > 0) {
    const event = appended(fields, (await queryRows<TAppendedRow>(tx, appendCall(fields)))[0]);
    await writeReactions(tx, reactions, event.seq);
    return;
  }
  EVENTS.set(tx, fields);
}

/**
 * The deferred append of this transaction, if any, as a query, and the check of the row it
 * returns; from now on the transaction records no event.
 */
export function takeAuditOnCommit(tx: Db): { query: SQL; check: (row: Record<string, unknown> | undefined) => void } | null {
  ENDED.add(tx);
  const fields = EVENTS.get(tx);
  if (fields === undefined || fields === "now") return null;
  return { query: appendCall(fields), check: (row) => void appended(fields, row as TAppendedRow | undefined) };
}
