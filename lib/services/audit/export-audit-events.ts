import type { Db } from "@/db/client";
import type { ChainedAuditEvent } from "@/lib/domain/audit-chain";
import { csvCell } from "@/lib/domain/csv";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { checkpointsThrough, publishedSigningKeys } from "./checkpoint-queries";
import { emitAudit } from "./emit";
import { auditHeadState, countAuditEvents, streamAuditEvents, type AuditFilters } from "./queries";

export type AuditExportFormat = "jsonl" | "csv";

const CSV_COLUMNS = ["seq", "at", "actorEmail", "actorRoles", "tokenId", "action", "entityType", "entityId", "data", "requestId", "ip", "userAgent", "prevHash", "hash"] as const;

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
  const withCheckpoints = input.format === "jsonl" && Object.keys(filters).length === 0;
  return { exportEvent, lines: exportLines(ctx.db, input.filters, input.format, throughSeq, withCheckpoints) };
}

/**
 * An unfiltered JSONL export starts with what the standalone verifier needs to check signed
 * checkpoints: one {"record":"signing_key",…} line per public key, then one {"record":"checkpoint",…}
 * line per checkpoint up to the last exported seq, oldest first; the events follow. Event lines
 * have no "record" member, so a reader that only wants events skips lines that have one.
 * Filtered exports and CSV carry events only, as before.
 */
async function* checkpointLines(db: Db, untilSeq: number): AsyncGenerator<string> {
  const [keys, checkpoints] = await Promise.all([publishedSigningKeys(db), checkpointsThrough(db, untilSeq)]);
  for (const { keyId, algorithm, publicKey } of keys) yield JSON.stringify({ record: "signing_key", keyId, algorithm, publicKey }) + "\n";
  for (const checkpoint of checkpoints) yield JSON.stringify({ record: "checkpoint", ...checkpoint }) + "\n";
}

async function* exportLines(db: Db, filters: AuditFilters, format: AuditExportFormat, untilSeq: number, withCheckpoints: boolean): AsyncGenerator<string> {
  if (format === "csv") yield CSV_COLUMNS.join(",") + "\n";
  if (withCheckpoints) yield* checkpointLines(db, untilSeq);
  for await (const event of streamAuditEvents(db, filters)) {
    if (event.seq > untilSeq) return;
    yield formatAuditEvent(event, format);
  }
}
