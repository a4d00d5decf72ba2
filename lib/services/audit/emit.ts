import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, auditHead } from "@/db/schema";
import { actorEmail } from "@/lib/auth/actor";
import { auditEventHash, type AuditEventContent } from "@/lib/domain/audit-chain";
import { ZAuditEventInputSchema, type TAuditEventInput } from "@/lib/domain/audit-events";
import type { ServiceContext } from "../context";

/**
 * Appends one event to the chain inside the caller's transaction. Locking the head row
 * serialises appends across every app instance, so seq is gap-free and each event's prev_hash
 * is the hash before it. Call it last in the transaction: the lock is held until commit.
 */
export async function emitAudit(tx: Db, ctx: ServiceContext, input: TAuditEventInput): Promise<AuditEventContent & { hash: string }> {
  const parsed = ZAuditEventInputSchema.parse(input);
  const { actor, request } = ctx;
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for("update");
  if (!head) throw new Error("audit_head is missing: the database was not migrated");
  const content: AuditEventContent = {
    seq: head.seq + 1,
    at: new Date().toISOString(),
    actorId: actor.kind === "user" ? actor.userId : null,
    actorEmail: actorEmail(actor),
    actorRoles: actor.kind === "user" ? [...actor.roles] : [],
    tokenId: actor.kind === "user" ? (actor.token?.id ?? null) : null,
    action: parsed.action,
    entityType: parsed.entityType,
    entityId: parsed.entityId,
    // Round-trip through JSON so what is hashed is exactly what jsonb will give back.
    data: JSON.parse(JSON.stringify(parsed.data)),
    requestId: request.requestId,
    ip: request.ip,
    userAgent: request.userAgent,
    prevHash: head.hash,
  };
  const hash = auditEventHash(content);
  await tx.insert(auditEvents).values({ ...content, at: new Date(content.at), hash });
  await tx.update(auditHead).set({ seq: content.seq, hash }).where(eq(auditHead.id, 1));
  return { ...content, hash };
}
