import { apiRoute } from "@/lib/api/route";
import { pdfResponse } from "@/lib/api/pdf-response";
import { issuePortfolioReport } from "@/lib/services/documents/issue-portfolio-report";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The auditors' portfolio report of every model, issued now: recorded and audited, then downloaded. */
export const GET = apiRoute({ permission: "reports.read" }, async (ctx) => {
  const { bytes, document } = await issuePortfolioReport(ctx);
  return pdfResponse(bytes, `attest-portfolio-report-${document.id}.pdf`, document);
});
