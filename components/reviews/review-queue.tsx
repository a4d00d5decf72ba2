"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { RiskTierBadge } from "@/components/models/risk-tier-badge";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { Table, Td, Th } from "@/components/ui/table";
import { cx } from "@/components/ui/cx";
import { callApi } from "@/lib/api/client";
import type { TQueueItem } from "@/lib/services/reviews/queue";
import { relativeTime } from "./relative-time";
import { StartPeriodicReview } from "./start-periodic-review";

type Scope = "mine" | "all";
const TABS: { scope: Scope; label: string }[] = [
  { scope: "mine", label: "Mine" },
  { scope: "all", label: "All" },
];

/** The compliance officer's queue, most urgent first (the API's order), refreshed every 30 seconds. */
export function ReviewQueue() {
  const [scope, setScope] = useState<Scope>("mine");
  const id = useId();
  const query = useQuery({
    queryKey: ["reviews", "queue", scope],
    queryFn: () => callApi<{ items: TQueueItem[] }>(`/api/v1/reviews/queue?scope=${scope}`, { method: "GET" }),
    refetchInterval: 30_000,
  });
  return (
    <div>
      {/* A tablist may hold only tabs: the refresh status sits beside it, not in it. */}
      <div className="mb-4 flex items-end border-b border-line">
        <div role="tablist" aria-label="Review queue" className="flex gap-1">
          {TABS.map((tab) => {
            const selected = tab.scope === scope;
            return (
              <button
                key={tab.scope}
                type="button"
                role="tab"
                id={`${id}-tab-${tab.scope}`}
                aria-selected={selected}
                aria-controls={`${id}-panel`}
                tabIndex={selected ? 0 : -1}
                onClick={() => setScope(tab.scope)}
                onKeyDown={(e) => {
                  if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
                    const next = tab.scope === "mine" ? "all" : "mine";
                    setScope(next);
                    document.getElementById(`${id}-tab-${next}`)?.focus();
                  }
                }}
                className={cx("-mb-px border-b-2 px-3 py-2 text-sm font-medium", selected ? "border-brand text-brand" : "border-transparent text-ink-muted hover:text-ink")}
              >
                {tab.label}
              </button>
            );
          })}
        </div>
        <p className="ml-auto self-center text-xs text-ink-muted" aria-live="polite">
          {query.isFetching ? "Refreshing…" : query.dataUpdatedAt ? `Updated ${formatDateTime(new Date(query.dataUpdatedAt))}` : ""}
        </p>
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${scope}`}>
        {query.isPending ? (
          <p className="py-8 text-center text-sm text-ink-muted">Loading the queue…</p>
        ) : query.isError ? (
          <Alert tone="danger" title="The queue could not be loaded">{query.error.message}</Alert>
        ) : query.data.items.length === 0 ? (
          <EmptyState title={scope === "mine" ? "Nothing waits for you" : "Nothing waits for review"}>
            {scope === "mine"
              ? "No version needs your decision: nothing is in review that you may decide on, and no periodic review is overdue. The All tab shows what others are deciding."
              : "No version is in review and no periodic review is overdue. Submitted versions appear here as soon as their owners submit them."}
          </EmptyState>
        ) : (
          <QueueTable items={query.data.items} scope={scope} />
        )}
      </div>
    </div>
  );
}

function QueueTable({ items, scope }: { items: TQueueItem[]; scope: Scope }) {
  const now = new Date();
  return (
    <Table caption={`Review queue (${scope === "mine" ? "mine" : "all"}), most urgent first`}>
      <thead>
        <tr>
          <Th>Model and version</Th>
          <Th>Tier</Th>
          <Th>Submitted by</Th>
          <Th>Waiting since</Th>
          <Th>Approvals</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-line">
        {items.map((item) => (
          <tr key={`${item.kind}-${item.slug}-${item.version}`}>
            <Td className="min-w-56">
              <Link href={`/models/${encodeURIComponent(item.slug)}/reviews?version=${encodeURIComponent(item.version)}`} className="font-medium text-brand hover:underline">
                <span className="break-words">{item.modelName}</span> <span className="font-mono text-xs">{item.version}</span>
              </Link>
              {item.kind === "overdue_review" && (
                <div className="mt-1 flex flex-wrap items-center gap-2">
                  <Badge tone="danger">Re-review overdue</Badge>
                  <StartPeriodicReview slug={item.slug} version={item.version} label={`Start re-review of ${item.modelName} ${item.version}`} />
                </div>
              )}
              {item.reason === "periodic" && <div className="mt-1"><Badge tone="accent">Periodic review</Badge></div>}
            </Td>
            <Td><RiskTierBadge tier={item.tier} /></Td>
            <Td className="break-words">{item.submittedBy ?? <span className="text-ink-muted">Not started: due {formatDateTime(item.since)}</span>}</Td>
            <Td className="whitespace-nowrap">
              <time dateTime={item.since} title={formatDateTime(item.since)}>{relativeTime(item.since, now)}</time>
            </Td>
            <Td className="whitespace-nowrap tabular-nums">
              {item.kind === "overdue_review" ? <span className="text-ink-muted">—</span> : `${item.approvalsValid} of ${item.approvalsRequired ?? "?"}`}
              {item.approvedBy.length > 0 && <div className="text-xs text-ink-muted">by {item.approvedBy.join(", ")}</div>}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
