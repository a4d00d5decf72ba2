import { createHash } from "node:crypto";
import type { Db } from "@/db/client";
import { issuedDocuments } from "@/db/schema";
import { actorEmail } from "@/lib/auth/actor";
import type { ServiceContext } from "../context";
import { nextAuditSeq } from "./document-id";

export type IssuedFile = { documentId: string; issuedAt: Date; pdf: Buffer };
export type IssuedSubject = { kind: "technical_documentation" | "portfolio"; versionId: string | null; slug: string | null; version: string | null };

function sha256Of(pdf: Buffer): string {
  return createHash("sha256").update(pdf).digest("hex");
}

/**
 * Records an issued PDF inside the verb's transaction, with the seq its "document.issued" event
 * is about to get (the head is locked, so it cannot move before the verb emits that event).
 */
export async function insertIssuedDocument(tx: Db, ctx: ServiceContext, file: IssuedFile, subject: IssuedSubject) {
  const auditSeq = await nextAuditSeq(tx);
  const [row] = await tx
    .insert(issuedDocuments)
    .values({
      id: file.documentId,
      kind: subject.kind,
      modelVersionId: subject.versionId,
      modelSlug: subject.slug,
      versionLabel: subject.version,
      sha256: sha256Of(file.pdf),
      sizeBytes: file.pdf.length,
      issuedBy: ctx.actor.kind === "user" ? ctx.actor.userId : null,
      issuedByEmail: actorEmail(ctx.actor),
      issuedAt: file.issuedAt,
      auditSeq,
    })
    .returning();
  return row!;
}
