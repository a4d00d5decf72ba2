import { apiRoute } from "@/lib/api/route";
import { listIssuedDocuments, ZIssuedDocumentsQuerySchema } from "@/lib/services/documents/queries";

/** The register of issued documents, newest first, for auditors' scripts: what Attest has handed out. */
export const GET = apiRoute({ permission: "reports.read", input: ZIssuedDocumentsQuerySchema }, async (ctx, query) => {
  return Response.json(await listIssuedDocuments(ctx.db, query), { headers: { "Cache-Control": "no-store" } });
});
