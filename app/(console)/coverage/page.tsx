import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/instance";
import { RiskTierBadge } from "@/components/models/risk-tier-badge";
import { CoverageTable, ProgressBar } from "@/components/risk/coverage-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { coverage } from "@/lib/domain/risk/frameworks";
import type { TObligationStatus } from "@/lib/domain/risk/ruleset";
import { obligationsAcrossModels } from "@/lib/services/risk/queries";

export const metadata: Metadata = { title: "Framework coverage" };

/** How the portfolio's EU AI Act obligations map to NIST AI RMF and ISO/IEC 42001, and how far they are met. */
export default async function CoveragePage() {
  await requireActor("models.read");
  const rows = await obligationsAcrossModels(await getDb());
  const obligations = rows.flatMap((r) => (r.article && r.status ? [{ article: r.article, status: r.status as TObligationStatus }] : []));
  const result = coverage(obligations);
  const perModel = [...new Map(rows.map((r) => [r.slug, { slug: r.slug, name: r.name, riskTier: r.riskTier }])).values()].map((m) => {
    const own = rows.filter((r) => r.slug === m.slug && r.article);
    return { ...m, total: own.length, met: own.filter((r) => r.status === "met").length, notApplicable: own.filter((r) => r.status === "not_applicable").length };
  });
  const met = obligations.filter((o) => o.status === "met").length;

  return (
    <>
      <PageHeader
        eyebrow="Compliance"
        title="Framework coverage"
        description="The EU AI Act obligations of every model, mapped to the NIST AI RMF and ISO/IEC 42001, with how many are met. The mapping is Attest's own analysis, not an official crosswalk."
      />
      {obligations.length === 0 ? (
        <EmptyState title="No obligations yet">
          Obligations follow from confirmed risk classifications. Once a compliance officer confirms a model&apos;s classification, its duties are counted here against each framework.
        </EmptyState>
      ) : (
        <div className="grid gap-8 xl:grid-cols-[minmax(0,1fr)_18rem]">
          <div className="min-w-0 space-y-8">
            <p className="text-sm text-ink">
              <span className="font-semibold tabular-nums">{obligations.length}</span> applicable obligations across{" "}
              <span className="font-semibold tabular-nums">{perModel.filter((m) => m.total > 0).length}</span> models;{" "}
              <span className="font-semibold tabular-nums">{met}</span> met. One obligation can count towards several categories or controls.
            </p>
            {result.frameworks.map((framework) => (
              <section key={framework.framework} aria-labelledby={`${framework.framework}-heading`} className="space-y-3">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 id={`${framework.framework}-heading`} className="text-lg font-semibold">{framework.name}</h2>
                  <p className="text-sm text-ink-muted">
                    {framework.coveredItems} of {framework.items.length} {framework.framework.startsWith("nist") ? "categories" : "controls and clauses"} fully covered
                  </p>
                </div>
                <CoverageTable framework={framework} />
              </section>
            ))}
            {result.unmapped.length > 0 && (
              <p className="text-sm text-ink-muted">Not counted, because the mapping does not know them: {result.unmapped.join(", ")}.</p>
            )}
          </div>
          <aside aria-labelledby="per-model-heading" className="xl:sticky xl:top-4 xl:self-start">
            <h2 id="per-model-heading" className="text-lg font-semibold">Per model</h2>
            <ul className="mt-3 divide-y divide-line rounded-lg border border-line bg-surface shadow-xs">
              {perModel.map((m) => (
                <li key={m.slug} className="space-y-1.5 px-4 py-3">
                  <div className="flex items-start justify-between gap-2">
                    <Link href={`/models/${m.slug}/risk`} className="min-w-0 break-words text-sm font-medium text-brand hover:underline">{m.name}</Link>
                    <RiskTierBadge tier={m.riskTier} />
                  </div>
                  {m.total > 0 ? <ProgressBar done={m.met} notApplicable={m.notApplicable} total={m.total} /> : <p className="text-xs text-ink-muted">No obligations yet</p>}
                </li>
              ))}
            </ul>
          </aside>
        </div>
      )}
    </>
  );
}
