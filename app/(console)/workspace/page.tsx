import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/instance";
import { VerifyChainButton } from "@/components/audit/verify-chain-button";
import { Button, buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { TextInput } from "@/components/ui/field";
import { GetForm } from "@/components/ui/get-form";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { DocumentationTable } from "@/components/workspace/documentation-table";
import { IssuedDocumentsTable } from "@/components/workspace/issued-documents-table";
import { requireActor } from "@/lib/auth/session";
import { auditHeadState } from "@/lib/services/audit/queries";
import { documentableVersions, listIssuedDocuments, ZIssuedDocumentsQuerySchema } from "@/lib/services/documents/queries";

export const metadata: Metadata = { title: "Auditor workspace" };

const VERSIONS_PER_PAGE = 10;
const DOCUMENTS_PER_PAGE = 10;

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const pageNumber = (v: string | string[] | undefined) => {
  const n = Number(first(v));
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
};

/** What an auditor comes for, on one page: reports, documentation, the audit log and what Attest has issued. Read-only. */
export default async function WorkspacePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireActor("audit.read");
  const params = await searchParams;
  const search = first(params.q)?.trim().slice(0, 200) || undefined;
  const versionsPage = pageNumber(params.page);
  const documentsPage = pageNumber(params.issued);
  const db = await getDb();
  const [versions, issued, head] = await Promise.all([
    documentableVersions(db, { search, page: versionsPage, pageSize: VERSIONS_PER_PAGE }),
    listIssuedDocuments(db, ZIssuedDocumentsQuerySchema.parse({ page: documentsPage, pageSize: DOCUMENTS_PER_PAGE })),
    auditHeadState(db),
  ]);
  const href = (extra: Record<string, string | number | undefined>) => {
    const merged = { q: search, page: versionsPage, issued: documentsPage, ...extra };
    const query = new URLSearchParams(Object.entries(merged).filter(([k, v]) => v !== undefined && !(k !== "q" && v === 1)) as [string, string][]).toString();
    return query ? `/workspace?${query}` : "/workspace";
  };

  return (
    <>
      <PageHeader
        eyebrow="Evidence"
        title="Auditor workspace"
        description="Everything an audit needs, read-only. Every download on this page is issued for you and recorded in the audit log under your name."
      />

      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Portfolio report" description="Every model: risk tier, stage, approvals, evaluation status, obligations coverage and overdue reviews.">
          <p className="text-sm text-ink-muted">Issued now as a PDF and entered in the register of issued documents below, so it can be verified later.</p>
          <a href="/api/v1/reports/portfolio.pdf" download className={`${buttonClass("primary")} mt-4`}>Download portfolio report (PDF)</a>
        </Card>
        <Card title="Model inventory" description="Every model as a spreadsheet: owner, business unit, tier, documentation completeness, versions and next review.">
          <p className="text-sm text-ink-muted">CSV (RFC 4180); cells a spreadsheet would run as formulas are prefixed with an apostrophe.</p>
          <a href="/api/v1/reports/inventory.csv" download className={`${buttonClass("secondary")} mt-4`}>Download inventory (CSV)</a>
        </Card>
        <Card title="Audit log" description={`${head.seq.toLocaleString("en")} events, each hash covering the one before it.`}>
          <VerifyChainButton />
          <div className="mt-4 flex flex-wrap gap-2 border-t border-line pt-4">
            <Link href="/audit" className={buttonClass("secondary", "sm")}>Open the audit log</Link>
            <a href="/api/v1/audit/export?format=jsonl" download className={buttonClass("secondary", "sm")}>Export JSONL</a>
            <a href="/api/v1/audit/export?format=csv" download className={buttonClass("secondary", "sm")}>Export CSV</a>
          </div>
        </Card>
      </div>

      <section aria-labelledby="documentation-heading" className="mt-8">
        <div className="mb-3 flex flex-wrap items-end justify-between gap-4">
          <div>
            <h2 id="documentation-heading" className="text-lg font-semibold">Technical documentation</h2>
            <p className="text-sm text-ink-muted">The EU AI Act Annex IV documentation of each version, generated from the records when you download it.</p>
          </div>
          <GetForm action="/workspace" role="search" aria-label="Search model versions" className="flex items-end gap-2">
            <label htmlFor="q" className="sr-only">Search by model or version</label>
            <TextInput id="q" type="search" defaultValue={search} placeholder="Model or version" className="w-60" />
            <Button type="submit" variant="secondary">Search</Button>
          </GetForm>
        </div>
        {versions.versions.length === 0 ? (
          <EmptyState title={search ? `No version matches “${search}”` : "No model versions yet"}>
            {search ? (
              <>Try part of the model's name or slug, or <Link href="/workspace" className="text-brand underline">show every version</Link>.</>
            ) : (
              "Documentation appears here once model owners register models and their versions."
            )}
          </EmptyState>
        ) : (
          <>
            <DocumentationTable versions={versions.versions} />
            <div className="mt-3">
              <Pagination label="Version pages" page={versionsPage} pageCount={Math.ceil(versions.total / VERSIONS_PER_PAGE)} hrefFor={(page) => href({ page })} />
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="issued-heading" className="mt-8">
        <div className="mb-3">
          <h2 id="issued-heading" className="text-lg font-semibold">Issued documents</h2>
          <p className="text-sm text-ink-muted">
            Every PDF Attest has handed out, newest first, with the SHA-256 of its bytes. Scripts can read the same register at{" "}
            <code className="font-mono text-ink">GET /api/v1/documents</code> (scope reports:read).
          </p>
        </div>
        {issued.documents.length === 0 ? (
          <EmptyState title="No document issued yet">Download a portfolio report or a version's documentation above: it is recorded here.</EmptyState>
        ) : (
          <>
            <IssuedDocumentsTable documents={issued.documents} />
            <div className="mt-3">
              <Pagination label="Issued document pages" page={documentsPage} pageCount={Math.ceil(issued.total / DOCUMENTS_PER_PAGE)} hrefFor={(page) => href({ issued: page })} />
            </div>
          </>
        )}
      </section>
    </>
  );
}
