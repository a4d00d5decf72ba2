import { apiRoute } from "@/lib/api/route";
import { pdfResponse } from "@/lib/api/pdf-response";
import { issueTechnicalDocumentation } from "@/lib/services/documents/issue-technical-documentation";

// Rendering reads fonts from node_modules: the Node.js runtime, rendered per request.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The version's Annex IV technical documentation, issued now: recorded and audited, then downloaded. */
export const GET = apiRoute({ permission: "reports.read" }, async (ctx, _input, _req, params) => {
  const { bytes, document } = await issueTechnicalDocumentation(ctx, { slug: String(params.slug), version: String(params.version) });
  return pdfResponse(bytes, `${document.modelSlug}-${document.versionLabel}-technical-documentation-${document.id}.pdf`, document);
});
