import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/instance";
import { CompletenessMeter } from "@/components/models/completeness-meter";
import { InventoryFilters } from "@/components/models/inventory-filters";
import { hasFilters, inventoryHref, parseInventoryParams } from "@/components/models/inventory-url";
import { RegisterModelForm } from "@/components/models/register-model-form";
import { RiskTierBadge } from "@/components/models/risk-tier-badge";
import { SortableTh } from "@/components/models/sortable-th";
import { StageBadge } from "@/components/models/stage-badge";
import { TagList } from "@/components/models/tag-list";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Disclosure } from "@/components/ui/disclosure";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { allows } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import type { TCompletenessBand } from "@/lib/domain/model-card/completeness";
import { inventoryFacets, inventoryPage } from "@/lib/services/models/inventory";

export const metadata: Metadata = { title: "Models" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ModelsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor("models.read");
  const { query, ignored } = parseInventoryParams(await searchParams);
  const db = await getDb();
  const [result, facets] = await Promise.all([inventoryPage(db, query), inventoryFacets(db)]);
  const registers = allows(actor.roles, "models.write");
  const filtered = hasFilters(query);
  const pageCount = Math.max(1, Math.ceil(result.total / query.pageSize));
  const first = (query.page - 1) * query.pageSize + 1;

  return (
    <>
      <PageHeader
        eyebrow="Inventory"
        title="Models"
        description="Every AI model the organisation builds or uses, with its accountable owner, its EU AI Act risk tier and how complete its documentation is."
      />
      {registers && (
        <Disclosure summary="Register a model" hint="Add a model you are accountable for">
          <RegisterModelForm />
        </Disclosure>
      )}
      <InventoryFilters query={query} facets={facets} clearable={filtered && result.total > 0} />
      {ignored.length > 0 && (
        <Alert tone="warning" className="mb-4">
          Part of this link could not be applied and was ignored: {ignored.join(", ")}.
        </Alert>
      )}

      {result.total === 0 ? (
        filtered ? (
          <EmptyState title="No models match these filters" action={<Link href="/models" className={buttonClass("secondary", "sm")}>Clear filters</Link>}>
            Try fewer filters or another search term. The search looks in names, slugs, purposes and tags.
          </EmptyState>
        ) : (
          <EmptyState title="No models in the inventory yet">
            {registers
              ? "Register the first model with “Register a model” above. You can add its versions and model card next."
              : "Model owners register their models here. Once they do, you can read each model's versions and evidence."}
          </EmptyState>
        )
      ) : result.models.length === 0 ? (
        <EmptyState title={`There is no page ${query.page}`} action={<Link href={inventoryHref(query, { page: pageCount })} className={buttonClass("secondary", "sm")}>Go to the last page</Link>}>
          {`These results fill ${pageCount === 1 ? "one page" : `${pageCount} pages`}.`}
        </EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm text-ink-muted">
            {result.total <= query.pageSize ? (
              <><span className="font-medium text-ink">{result.total}</span> {result.total === 1 ? "model" : "models"}</>
            ) : (
              <>Showing <span className="font-medium text-ink tabular-nums">{first}–{first + result.models.length - 1}</span> of <span className="font-medium text-ink tabular-nums">{result.total}</span> models</>
            )}
            {filtered && " matching your filters"}
          </p>
          <Table caption="Model inventory">
            <thead>
              <tr>
                <SortableTh query={query} sort="name" label="Name" />
                <SortableTh query={query} sort="tier" label="Risk tier" firstDir="desc" />
                <Th>Latest version</Th>
                <SortableTh query={query} sort="completeness" label="Documentation" />
                <SortableTh query={query} sort="owner" label="Owner and unit" />
                <Th>Tags</Th>
                <SortableTh query={query} sort="updated" label="Updated" firstDir="desc" />
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {result.models.map((model) => (
                <tr key={model.id} className="hover:bg-slate-50">
                  <Td className="min-w-52 max-w-xs">
                    <Link href={`/models/${model.slug}`} className="font-medium text-brand hover:underline">{model.name}</Link>
                    <p className="font-mono text-xs text-ink-muted">{model.slug}</p>
                    {model.purpose && <p className="mt-1 line-clamp-2 break-words text-xs text-ink-muted" title={model.purpose}>{model.purpose}</p>}
                  </Td>
                  <Td><RiskTierBadge tier={model.riskTier} /></Td>
                  <Td className="whitespace-nowrap">
                    {model.latestVersion ? (
                      <div className="flex flex-col items-start gap-1">
                        <span className="font-mono text-xs font-medium">{model.latestVersion}</span>
                        {model.latestStage && <StageBadge stage={model.latestStage} />}
                      </div>
                    ) : (
                      <span className="text-xs text-ink-muted">No versions</span>
                    )}
                  </Td>
                  <Td>
                    {model.versionCount > 0 ? <CompletenessMeter percent={model.docPercent} band={model.docBand as TCompletenessBand} size="stacked" /> : <span className="text-xs text-ink-muted">No card yet</span>}
                  </Td>
                  {/* One column for both keeps the inventory within a 1366-pixel laptop screen. */}
                  <Td className="min-w-28">
                    <p className="whitespace-nowrap" title={model.ownerEmail}>{model.ownerName}</p>
                    <p className="mt-0.5 text-xs text-ink-muted">{model.businessUnit || "—"}</p>
                  </Td>
                  <Td className="min-w-28 max-w-44"><TagList tags={model.tags} /></Td>
                  <Td className="whitespace-nowrap tabular-nums text-ink-muted">
                    <time dateTime={model.updatedAt.toISOString()}>{formatDate(model.updatedAt)}</time>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <div className="mt-4">
            <Pagination page={query.page} pageCount={pageCount} hrefFor={(page) => inventoryHref(query, { page })} label="Inventory pages" />
          </div>
        </>
      )}
    </>
  );
}
