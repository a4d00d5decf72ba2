import { z } from "zod";
import { ZAuditFiltersSchema } from "@/lib/api/audit-filters";
import { apiRoute } from "@/lib/api/route";
import { textStream } from "@/lib/api/text-stream";
import { exportAuditEvents } from "@/lib/services/audit/export-audit-events";

const ZExportQuerySchema = ZAuditFiltersSchema.extend({ format: z.enum(["jsonl", "csv"]).default("jsonl") });

/** Streams the filtered events as JSONL or CSV; the download is recorded in the log first. */
export const GET = apiRoute({ permission: "audit.export", input: ZExportQuerySchema }, async (ctx, { format, ...filters }) => {
  const { exportEvent, lines } = await exportAuditEvents(ctx, { filters, format });
  const body = textStream(lines);
  const stamp = exportEvent.at.slice(0, 19).replace(/[:T]/g, "-");
  return new Response(body, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "Content-Disposition": `attachment; filename="attest-audit-${stamp}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
});
