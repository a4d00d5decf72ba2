import { apiRoute } from "@/lib/api/route";
import { textStream } from "@/lib/api/text-stream";
import { exportInventory } from "@/lib/services/reports/export-inventory";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The model inventory as CSV (RFC 4180, formula-safe), streamed; the download is recorded in the audit log first. */
export const GET = apiRoute({ permission: "reports.read" }, async (ctx) => {
  const { exportEvent, lines } = await exportInventory(ctx);
  const stamp = exportEvent.at.slice(0, 19).replace(/[:T]/g, "-");
  return new Response(textStream(lines), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="attest-model-inventory-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
