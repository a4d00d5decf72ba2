import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/instance";
import { UploadForm } from "@/components/evaluations/upload-form";
import { StageBadge } from "@/components/models/stage-badge";
import { loadVersion, type VersionParams } from "@/components/models/version-params";
import { Alert } from "@/components/ui/alert";
import { allows } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { isOwnerOrMaintainer } from "@/lib/services/models/queries";

export async function generateMetadata({ params }: VersionParams): Promise<Metadata> {
  return { title: `Evaluate version ${decodeURIComponent((await params).version)}` };
}

/** The owner's upload of a predictions file for one version. */
export default async function NewEvaluationPage({ params }: VersionParams) {
  const actor = await requireActor("models.read");
  const { model, version, path } = await loadVersion(params);
  const mayUpload = allows(actor.roles, "evaluations.write") && (await isOwnerOrMaintainer(await getDb(), model, actor.userId));

  return (
    <>
      <Link href={`/models/${model.slug}/evaluations`} className="mb-3 inline-block text-sm font-medium text-brand hover:underline">← Evaluations</Link>
      <div className="mb-6">
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="text-xl font-semibold">Evaluate version <span className="font-mono">{version.version}</span></h2>
          <StageBadge stage={version.stage} />
        </div>
        <p className="mt-1 max-w-3xl text-sm text-ink-muted">
          Upload the model&apos;s predictions on a labelled dataset. Attest computes performance and fairness metrics per group, with confidence intervals, and judges them against the policy for this model&apos;s risk tier.
        </p>
      </div>
      {!mayUpload ? (
        <Alert tone="info" title="Only the model's owner and maintainers upload evaluations">
          You can read every evaluation of this model on its Evaluations tab. {model.ownerName} ({model.ownerEmail}) owns it.
        </Alert>
      ) : version.stage === "retired" ? (
        <Alert tone="warning" title="This version is retired">A retired version is read-only: it cannot get new evaluations.</Alert>
      ) : (
        <UploadForm slug={model.slug} version={version.version} detailPath={`${path}/evaluations`} />
      )}
    </>
  );
}
