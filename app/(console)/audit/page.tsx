import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/instance";
import { AuditFiltersForm, type AuditFilterValues } from "@/components/audit/audit-filters-form";
import { AuditTable } from "@/components/audit/audit-table";
import { VerifyChainButton } from "@/components/audit/verify-chain-button";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ZAuditFiltersSchema } from "@/lib/api/audit-filters";
import { requireActor } from "@/lib/auth/session";
import { listAuditEvents } from "@/lib/services/audit/queries";
import { fieldErrors } from "@/lib/services/parse";

export const metadata: Metadata = { title: "Audit log" };

const FILTER_KEYS = ["actor", "action", "entityType", "entityId", "from", "to"] as const;
const PAGE_SIZE = 50;

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireActor("audit.read");
  const params = await searchParams;
  const values: AuditFilterValues = Object.fromEntries(FILTER_KEYS.map((k) => [k, first(params[k])?.trim() || undefined]).filter(([, v]) => v));
  const parsed = ZAuditFiltersSchema.safeParse(values);
  const errors: AuditFilterValues = parsed.success ? {} : fieldErrors(parsed.error);
  const beforeSeq = Number(first(params.beforeSeq));
  const page = { beforeSeq: Number.isInteger(beforeSeq) && beforeSeq > 0 ? beforeSeq : undefined, limit: PAGE_SIZE };

  const { events, nextBeforeSeq } = await listAuditEvents(await getDb(), parsed.success ? parsed.data : {}, page);
  // The filters that are in force, carried by the pagination and export links.
  const applied = new URLSearchParams(parsed.success ? (values as Record<string, string>) : {});
  const query = (extra: Record<string, string>) => {
    const q = new URLSearchParams({ ...Object.fromEntries(applied), ...extra }).toString();
    return q ? `?${q}` : "";
  };
  const filtered = applied.size > 0;

  return (
    <>
      <PageHeader
        eyebrow="Evidence"
        title="Audit log"
        description="Every change and security event in Attest, newest first. Each event's hash covers the one before it, so a rewritten or deleted event breaks the chain."
        actions={
          <>
            <a href={`/api/v1/audit/export${query({ format: "jsonl" })}`} download className={buttonClass("secondary")}>Export JSONL</a>
            <a href={`/api/v1/audit/export${query({ format: "csv" })}`} download className={buttonClass("secondary")}>Export CSV</a>
          </>
        }
      />

      <section aria-labelledby="integrity-heading" className="mb-6 rounded-lg border border-line bg-surface px-5 py-4 shadow-xs">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <h2 id="integrity-heading" className="text-sm font-semibold">Chain integrity</h2>
            <p className="mt-0.5 text-sm text-ink-muted">Recompute every hash on the server and compare the end of the chain with its recorded head.</p>
          </div>
          <VerifyChainButton />
        </div>
        <p className="mt-3 border-t border-line pt-3 text-xs text-ink-muted">
          Exports{filtered ? " use the filters below and" : ""} are recorded in this log. To check a JSONL export yourself, without trusting Attest, run{" "}
          <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-ink">npm run --silent audit:verify -- export.jsonl</code>{" "}
          (add <code className="font-mono text-ink">--complete</code> for an unfiltered export).
        </p>
      </section>

      <AuditFiltersForm values={values} errors={errors} />

      {!parsed.success && (
        <Alert tone="danger" title="These filters could not be applied" className="mt-4">
          Correct the highlighted fields. Meanwhile the list shows every event, unfiltered.
        </Alert>
      )}

      <div className="mt-6">
        {events.length === 0 ? (
          <EmptyState title={filtered ? "No events match these filters" : page.beforeSeq ? "No older events" : "Nothing recorded yet"}>
            {filtered ? "Widen the time range or clear a filter." : page.beforeSeq ? "You have reached the first event in the log." : "Every change anyone makes in Attest will appear here."}
          </EmptyState>
        ) : (
          <>
            <p className="mb-2 text-sm text-ink-muted" aria-live="polite">
              Showing events #{events[0]!.seq} to #{events[events.length - 1]!.seq}
              {filtered ? " matching the filters" : ""}, newest first.
            </p>
            <AuditTable events={events} caption={`Audit events ${events[0]!.seq} to ${events[events.length - 1]!.seq}, newest first`} />
          </>
        )}
        <nav aria-label="Audit log pages" className="mt-4 flex items-center justify-between">
          {page.beforeSeq ? <Link href={`/audit${query({})}`} className={buttonClass("secondary", "sm")}>← Newest</Link> : <span />}
          {nextBeforeSeq !== null && (
            <Link href={`/audit${query({ beforeSeq: String(nextBeforeSeq) })}`} className={buttonClass("secondary", "sm")}>Older events →</Link>
          )}
        </nav>
      </div>
    </>
  );
}
