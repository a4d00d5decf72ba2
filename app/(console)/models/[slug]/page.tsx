import Link from "next/link";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getDb } from "@/db/instance";
import { CompletenessMeter } from "@/components/models/completeness-meter";
import { currentModel } from "@/components/models/current-model";
import { NewVersionForm } from "@/components/models/new-version-form";
import { EditModelForm } from "@/components/models/edit-model-form";
import { activeModelOwners } from "@/lib/services/users/queries";
import { StageBadge } from "@/components/models/stage-badge";
import { Disclosure } from "@/components/ui/disclosure";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/components/ui/format";
import { Table, Td, Th } from "@/components/ui/table";
import { allows } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { completeness } from "@/lib/domain/model-card/completeness";
import type { TRiskTier } from "@/lib/domain/model-card/template";
import { latestCardRevisions } from "@/lib/services/model-cards/queries";
import { isOwnerOrMaintainer } from "@/lib/services/models/queries";

type Params = { params: Promise<{ slug: string }> };

export default async function ModelOverviewPage({ params }: Params) {
  const actor = await requireActor("models.read");
  const model = await currentModel((await params).slug);
  if (!model) notFound();
  const db = await getDb();
  const edits = allows(actor.roles, "models.write") && (await isOwnerOrMaintainer(db, model, actor.userId));
  const cards = await latestCardRevisions(db, model.versions.map((v) => v.id));
  // Newest first: the version people come for is usually the latest.
  const versions = [...model.versions].reverse().map((version) => {
    const card = cards.get(version.id);
    return { ...version, href: `/models/${model.slug}/versions/${encodeURIComponent(version.version)}`, card: card && { revision: card.revision, ...completeness(card.content, model.riskTier as TRiskTier | null) } };
  });
  const latest = versions[0];

  return (
    <>
      <dl className="mb-8 grid gap-px overflow-hidden rounded-lg border border-line bg-line shadow-xs sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Latest version">
          {latest ? <span className="flex items-center gap-2"><span className="font-mono">{latest.version}</span><StageBadge stage={latest.stage} /></span> : "None yet"}
        </Stat>
        <Stat label="Documentation of the latest version">
          {latest?.card ? <CompletenessMeter percent={latest.card.overall.percent} band={latest.card.band} /> : "No card yet"}
        </Stat>
        <Stat label="Registered"><time dateTime={model.createdAt.toISOString()}>{formatDate(model.createdAt)}</time></Stat>
        <Stat label="Last updated"><time dateTime={model.updatedAt.toISOString()}>{formatDate(model.updatedAt)}</time></Stat>
      </dl>

      {edits && (
        <Disclosure summary="Edit details" hint="Name, purpose, tags, accountable owner and maintainers">
          <EditModelForm model={{ ...model, maintainers: model.maintainers }} modelOwners={await activeModelOwners(db)} />
        </Disclosure>
      )}
      <div className="mb-3 flex items-baseline justify-between gap-4">
        <h2 className="text-lg font-semibold">Versions</h2>
        <p className="text-sm text-ink-muted">{versions.length === 1 ? "1 version" : `${versions.length} versions`}</p>
      </div>
      {allows(actor.roles, "models.write") && !edits && <p className="mb-4 text-sm text-ink-muted">Only the model&apos;s owner and its maintainers can add versions.</p>}
      {edits && (
        <Disclosure summary="New version" hint="Record a trained artefact and its data lineage as a draft version">
          <NewVersionForm slug={model.slug} earlierVersions={versions.map((v) => ({ version: v.version, revision: v.card?.revision ?? null }))} />
        </Disclosure>
      )}
      {versions.length === 0 ? (
        <EmptyState title="No versions yet">
          {edits ? "Add the first version with “New version” above: its label, framework, where the artefact is stored and the data it was trained on." : "The model's owner adds versions as they are trained."}
        </EmptyState>
      ) : (
        <Table caption={`Versions of ${model.name}, newest first`}>
          <thead>
            <tr>
              <Th>Version</Th>
              <Th>Stage</Th>
              <Th>Framework</Th>
              <Th>Artifact URI</Th>
              <Th>Created</Th>
              <Th>Model card</Th>
              <Th><span className="sr-only">Lineage</span></Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {versions.map((version) => (
              <tr key={version.id} className="hover:bg-slate-50">
                <Td>
                  <Link href={`${version.href}/card`} className="font-mono font-medium text-brand hover:underline">{version.version}</Link>
                </Td>
                <Td><StageBadge stage={version.stage} /></Td>
                <Td className="min-w-28">{version.framework ?? <span className="text-ink-muted">—</span>}</Td>
                <Td className="min-w-48 max-w-sm">{version.artifactUri ? <code className="break-all font-mono text-xs">{version.artifactUri}</code> : <span className="text-ink-muted">—</span>}</Td>
                <Td className="whitespace-nowrap tabular-nums">{formatDate(version.createdAt)}</Td>
                <Td className="whitespace-nowrap">
                  {version.card ? (
                    <div className="space-y-1">
                      <p className="text-xs text-ink-muted">Revision {version.card.revision}</p>
                      <CompletenessMeter percent={version.card.overall.percent} band={version.card.band} size="stacked" />
                    </div>
                  ) : (
                    <span className="text-xs text-ink-muted">Not started</span>
                  )}
                </Td>
                <Td className="whitespace-nowrap text-right">
                  <Link href={version.href} className="text-sm font-medium text-brand hover:underline">
                    Details<span className="sr-only"> of version {version.version}</span>
                  </Link>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="bg-surface px-5 py-4">
      <dt className="text-xs font-medium text-ink-muted">{label}</dt>
      <dd className="mt-1.5 text-sm font-medium text-ink">{children}</dd>
    </div>
  );
}
