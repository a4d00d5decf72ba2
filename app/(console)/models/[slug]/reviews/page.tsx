import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getDb } from "@/db/instance";
import { CompletenessMeter } from "@/components/models/completeness-meter";
import { currentModel } from "@/components/models/current-model";
import { RiskTierBadge } from "@/components/models/risk-tier-badge";
import { StageBadge } from "@/components/models/stage-badge";
import { CardDiff } from "@/components/model-card/card-diff";
import { ApprovalsList } from "@/components/reviews/approvals-list";
import { CardFieldReview } from "@/components/reviews/card-field-review";
import { commentThreadsFor } from "@/components/reviews/comment-data";
import { DecisionForm } from "@/components/reviews/decision-form";
import { DossierEvaluations } from "@/components/reviews/dossier-evaluations";
import { DossierHash } from "@/components/reviews/dossier-hash";
import { GateStatus } from "@/components/reviews/gate-status";
import { versionApi } from "@/components/reviews/links";
import { reviewOverview } from "@/components/reviews/review-data";
import { StartPeriodicReview } from "@/components/reviews/start-periodic-review";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { cx } from "@/components/ui/cx";
import { allows } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { daysUntilReview, PERIODIC_REVIEW_WINDOW_DAYS } from "@/lib/domain/approvals/lifecycle";
import { obligationStatusPhrase } from "@/lib/domain/approvals/policy";
import { diffCards } from "@/lib/domain/model-card/diff";
import { OBLIGATION_TITLES } from "@/lib/domain/risk/obligations";
import { latestCardRevision } from "@/lib/services/model-cards/queries";
import { isOwnerOrMaintainer } from "@/lib/services/models/queries";
import { lastApprovedCard } from "@/lib/services/reviews/last-approved-card";
import { evaluationsOfVersion } from "@/lib/services/evaluations/queries";
import { currentClassification } from "@/lib/services/risk/queries";

export const metadata = { title: "Reviews" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ version?: string | string[] }> };

const OBLIGATION_TONES: Record<string, BadgeTone> = { met: "success", not_applicable: "neutral", in_progress: "warning", not_started: "danger" };

