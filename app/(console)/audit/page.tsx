import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/instance";
import { AuditFiltersForm, type AuditFilterValues } from "@/components/audit/audit-filters-form";
import { AuditTable } from "@/components/audit/audit-table";
import { VerifyChainButton } from "@/components/audit/verify-chain-button";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ZAuditFiltersSchema } from "@/lib/api/audit-filters";
import { requireActor } from "@/lib/auth/session";
import { publishedSigningKeys, type PublishedKey } from "@/lib/services/audit/checkpoint-queries";
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

  const db = await getDb();
  const [{ events, nextBeforeSeq }, keys] = await Promise.all([listAuditEvents(db, parsed.success ? parsed.data : {}, page), publishedSigningKeys(db)]);
  const signingKey = keys.find((k) => k.current) ?? null;
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
            <p className="mt-0.5 text-sm text-ink-muted">
              Recompute every hash on the server, compare the end of the chain with its recorded head, and check every signed checkpoint: a history rewritten and re-chained
              no longer matches the checkpoints signed before the rewrite.
            </p>
          </div>
          <VerifyChainButton />
        </div>
        <p className="mt-3 border-t border-line pt-3 text-xs text-ink-muted">
          Exports{filtered ? " use the filters below and" : ""} are recorded in this log. To check a JSONL export yourself, without trusting Attest, run{" "}
          <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-ink">npm run --silent audit:verify -- export.jsonl</code>{" "}
          (add <code className="font-mono text-ink">--complete</code> for an unfiltered export, which also carries the signed checkpoints, and{" "}
          <code className="font-mono text-ink">--key</code> with the public key below to check them against it, and{" "}
          <code className="font-mono text-ink">--checkpoint seq:headHash</code> with a checkpoint printed in a document you hold).
        </p>
        <SigningKeyPanel signingKey={signingKey} />
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

/** The key that signs checkpoints, as published at /api/v1/audit/public-key and printed in every issued PDF. */
function SigningKeyPanel({ signingKey }: { signingKey: PublishedKey | null }) {
  if (!signingKey) {
    return (
      <p className="mt-2 text-xs text-ink-muted">
        No checkpoint has been signed yet. The first is signed when a document is issued, or within the hour once the log grows; its Ed25519 key is then shown here.
      </p>
    );
  }
  return (
    <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-ink-muted">
      <span>
        Checkpoints are signed with Ed25519 key <code className="font-mono text-ink">{signingKey.keyId}</code>, public key{" "}
        <code className="break-all font-mono text-ink">{signingKey.publicKey}</code> (also at{" "}
        <code className="font-mono text-ink">/api/v1/audit/public-key</code> and in every issued PDF).
      </span>
      <CopyButton value={signingKey.publicKey} label="Copy public key" />
    </div>
  );
}
