import { apiRoute } from "@/lib/api/route";
import { downloadEvidence } from "@/lib/services/risk/download-evidence";

/** The file as it was attached. Served as an attachment with its checked type, never inline. */
export const GET = apiRoute({ permission: "models.read" }, async (ctx, _input, _req, params) => {
  const evidence = await downloadEvidence(ctx, { evidenceId: String(params.id) });
  const name = (evidence.fileName ?? "evidence").replace(/[^\w.\- ]+/g, "_");
  return new Response(new Uint8Array(evidence.content!), {
    headers: {
      "Content-Type": evidence.contentType ?? "application/octet-stream",
      "Content-Disposition": `attachment; filename="${name}"`,
      "X-Content-SHA256": evidence.sha256 ?? "",
      "Cache-Control": "no-store",
    },
  });
});