/** The dossier of one version on one screen, and the compliance officer's decision. */
export default async function ModelReviewsPage({ params, searchParams }: Props) {
  const actor = await requireActor("models.read");
  const model = await currentModel((await params).slug);
  if (!model) notFound();
  const requested = (await searchParams).version;
  const label = Array.isArray(requested) ? requested[0] : requested;
  const versions = model.versions;
  if (versions.length === 0) {
    return (
      <EmptyState title="No versions to review" action={<Link href={`/models/${encodeURIComponent(model.slug)}`} className={buttonClass("secondary", "sm")}>Go to the overview</Link>}>
        A review is of one version of the model. Once the owner registers a version and submits it, its dossier is reviewed here.
      </EmptyState>
    );
  }
  const version =
    (label ? versions.find((v) => v.version === label) : undefined) ??
    [...versions].reverse().find((v) => v.stage === "in_review") ??
    versions[versions.length - 1]!;
  if (label && version.version !== label) notFound();

  const db = await getDb();
  const [o, classification, card, approvedBefore, comments, involved, evaluationRows] = await Promise.all([
    reviewOverview(db, model, version),
    currentClassification(db, model.id),
    latestCardRevision(db, version.id),
    lastApprovedCard(db, model, version),
    commentThreadsFor(db, model, version, actor),
    isOwnerOrMaintainer(db, model, actor.userId),
    evaluationsOfVersion(db, version.id),
  ]);
  const changes = approvedBefore ? diffCards(approvedBefore.card?.content ?? {}, card?.content ?? {}) : null;
  const slug = encodeURIComponent(model.slug);
  const versionPath = `/models/${slug}/versions/${encodeURIComponent(version.version)}`;
  const facts = o.state.facts;
  // The evaluations the dossier counts, with the status it counts them with, and their metrics.
  const evaluationMetrics = new Map(evaluationRows.map((e) => [e.id, e.attributes]));
  const dossierEvaluations = facts.evaluations.map((e) => ({ ...e, attributes: evaluationMetrics.get(e.id) ?? {} }));
  const mayDecide = allows(actor.roles, "reviews.decide");
  const periodic = o.periodic;
  const decidable = version.stage === "in_review" || periodic;
  const live = version.stage === "approved" || version.stage === "deployed";
  const daysToReview = daysUntilReview(version.nextReviewDue, o.now);
  const mayStartPeriodic =
    live && !periodic && daysToReview !== null && daysToReview <= PERIODIC_REVIEW_WINDOW_DAYS && allows(actor.roles, "reviews.start_periodic") && (actor.roles.includes("compliance_officer") || involved);
  const applicable = facts.obligations.filter((x) => x.applicable);
  const legalBasis = Array.isArray(classification?.legalBasis) ? (classification.legalBasis as { article?: string; point?: string | null }[]) : [];

  return (
    <>
      <nav aria-label="Versions" className="mb-5">
        <p className="mb-2 text-sm text-ink-muted">Version under review</p>
        <ul className="flex flex-wrap gap-2">
          {versions.map((v) => {
            const current = v.id === version.id;
            return (
              <li key={v.id}>
                <Link
                  href={`/models/${slug}/reviews?version=${encodeURIComponent(v.version)}`}
                  aria-current={current ? "page" : undefined}
                  className={cx("inline-flex items-center gap-2 rounded-md border px-3 py-1.5 text-sm", current ? "border-brand bg-brand-soft text-brand-strong" : "border-line bg-white hover:bg-slate-50")}
                >
                  <span className="font-mono">{v.version}</span>
                  <StageBadge stage={v.stage} />
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 max-w-2xl">
          <div className="flex flex-wrap items-center gap-3">
            <h2 className="text-xl font-semibold">Review of version <span className="font-mono">{version.version}</span></h2>
            <StageBadge stage={version.stage} />
          </div>
          {periodic && o.request ? (
            <p className="mt-1 text-sm text-ink-muted">
              Periodic review started by {o.request.submittedByEmail} on {formatDateTime(o.request.submittedAt)}; the version stays {version.stage} meanwhile.
            </p>
          ) : o.request ? (
            <p className="mt-1 text-sm text-ink-muted">Submitted by {o.request.submittedByEmail} on {formatDateTime(o.request.submittedAt)}.</p>
          ) : (
            <p className="mt-1 text-sm text-ink-muted">Not submitted for review yet: this is the dossier as it stands.</p>
          )}
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <DossierHash hash={o.state.hash} />
            <a href="#review-comments" className="text-sm font-medium text-brand hover:underline">
              {comments.unresolved === 0 ? "No open comments" : `${comments.unresolved} open comment${comments.unresolved === 1 ? "" : "s"}`}
            </a>
          </div>
        </div>
        <Link href={versionPath} className={buttonClass("secondary", "sm")}>Version page</Link>
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Model card" description={facts.card.revision === null ? "No card saved for this version." : `Revision ${facts.card.revision}, measured against the ${o.state.tier ? `${o.state.tier}-risk` : "high-risk"} requirements.`}>
            <div className="space-y-3">
              <CompletenessMeter percent={facts.card.completeness.percent} band={facts.card.completeness.band} size="lg" />
              {facts.card.completeness.missing.length > 0 && (
                <p className="text-sm text-ink-muted">{facts.card.completeness.missing.length} required field{facts.card.completeness.missing.length === 1 ? " is" : "s are"} missing.</p>
              )}
              <Link href={`${versionPath}/card`} className="text-sm font-medium text-brand hover:underline">Read the model card</Link>
            </div>
          </Card>

          <Card
            title="Changes since the last approved version"
            description={approvedBefore ? `Compared with version ${approvedBefore.version.version}, card revision ${approvedBefore.card?.revision ?? "—"} as approved.` : undefined}
          >
            {!approvedBefore ? (
              <p className="text-sm text-ink-muted">No earlier version of this model has been approved, so there is nothing to compare with: review every field of the card below.</p>
            ) : changes!.length === 0 ? (
              <p className="text-sm text-ink-muted">No card field differs from the card approved for version {approvedBefore.version.version}.</p>
            ) : (
              <CardDiff changes={changes!} fromLabel={`version ${approvedBefore.version.version}`} toLabel={`version ${version.version}`} />
            )}
          </Card>

          <section id="review-comments" aria-labelledby="review-comments-heading" className="scroll-mt-20 rounded-lg border border-line bg-surface shadow-xs">
            <header className="flex items-start justify-between gap-3 border-b border-line px-5 py-4">
              <div className="min-w-0">
                <h2 id="review-comments-heading" className="text-base font-semibold">Card fields and comments</h2>
                <p className="mt-0.5 text-sm text-ink-muted">
                  {comments.canComment ? "Comment on a field to ask the owner for a change; comments are not part of the dossier and do not affect approvals." : "Reviewers' comments on the card, field by field, with the owner's answers."}
                </p>
              </div>
              <Badge tone={comments.unresolved > 0 ? "danger" : "neutral"}>{comments.unresolved} open</Badge>
            </header>
            <div className="p-5">
              {card ? (
                <CardFieldReview api={versionApi(model.slug, version.version)} content={card.content} changes={changes} threads={comments.threads} canComment={comments.canComment} />
              ) : (
                <p className="text-sm text-ink-muted">No card has been saved for this version yet: there is nothing to comment on until its owner saves one.</p>
              )}
            </div>
          </section>

          <Card title="Risk classification">
            {classification ? (
              <div className="space-y-3 text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <RiskTierBadge tier={classification.finalTier} />
                  <Badge tone={classification.status === "overridden" ? "warning" : "success"}>{classification.status === "overridden" ? "Overridden" : "Confirmed"}</Badge>
                  {facts.classification.needsReview && <Badge tone="danger">Needs review</Badge>}
                  {classification.decidedByEmail && <span className="text-ink-muted">by {classification.decidedByEmail}{classification.decidedAt ? `, ${formatDateTime(classification.decidedAt)}` : ""}</span>}
                </div>
                <Section label="Rationale"><p className="whitespace-pre-wrap break-words">{classification.rationale || "—"}</p></Section>
                {classification.overrideJustification && <Section label="Override justification"><p className="whitespace-pre-wrap break-words">{classification.overrideJustification}</p></Section>}
                {legalBasis.length > 0 && (
                  <Section label="Legal basis">
                    <ul className="flex flex-wrap gap-1.5">{legalBasis.map((b, i) => <li key={i}><Badge>{[b.article, b.point].filter(Boolean).join(" ")}</Badge></li>)}</ul>
                  </Section>
                )}
                <Link href={`/models/${slug}/risk`} className="inline-block font-medium text-brand hover:underline">Open the risk tab</Link>
              </div>
            ) : (
              <p className="text-sm text-ink-muted">
                {facts.classification.status === "proposed" ? "A classification is proposed but not yet confirmed by a compliance officer." : "The model has no risk classification yet."}{" "}
                <Link href={`/models/${slug}/risk`} className="font-medium text-brand hover:underline">Open the risk tab</Link>
              </p>
            )}
          </Card>

          <Card title="Evaluations" description="The latest evaluation of each name counts in the dossier.">
            <DossierEvaluations evaluations={dossierEvaluations} versionPath={versionPath} />
          </Card>

          <Card title="Obligations" description={o.state.tier === "high" ? "High risk: each must be met, or not applicable with a note." : undefined}>
            {applicable.length === 0 ? (
              <p className="text-sm text-ink-muted">No obligations apply{o.state.tier ? "" : " until the model is classified"}.</p>
            ) : (
              <ul className="divide-y divide-line text-sm">
                {applicable.map((ob) => (
                  <li key={ob.id ?? ob.article} className="py-2">
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <span className="font-medium">{ob.article} <span className="font-normal text-ink-muted">{(OBLIGATION_TITLES as Record<string, string | undefined>)[ob.article] ?? ""}</span></span>
                      <Badge tone={OBLIGATION_TONES[ob.status] ?? "neutral"}>{obligationStatusPhrase(ob.status)}</Badge>
                    </div>
                    {ob.note && <p className="mt-1 whitespace-pre-wrap break-words text-ink-muted">{ob.note}</p>}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>

        <div className="space-y-6">
          <Card title={periodic ? "Approvals in this periodic review" : "Approvals"} description={periodic ? "The approvals the version stands on remain valid until this review is decided." : undefined}>
            {o.request ? <ApprovalsList decisions={o.decisions} currentHash={o.state.hash} required={o.gate.approvalsRequired} /> : <p className="text-sm text-ink-muted">No review yet: nothing has been decided on this version.</p>}
          </Card>
          <Card title="Deployment gate">
            <GateStatus gate={o.gate} />
          </Card>
          {mayDecide && (
            <Card title="Your decision" description={decidable ? (periodic ? "Periodic review: approving renews the approval; requesting changes or rejecting takes the version out of service." : "Approve, request changes or reject this dossier.") : undefined}>
              {decidable ? (
                <DecisionForm api={versionApi(model.slug, version.version)} dossierHash={o.state.hash} pageHref={`/models/${slug}/reviews?version=${encodeURIComponent(version.version)}`} />
              ) : (
                <p className="text-sm text-ink-muted">Only a version in review can be decided on; this one is {version.stage.replace("_", " ")}.</p>
              )}
            </Card>
          )}
          {mayStartPeriodic && (
            <Card title="Periodic review" description={daysToReview! < 0 ? "The periodic review is overdue: the deployment gate refuses this version until it is reviewed again." : `The periodic review is due in ${daysToReview} day${daysToReview === 1 ? "" : "s"}.`}>
              <StartPeriodicReview slug={model.slug} version={version.version} />
            </Card>
          )}
        </div>
      </div>
    </>
  );
}

function Section({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <p className="text-xs font-semibold uppercase tracking-wide text-ink-muted">{label}</p>
      <div className="mt-1">{children}</div>
    </div>
  );
}
