import Link from "next/link";
import { actionLabel, formatTime } from "@/components/audit/audit-event-list";
import type { ChainedAuditEvent } from "@/lib/domain/audit-chain";

const SOURCES: Record<string, string> = { editor: "in the editor", api: "through the API", huggingface: "by a Hugging Face import", copy: "by copying an earlier version" };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === "string" ? v : "");

/** One line saying what the event changed, from its typed data; unknown actions say nothing rather than guess. */
export function historySummary(event: Pick<ChainedAuditEvent, "action" | "data">): string {
  const data = isRecord(event.data) ? event.data : {};
  switch (event.action) {
    case "model.created":
      return [`Registered as “${text(data.name)}” for ${text(data.ownerEmail)}`, text(data.businessUnit) && `in ${text(data.businessUnit)}`].filter(Boolean).join(" ");
    case "model.updated":
      return `Changed ${Object.keys(isRecord(data.changes) ? data.changes : {}).join(", ") || "details"}`;
    case "model_version.created": {
      const datasets = Array.isArray(data.datasets) ? data.datasets.length : 0;
      const copied = isRecord(data.copiedCardFrom) ? `card copied from version ${text(data.copiedCardFrom.version)}` : "";
      return [`Version ${text(data.version)}`, text(data.framework), datasets ? plural(datasets, "dataset") : "", copied].filter(Boolean).join(" · ");
    }
    case "model_card.saved": {
      const fields = Array.isArray(data.changedFields) ? data.changedFields.length : 0;
      const summary = text(data.summary);
      return [`Version ${text(data.version)}, revision ${String(data.revision ?? "?")}`, `${plural(fields, "field")} changed ${SOURCES[text(data.source)] ?? ""}`.trim(), summary && `“${summary}”`].filter(Boolean).join(" · ");
    }
    default:
      return "";
  }
}

/** The model's audit trail as a timeline, newest first; audit readers can open each event. */
export function ModelHistory({ events, linksToAudit }: { events: ChainedAuditEvent[]; linksToAudit: boolean }) {
  return (
    <ol className="relative space-y-0 rounded-lg border border-line bg-surface shadow-xs">
      {events.map((event) => {
        const summary = historySummary(event);
        return (
          <li key={event.seq} className="flex gap-4 border-b border-line px-5 py-3.5 last:border-b-0">
            <span aria-hidden className="mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full bg-brand ring-4 ring-brand-soft" />
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                <p className="text-sm font-semibold text-ink">
                  {linksToAudit ? (
                    <Link href={`/audit/${event.seq}`} className="hover:text-brand hover:underline">{actionLabel(event.action)}<span className="sr-only"> (audit event {event.seq})</span></Link>
                  ) : (
                    actionLabel(event.action)
                  )}
                </p>
                <time dateTime={event.at} className="shrink-0 text-xs tabular-nums text-ink-muted">{formatTime(event.at)}</time>
              </div>
              {summary && <p className="mt-0.5 line-clamp-2 break-words text-sm text-ink">{summary}</p>}
              <p className="mt-0.5 text-xs text-ink-muted">
                by <span className="font-medium">{event.actorEmail}</span>
                {event.tokenId && " via an API token"}
                {linksToAudit && <span className="font-mono"> · #{event.seq}</span>}
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
