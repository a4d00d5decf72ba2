import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/instance";
import { ComparisonTable, type ComparedVersion } from "@/components/evaluations/comparison-table";
import { EvaluationStatus } from "@/components/evaluations/evaluation-status";
import { formatCount } from "@/components/evaluations/format";
import { currentModel } from "@/components/models/current-model";
import { StageBadge } from "@/components/models/stage-badge";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { Table, Td, Th } from "@/components/ui/table";
import { allows } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { evaluationAnchor } from "@/lib/domain/approvals/policy";
import { evaluationsOfModel } from "@/lib/services/evaluations/queries";
import { isOwnerOrMaintainer } from "@/lib/services/models/queries";

export const metadata = { title: "Evaluations" };

type Params = { params: Promise<{ slug: string }> };

/** Every version's evaluations, and the versions side by side on their latest evaluation. */
export default async function ModelEvaluationsPage({ params }: Params) {
  const actor = await requireActor("models.read");
  const model = await currentModel((await params).slug);
  if (!model) notFound();
  const db = await getDb();
  const [all, owns] = await Promise.all([evaluationsOfModel(db, model.id), isOwnerOrMaintainer(db, model, actor.userId)]);
  const uploads = allows(actor.roles, "evaluations.write") && owns;
  const versionPath = (version: string) => `/models/${model.slug}/versions/${encodeURIComponent(version)}`;
  const newest = [...model.versions].reverse();
  const byVersion = new Map(newest.map((v) => [v.version, all.filter((e) => e.version === v.version)]));
  // Oldest to newest, left to right: how a reader follows a model's history.
  const compared: ComparedVersion[] = model.versions.flatMap((v) => {
    const latest = byVersion.get(v.version)?.[0];
    return latest ? [{ version: v.version, href: `${versionPath(v.version)}/evaluations/${latest.id}`, evaluation: latest }] : [];
  });
  const firstOpen = newest.find((v) => v.stage !== "retired");

  if (all.length === 0) {
    return (
      <EmptyState
        title="No evaluations yet"
        action={
          uploads && firstOpen ? (
            <Link href={`${versionPath(firstOpen.version)}/evaluations/new`} className={buttonClass("primary")}>
              Evaluate a predictions file<span className="sr-only"> for version {firstOpen.version}</span>
            </Link>
          ) : undefined
        }
      >
        {model.versions.length === 0
          ? "Add a version on the Overview tab first; evaluations belong to a version."
          : uploads
            ? `Upload a version's predictions on a labelled dataset (a CSV with the true label, the prediction and sensitive attributes such as sex or age group). Attest measures performance and fairness per group and judges them against the policy for ${model.riskTier ?? "unclassified"} models. Pipelines can post the same file to the API.`
            : "The model's owner uploads predictions per version, by hand or from a pipeline. Performance and fairness per group, and their pass/fail against the policy, will appear here."}
      </EmptyState>
    );
  }

  return (
    <div className="space-y-10">
      <section aria-labelledby="compare-heading">
        <div className="mb-3">
          <h2 id="compare-heading" className="text-lg font-semibold">Compare versions</h2>
          <p className="mt-0.5 max-w-3xl text-sm text-ink-muted">
            Each version on its latest evaluation. {compared.length < 2 ? "Evaluate another version to compare candidates side by side." : "The best value in each row is starred."}
          </p>
        </div>
        <ComparisonTable columns={compared} />
      </section>

      <section aria-labelledby="by-version-heading">
        <h2 id="by-version-heading" className="mb-3 text-lg font-semibold">By version</h2>
        <div className="space-y-6">
          {newest.map((version) => {
            const evaluations = byVersion.get(version.version) ?? [];
            return (
              <section key={version.id} aria-labelledby={`version-${version.id}`}>
                <div className="mb-2 flex flex-wrap items-center justify-between gap-3">
                  <div className="flex items-center gap-3">
                    <h3 id={`version-${version.id}`} className="text-base font-semibold">
                      Version <Link href={versionPath(version.version)} className="font-mono hover:underline">{version.version}</Link>
                    </h3>
                    <StageBadge stage={version.stage} />
                  </div>
                  {uploads && version.stage !== "retired" && (
                    <Link href={`${versionPath(version.version)}/evaluations/new`} className={buttonClass("secondary", "sm")}>
                      Evaluate a predictions file<span className="sr-only"> for version {version.version}</span>
                    </Link>
                  )}
                </div>
                {evaluations.length === 0 ? (
                  <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-3 text-sm text-ink-muted">No evaluations of this version yet.</p>
                ) : (
                  <Table caption={`Evaluations of version ${version.version}, newest first`}>
                    <thead>
                      <tr>
                        <Th>Evaluation</Th>
                        <Th>Status</Th>
                        <Th className="text-right">Rows</Th>
                        <Th>Failing checks</Th>
                        <Th>Uploaded</Th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-line">
                      {evaluations.map((e) => (
                        <tr key={e.id} id={evaluationAnchor(e.id)} className="scroll-mt-20 target:bg-amber-50">
                          <Td className="max-w-72">
                            <Link href={`${versionPath(version.version)}/evaluations/${e.id}`} className="break-words font-medium text-brand hover:underline">{e.name}</Link>
                            <span className="block truncate font-mono text-xs text-ink-muted" title={`SHA-256 ${e.inputSha256}`}>{e.inputSha256.slice(0, 12)}…</span>
                          </Td>
                          <Td><EvaluationStatus status={e.status} waiver={e.waiver} compact /></Td>
                          <Td className="text-right tabular-nums">{formatCount(e.rows)}</Td>
                          <Td className="text-ink-muted">{e.judgement.failures.length === 0 ? "None" : `${e.judgement.failures.length} in ${[...new Set(e.judgement.failures.map((f) => f.attribute.split("*").join(" × ")))].join(", ")}`}</Td>
                          <Td className="whitespace-nowrap">
                            <time dateTime={e.createdAt}>{formatDateTime(e.createdAt)}</time>
                            <span className="block text-xs text-ink-muted">by {e.createdBy}</span>
                          </Td>
                        </tr>
                      ))}
                    </tbody>
                  </Table>
                )}
              </section>
            );
          })}
        </div>
      </section>
    </div>
  );
}
