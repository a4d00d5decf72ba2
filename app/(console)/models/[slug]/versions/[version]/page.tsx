import { cx } from "@/components/ui/cx";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getDb } from "@/db/instance";
import { CompletenessMeter } from "@/components/models/completeness-meter";
import { StageBadge } from "@/components/models/stage-badge";
import { loadVersion, type VersionParams } from "@/components/models/version-params";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { Table, Td, Th } from "@/components/ui/table";
import { allows } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { completeness } from "@/lib/domain/model-card/completeness";
import type { TRiskTier } from "@/lib/domain/model-card/template";
import { isOwnerOrMaintainer } from "@/lib/services/models/queries";
import { OpenComments } from "@/components/reviews/open-comments";
import { ReviewSection } from "@/components/reviews/review-section";

export async function generateMetadata({ params }: VersionParams): Promise<Metadata> {
  return { title: `Version ${decodeURIComponent((await params).version)}` };
}

const ROLE_LABELS: Record<string, string> = { training: "Training", validation: "Validation", test: "Test", monitoring: "Monitoring" };

/** One version: where it came from (lineage) and where its documentation stands. */
export default async function VersionPage({ params }: VersionParams) {
  const actor = await requireActor("models.read");
  const { model, version, datasets, card, path, cardApi } = await loadVersion(params);
  const involved = await isOwnerOrMaintainer(await getDb(), model, actor.userId);
  const edits = allows(actor.roles, "models.write") && version.stage !== "retired" && involved;
  const status = completeness(card?.content ?? {}, model.riskTier as TRiskTier | null);
  const missing = status.overall.required - status.overall.filled;

  return (
    <>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <div className="flex flex-wrap items-center gap-3">
            <h2 className="text-xl font-semibold">Version <span className="font-mono">{version.version}</span></h2>
            <StageBadge stage={version.stage} />
          </div>
          <p className="mt-1 text-sm text-ink-muted">Created {formatDateTime(version.createdAt)}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href={`${path}/card`} className={buttonClass("primary", "sm")}>{edits ? "Edit model card" : "View model card"}</Link>
          <Link href={`${path}/revisions`} className={buttonClass("secondary", "sm")}>Revisions</Link>
          <a href={`${cardApi}?format=huggingface`} download className={buttonClass("secondary", "sm")}>Export Hugging Face README</a>
          <a href={`${cardApi}?format=cyclonedx`} download className={buttonClass("secondary", "sm")}>Export CycloneDX</a>
          <a href={`${cardApi.replace(/\/card$/, "")}/documentation.pdf`} download className={buttonClass("secondary", "sm")}>Download technical documentation (PDF)</a>
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-5">
        <Card title="Model card" description={`Measured against the ${model.riskTier ? `${model.riskTier}-risk` : "high-risk (the model is not yet classified)"} requirements.`} className="lg:col-span-2">
          {card ? (
            <div className="space-y-4">
              <CompletenessMeter percent={status.overall.percent} band={status.band} size="lg" />
              <p className="text-sm text-ink-muted">
                {missing === 0 ? "Every required field is filled." : `${missing} of ${status.overall.required} required fields still missing.`}
              </p>
              <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1.5 border-t border-line pt-4 text-sm">
                <dt className="text-ink-muted">Revision</dt>
                <dd className="font-medium tabular-nums">{card.revision}</dd>
                <dt className="text-ink-muted">Saved by</dt>
                <dd className="truncate font-medium" title={card.authorEmail}>{card.authorEmail}</dd>
                <dt className="text-ink-muted">Saved</dt>
                <dd>{formatDateTime(card.createdAt)}</dd>
                <dt className="text-ink-muted">Content hash</dt>
                <dd className="truncate font-mono text-xs leading-5" title={card.contentHash}>{card.contentHash}</dd>
              </dl>
            </div>
          ) : (
            <p className="text-sm text-ink-muted">
              No card yet. {edits ? "Open the editor to start it; the form says what this model's tier requires." : "The model's owner has not started it."}
            </p>
          )}
        </Card>

        <Card title="Lineage" description="What produced this version, for reproducing and auditing it." className="lg:col-span-3">
          <dl className="grid gap-x-6 gap-y-4 text-sm sm:grid-cols-2">
            <Detail label="Framework">{version.framework}</Detail>
            <Detail label="Experiment reference" mono>{version.experimentRef}</Detail>
            <Detail label="Artifact URI" mono className="sm:col-span-2">{version.artifactUri}</Detail>
          </dl>
        </Card>
      </div>

      <ReviewSection model={model} version={version} canSubmit={involved && allows(actor.roles, "reviews.submit")} canDeploy={involved && allows(actor.roles, "deployments.write")} />
      <OpenComments model={model} version={version} actor={actor} />

      <section aria-labelledby="datasets-heading" className="mt-8">
        <h3 id="datasets-heading" className="mb-3 text-base font-semibold">Datasets</h3>
        {datasets.length === 0 ? (
          <EmptyState title="No datasets recorded">The datasets are recorded when a version is created, from the form or the API.</EmptyState>
        ) : (
          <Table caption={`Datasets of version ${version.version}`}>
            <thead>
              <tr>
                <Th>Role</Th>
                <Th>Name</Th>
                <Th>Version</Th>
                <Th>URI</Th>
                <Th>Content hash</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {datasets.map((d) => (
                <tr key={d.id}>
                  <Td className="whitespace-nowrap">{ROLE_LABELS[d.role] ?? d.role}</Td>
                  <Td className="min-w-40 break-words font-medium">{d.name}</Td>
                  <Td className="whitespace-nowrap font-mono text-xs">{d.datasetVersion ?? <span className="text-ink-muted">—</span>}</Td>
                  <Td className="min-w-48 max-w-sm">{d.uri ? <code className="break-all font-mono text-xs">{d.uri}</code> : <span className="text-ink-muted">—</span>}</Td>
                  <Td className="max-w-40">
                    {d.contentHash ? <code className="block truncate font-mono text-xs" title={d.contentHash}>{d.contentHash}</code> : <span className="text-ink-muted">—</span>}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
    </>
  );
}

// A <dl> may hold <div> groups of <dt> and <dd>, one level deep: the group carries any layout class.
function Detail({ label, mono, className, children }: { label: string; mono?: boolean; className?: string; children: ReactNode }) {
  return (
    <div className={cx("min-w-0", className)}>
      <dt className="text-ink-muted">{label}</dt>
      <dd className={mono ? "mt-0.5 break-all font-mono text-xs leading-5" : "mt-0.5 font-medium"}>{children || <span className="font-sans text-ink-muted">Not recorded</span>}</dd>
    </div>
  );
}
