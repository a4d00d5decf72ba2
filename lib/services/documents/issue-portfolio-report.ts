import { PortfolioReport } from "@/lib/pdf/portfolio-report";
import { renderPdf } from "@/lib/pdf/render";
import { signCheckpoint } from "../audit/checkpoints";
import { emitAudit } from "../audit/emit";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { newDocumentId } from "./document-id";
import { insertIssuedDocument } from "./insert-issued-document";
import { gatherPortfolioReport } from "./gather-portfolio-report";

/**
 * Issues the auditors' portfolio report (every model: tier, stage, approvals, evaluation status,
 * obligations coverage, overdue reviews), recorded like the technical documentation: rendered
 * first, then the record and its "document.issued" event in one transaction.
 */
export async function issuePortfolioReport(ctx: ServiceContext) {
  authorize(ctx, "reports.read");
  const issuedAt = new Date();
  const documentId = newDocumentId(issuedAt);
  // The head the document prints is signed first: a document cannot carry the checkpoint made
  // after its own event (that event holds the document's SHA-256), so it carries this one.
  await withTransaction(ctx, (tx) => signCheckpoint(tx));
  const gathered = await gatherPortfolioReport(ctx.db, ctx.actor, { documentId, generatedAt: issuedAt });
  const pdf = await renderPdf(PortfolioReport(gathered));
  const document = await withTransaction(ctx, async (tx) => {
    const row = await insertIssuedDocument(tx, ctx, { documentId, issuedAt, pdf }, { kind: "portfolio", versionId: null, slug: null, version: null });
    const event = await emitAudit(tx, ctx, {
      action: "document.issued",
      entityType: "issued_document",
      entityId: documentId,
      data: { documentId, kind: "portfolio", slug: null, version: null, sha256: row.sha256, sizeBytes: row.sizeBytes },
    });
    if (event.seq !== row.auditSeq) throw new Error(`document ${documentId}: its audit event got seq ${event.seq}, not ${row.auditSeq}`);
    // Signed in the same transaction, after the event: the issue itself is under a checkpoint.
    await signCheckpoint(tx);
    return row;
  });
  return { bytes: pdf, document };
}
