import Link from "next/link";
import { getDb } from "@/db/instance";
import type { TModel, TModelVersion } from "@/db/schema";
import { StageBadge } from "@/components/models/stage-badge";
import { buttonClass } from "@/components/ui/button";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { ApprovalsList } from "./approvals-list";
import { DeployForm } from "./deploy-form";
import { DossierHash } from "./dossier-hash";
import { GateStatus } from "./gate-status";
import { versionApi } from "./links";
import { RetireForm } from "./retire-form";
import { reviewOverview } from "./review-data";
import { SubmissionChecklist } from "./submission-checklist";
import { SubmitForReview } from "./submit-for-review";

/** The version page's "Review and deployment": where the version stands, and the owner's next step. */
export async function ReviewSection({ model, version, canSubmit, canDeploy }: { model: TModel; version: TModelVersion; canSubmit: boolean; canDeploy: boolean }) {
  const o = await reviewOverview(await getDb(), model, version);
  const stage = version.stage;
  const api = versionApi(model.slug, version.version);
  const live = stage === "approved" || stage === "deployed";
  const overdue = version.nextReviewDue !== null && version.nextReviewDue.getTime() < o.now.getTime();
  return (
    <section aria-labelledby="review-heading" className="mt-8 rounded-lg border border-line bg-surface shadow-xs">
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-line px-5 py-4">
        <div className="flex flex-wrap items-center gap-3">
          <h3 id="review-heading" className="text-base font-semibold">Review and deployment</h3>
          <StageBadge stage={stage} />
        </div>
        <Link href={`/models/${encodeURIComponent(model.slug)}/reviews?version=${encodeURIComponent(version.version)}`} className={buttonClass("secondary", "sm")}>Open the review page</Link>
      </header>
      <div className="grid gap-6 p-5 lg:grid-cols-2">
        <div className="space-y-5">
          <DossierHash hash={o.state.hash} />
          {stage === "draft" && canSubmit && (
            <div className="space-y-3 border-t border-line pt-4">
              <h4 className="text-sm font-semibold">Submission checklist</h4>
              <SubmissionChecklist slug={model.slug} version={version.version} preconditions={o.preconditions} />
              <SubmitForReview slug={model.slug} version={version.version} shownCodes={o.preconditions.map((p) => `${p.code}:${p.link.anchor ?? ""}`)} />
            </div>
          )}
          {stage === "draft" && !canSubmit && <p className="border-t border-line pt-4 text-sm text-ink-muted">This version is a draft: its owner or a maintainer submits it for review when the dossier is ready.</p>}
          {o.periodic && o.request && (
            <p className="border-t border-line pt-4 text-sm text-ink-muted">Periodic review started by {o.request.submittedByEmail} on {formatDateTime(o.request.submittedAt)}; the version stays {stage} while compliance officers review it.</p>
          )}
          {stage === "in_review" && o.request && (
            <p className="border-t border-line pt-4 text-sm text-ink-muted">Submitted by {o.request.submittedByEmail} on {formatDateTime(o.request.submittedAt)}; waiting for compliance officers.</p>
          )}
          <div className="border-t border-line pt-4">
            <h4 className="mb-2 text-sm font-semibold">Deployment gate</h4>
            <GateStatus gate={o.gate} />
          </div>
          {live && (
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1.5 border-t border-line pt-4 text-sm">
              {version.approvedAt && (<><dt className="text-ink-muted">Approved</dt><dd>{formatDateTime(version.approvedAt)}</dd></>)}
              <dt className="text-ink-muted">Next review due</dt>
              <dd className={overdue ? "font-medium text-danger" : "font-medium"}>
                {version.nextReviewDue ? `${formatDate(version.nextReviewDue)}${overdue ? " (overdue)" : ""}` : "Not set"}
              </dd>
            </dl>
          )}
          {stage === "retired" && (
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1.5 border-t border-line pt-4 text-sm">
              <dt className="text-ink-muted">Left service</dt>
              <dd>{version.leftServiceAt ? formatDateTime(version.leftServiceAt) : "—"}</dd>
              <dt className="text-ink-muted">Reason</dt>
              <dd className="whitespace-pre-wrap break-words">{version.retiredReason ?? "—"}</dd>
              <dt className="text-ink-muted">Kept until</dt>
              <dd className="font-medium">{version.retentionUntil ? `${formatDate(version.retentionUntil)} (EU AI Act Art. 18: ten years after leaving service)` : "—"}</dd>
            </dl>
          )}
        </div>
        <div className="space-y-5">
          <div>
            <h4 className="mb-2 text-sm font-semibold">Approvals</h4>
            {o.request ? (
              <ApprovalsList decisions={o.standingDecisions} currentHash={o.state.hash} required={o.gate.approvalsRequired} />
            ) : (
              <p className="text-sm text-ink-muted">Not submitted for review yet: approvals appear here once a compliance officer decides.</p>
            )}
          </div>
          {o.deployments.length > 0 && (
            <div>
              <h4 className="mb-2 text-sm font-semibold">Deployments</h4>
              <ul className="divide-y divide-line rounded-md border border-line text-sm">
                {o.deployments.map((d) => (
                  <li key={d.id} className="px-4 py-2">
                    <span className="font-medium break-words">{d.environment}</span> <span className="text-ink-muted">· {d.strategy} · {d.deployedByEmail} · {formatDateTime(d.deployedAt)}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {live && canDeploy && (
            <>
              <div className="border-t border-line pt-4">
                <h4 className="mb-2 text-sm font-semibold">Record deployment</h4>
                <DeployForm api={api} />
              </div>
              <div className="border-t border-line pt-4">
                <h4 className="mb-2 text-sm font-semibold">Retire this version</h4>
                <RetireForm api={api} />
              </div>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
