import type { Db } from "@/db/client";
import type { ChainedAuditEvent } from "@/lib/domain/audit-chain";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { emitAudit } from "./emit";
import { auditHeadState, countAuditEvents, streamAuditEvents, type AuditFilters } from "./queries";

export type AuditExportFormat = "jsonl" | "csv";

const CSV_COLUMNS = ["seq", "at", "actorEmail", "actorRoles", "tokenId", "action", "entityType", "entityId", "data", "requestId", "ip", "userAgent", "prevHash", "hash"] as const;

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  // Quote everything that could break a row, and defuse spreadsheet formulas (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function formatAuditEvent(event: ChainedAuditEvent, format: AuditExportFormat): string {
  if (format === "jsonl") return JSON.stringify(event) + "\n";
  return CSV_COLUMNS.map((c) => csvCell(c === "actorRoles" ? event.actorRoles.join(";") : event[c])).join(",") + "\n";
}

/**
 * A download of the audit log is itself audited: the export event names the filters, the number
 * of events and the last seq included, so an auditor can tell exactly what left the system.
 * The body then streams page by page; a million-event export holds one page at a time.
 */
export async function exportAuditEvents(ctx: ServiceContext, input: { filters: AuditFilters; format: AuditExportFormat }) {
  authorize(ctx, "audit.export");
  const filters = Object.fromEntries(
    Object.entries(input.filters)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, v instanceof Date ? v.toISOString() : String(v)]),
  );
  const { throughSeq, exportEvent } = await withTransaction(ctx, async (tx) => {
    const head = await auditHeadState(tx);
    const count = await countAuditEvents(tx, input.filters, head.seq);
    const exportEvent = await emitAudit(tx, ctx, {
      action: "audit.exported",
      entityType: "audit_log",
      entityId: null,
      data: { format: input.format, filters, count, throughSeq: head.seq },
    });
    return { throughSeq: head.seq, exportEvent };
  });
  return { exportEvent, lines: exportLines(ctx.db, input.filters, input.format, throughSeq) };
}

async function* exportLines(db: Db, filters: AuditFilters, format: AuditExportFormat, untilSeq: number): AsyncGenerator<string> {
  if (format === "csv") yield CSV_COLUMNS.join(",") + "\n";
  for await (const event of streamAuditEvents(db, filters)) {
    if (event.seq > untilSeq) return;
    yield formatAuditEvent(event, format);
  }
}
