import { createHash } from "node:crypto";
import { issuedDocuments } from "@/db/schema";
import { actorEmail } from "@/lib/auth/actor";
import { PortfolioReport } from "@/lib/pdf/portfolio-report";
import { renderPdf } from "@/lib/pdf/render";
import { emitAudit } from "../audit/emit";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { newDocumentId, nextAuditSeq } from "./document-id";
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
  const gathered = await gatherPortfolioReport(ctx.db, ctx.actor, { documentId, generatedAt: issuedAt });
  const pdf = await renderPdf(PortfolioReport(gathered));
  const sha256 = createHash("sha256").update(pdf).digest("hex");
  const document = await withTransaction(ctx, async (tx) => {
    const auditSeq = await nextAuditSeq(tx);
    const [row] = await tx
      .insert(issuedDocuments)
      .values({
        id: documentId,
        kind: "portfolio",
        modelVersionId: null,
        modelSlug: null,
        versionLabel: null,
        sha256,
        sizeBytes: pdf.length,
        issuedBy: ctx.actor.kind === "user" ? ctx.actor.userId : null,
        issuedByEmail: actorEmail(ctx.actor),
        issuedAt,
        auditSeq,
      })
      .returning();
    const event = await emitAudit(tx, ctx, {
      action: "document.issued",
      entityType: "issued_document",
      entityId: documentId,
      data: { documentId, kind: "portfolio", slug: null, version: null, sha256, sizeBytes: pdf.length },
    });
    if (event.seq !== auditSeq) throw new Error(`document ${documentId}: its audit event got seq ${event.seq}, not ${auditSeq}`);
    return row!;
  });
  return { bytes: pdf, document };
}
