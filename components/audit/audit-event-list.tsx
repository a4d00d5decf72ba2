import Link from "next/link";
import { AUDIT_ACTION_LABELS, type TAuditAction } from "@/lib/domain/audit-events";
import type { ChainedAuditEvent } from "@/lib/domain/audit-chain";
import { EmptyState } from "@/components/ui/empty-state";

export function actionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action as TAuditAction] ?? action;
}

export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" }) + " UTC";
}

/** A compact list of events (dashboard); each links to its detail on the audit page. */
export function AuditEventList({ events }: { events: ChainedAuditEvent[]; compact?: boolean }) {
  if (events.length === 0) return <EmptyState title="Nothing recorded yet">Every change anyone makes in Attest appears here.</EmptyState>;
  return (
    <ol className="divide-y divide-line">
      {events.map((e) => (
        <li key={e.seq} className="flex items-baseline justify-between gap-4 py-2.5">
          <div className="min-w-0">
            <Link href={`/audit/${e.seq}`} className="text-sm font-medium text-ink hover:text-brand">{actionLabel(e.action)}</Link>
            <p className="truncate text-xs text-ink-muted">{e.actorEmail}</p>
          </div>
          <time dateTime={e.at} className="shrink-0 text-xs tabular-nums text-ink-muted">{formatTime(e.at)}</time>
        </li>
      ))}
    </ol>
  );
}
