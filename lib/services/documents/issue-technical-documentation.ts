import { z } from "zod";
import { renderTechnicalDocumentation } from "@/lib/pdf/render";
import { signCheckpoint } from "../audit/checkpoints";
import { emitAudit } from "../audit/emit";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { parseInput } from "../parse";
import { loadModelVersion } from "../models/load";
import { newDocumentId } from "./document-id";
import { insertIssuedDocument } from "./insert-issued-document";
import { gatherTechnicalDocumentation } from "./gather-technical-documentation";

const ZIssueSchema = z.object({ slug: z.string().min(1), version: z.string().min(1) });

/**
 * Issues the Annex IV technical documentation of a version: gathers the records, renders the PDF
 * (outside the transaction: rendering takes time and holds no lock), then records the document
 * (its SHA-256 and size) and its "document.issued" event in one transaction; the record carries
 * that event's seq. Returns the bytes to hand out and the record.
 */
export async function issueTechnicalDocumentation(ctx: ServiceContext, input: z.input<typeof ZIssueSchema>) {
  authorize(ctx, "reports.read");
  const data = parseInput(ZIssueSchema, input);
  const issuedAt = new Date();
  const documentId = newDocumentId(issuedAt);
  // The head the document prints is signed first: a document cannot carry the checkpoint made
  // after its own event (that event holds the document's SHA-256), so it carries this one.
  await withTransaction(ctx, (tx) => signCheckpoint(tx));
  const gathered = await gatherTechnicalDocumentation(ctx.db, data.slug, data.version, ctx.actor, { documentId, generatedAt: issuedAt });
  const { pdf } = await renderTechnicalDocumentation(gathered);
  const document = await withTransaction(ctx, async (tx) => {
    const { model, version } = await loadModelVersion(tx, data.slug, data.version);
    const subject = { kind: "technical_documentation" as const, versionId: version.id, slug: model.slug, version: version.version };
    const row = await insertIssuedDocument(tx, ctx, { documentId, issuedAt, pdf }, subject);
    const event = await emitAudit(tx, ctx, {
      action: "document.issued",
      entityType: "issued_document",
      entityId: documentId,
      data: { documentId, kind: subject.kind, slug: model.slug, version: version.version, sha256: row.sha256, sizeBytes: row.sizeBytes },
    });
    if (event.seq !== row.auditSeq) throw new Error(`document ${documentId}: its audit event got seq ${event.seq}, not ${row.auditSeq}`);
    // Signed in the same transaction, after the event: the issue itself is under a checkpoint.
    await signCheckpoint(tx);
    return row;
  });
  return { bytes: pdf, document };
}
