import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { isRole, ROLE_LABELS } from "@/lib/auth/permissions";
import type { ChainedAuditEvent } from "@/lib/domain/audit-chain";
import { actionLabel, formatTime } from "./audit-event-list";
import { entityTypeLabel, matchesEventSchema } from "./vocabulary";

export function AuditTable({ events, caption }: { events: ChainedAuditEvent[]; caption: string }) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th className="w-20">Seq</Th>
          <Th>Time (UTC)</Th>
          <Th>Actor</Th>
          <Th>Action</Th>
          <Th>Entity</Th>
          <Th><span className="sr-only">Details</span></Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-line">
        {events.map((e) => (
          <tr key={e.seq} className="hover:bg-slate-50">
            <Td className="font-mono tabular-nums text-ink-muted">{e.seq}</Td>
            <Td className="whitespace-nowrap tabular-nums">
              <time dateTime={e.at}>{formatTime(e.at).replace(/ UTC$/, "")}</time>
            </Td>
            <Td className="max-w-64">
              <p className="truncate font-medium" title={e.actorEmail}>{e.actorEmail}</p>
              {e.actorRoles.length > 0 && <p className="text-xs text-ink-muted">{e.actorRoles.map((r) => (isRole(r) ? ROLE_LABELS[r] : r)).join(", ")}</p>}
              {e.tokenId && <p className="text-xs text-ink-muted">via API token</p>}
            </Td>
            <Td>
              <span className="font-medium">{actionLabel(e.action)}</span>
              {!matchesEventSchema(e) && <Badge tone="danger" className="ml-2">Data does not match its schema</Badge>}
            </Td>
            <Td>
              <p>{entityTypeLabel(e.entityType)}</p>
              {e.entityId && (
                <p className="font-mono text-xs text-ink-muted" title={e.entityId}>
                  {e.entityId.length > 13 ? `${e.entityId.slice(0, 8)}…` : e.entityId}
                </p>
              )}
            </Td>
            <Td className="text-right">
              <Link href={`/audit/${e.seq}`} className="font-medium text-brand hover:underline">
                View<span className="sr-only"> event {e.seq}</span>
              </Link>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
