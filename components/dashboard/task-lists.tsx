import Link from "next/link";
import type { ReactNode } from "react";
import { RiskTierBadge } from "@/components/models/risk-tier-badge";
import { preconditionHref } from "@/components/reviews/links";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatDate, formatDateTime } from "@/components/ui/format";
import type { TPrecondition } from "@/lib/domain/approvals/policy";
import type { TOwnerTask, TOwnerTaskKind, TReviewTask } from "@/lib/services/dashboard/queries";

const versionHref = (slug: string, version: string) => `/models/${encodeURIComponent(slug)}/versions/${encodeURIComponent(version)}`;
const reviewHref = (slug: string, version: string) => `/models/${encodeURIComponent(slug)}/reviews?version=${encodeURIComponent(version)}`;
const DAY_MS = 86_400_000;

/** "3 days", "today": how long something has waited, in words. */
function waited(since: Date, now: Date): string {
  const days = Math.floor((now.getTime() - since.getTime()) / DAY_MS);
  return days <= 0 ? "today" : days === 1 ? "1 day" : `${days} days`;
}

function TaskItem({ href, title, meta, badge }: { href: string; title: string; meta: ReactNode; badge?: ReactNode }) {
  return (
    <li className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2.5">
      <div className="min-w-0">
        <Link href={href} className="text-sm font-medium text-ink hover:text-brand hover:underline">{title}</Link>
        <p className="break-words text-xs text-ink-muted">{meta}</p>
      </div>
      {badge}
    </li>
  );
}

function Section({ title, count, children, more }: { title: string; count: number; children: ReactNode; more?: ReactNode }) {
  return (
    <section aria-label={title}>
      <h3 className="flex items-center gap-2 text-sm font-semibold text-ink">
        {title}
        <span className="rounded-full bg-slate-100 px-2 text-xs font-medium tabular-nums text-ink-muted">{count}</span>
      </h3>
      {children}
      {more}
    </section>
  );
}

/** What a compliance officer must review: open requests oldest first, then overdue periodic reviews. */
export function OfficerTasks({ reviews, reviewsTotal, overdue, overdueTotal, now }: { reviews: TReviewTask[]; reviewsTotal: number; overdue: TReviewTask[]; overdueTotal: number; now: Date }) {
  const queueLink = (n: number, shown: number) =>
    n > shown ? <p className="mt-1 text-xs"><Link href="/reviews" className="font-medium text-brand hover:underline">See all {n} in the review queue</Link></p> : null;
  return (
    <Card title="Waiting for your review" description="Submissions and periodic reviews in progress, oldest first, and approved versions whose periodic review has fallen due and not been started." actions={<Link href="/reviews" className="text-sm font-medium text-brand hover:underline">Open the review queue</Link>}>
      <div className="grid gap-6 md:grid-cols-2">
        <Section title="Review requests" count={reviewsTotal} more={queueLink(reviewsTotal, reviews.length)}>
          {reviews.length === 0 ? (
            <p className="mt-2 text-sm text-ink-muted">No review is waiting. Owners' submissions and periodic reviews you start appear here, oldest first.</p>
          ) : (
            <ul className="divide-y divide-line">
              {reviews.map((r) => (
                <TaskItem
                  key={`${r.slug}@${r.version}`}
                  href={reviewHref(r.slug, r.version)}
                  title={`${r.modelName} ${r.version}`}
                  meta={<>{r.reason === "periodic" ? "Periodic review started by" : "Submitted by"} {r.submittedBy ?? "—"} · waiting {waited(r.since, now)}</>}
                  badge={<RiskTierBadge tier={r.tier} />}
                />
              ))}
            </ul>
          )}
        </Section>
        <Section title="Overdue re-reviews" count={overdueTotal} more={queueLink(overdueTotal, overdue.length)}>
          {overdue.length === 0 ? (
            <p className="mt-2 text-sm text-ink-muted">No periodic review is overdue.</p>
          ) : (
            <ul className="divide-y divide-line">
              {overdue.map((r) => (
                <TaskItem
                  key={`${r.slug}@${r.version}`}
                  href={versionHref(r.slug, r.version)}
                  title={`${r.modelName} ${r.version}`}
                  meta={<>Review was due {formatDate(r.since)} · overdue {waited(r.since, now)}</>}
                  badge={<RiskTierBadge tier={r.tier} />}
                />
              ))}
            </ul>
          )}
        </Section>
      </div>
    </Card>
  );
}

const OWNER_TASK: Record<TOwnerTaskKind, { label: string; tone: BadgeTone }> = {
  changes_requested: { label: "Changes requested", tone: "warning" },
  rejected: { label: "Rejected", tone: "danger" },
  approval_invalidated: { label: "Approval invalidated", tone: "danger" },
  review_overdue: { label: "Review overdue", tone: "warning" },
};

const SHOWN_OWNER_TASKS = 10;

type Draft = { slug: string; modelName: string; version: string; unmet: TPrecondition[] };

/** What a model owner must fix: decisions that sent work back, invalidated approvals, overdue reviews, and drafts not yet ready. */
export function OwnerTasks({ tasks, drafts }: { tasks: TOwnerTask[]; drafts: Draft[] }) {
  const notReady = drafts.filter((d) => d.unmet.length > 0);
  const ready = drafts.filter((d) => d.unmet.length === 0);
  return (
    <Card title="Your models: what to fix" description="Versions sent back or invalidated, reviews that fell due, and drafts with what they still need before you can submit them.">
      {tasks.length === 0 && drafts.length === 0 ? (
        <p className="text-sm text-ink-muted">
          Nothing to fix. Register a model or add a version from <Link href="/models" className="font-medium text-brand hover:underline">Models</Link>; what it needs before review will be listed here.
        </p>
      ) : (
        <div className="grid gap-6 md:grid-cols-2">
          <Section title="Sent back to you" count={tasks.length}>
            {tasks.length === 0 ? (
              <p className="mt-2 text-sm text-ink-muted">No version was sent back, invalidated or fell due for review.</p>
            ) : (
              <ul className="divide-y divide-line">
                {tasks.slice(0, SHOWN_OWNER_TASKS).map((task) => (
                  <TaskItem
                    key={`${task.kind}:${task.slug}@${task.version}`}
                    href={task.kind === "review_overdue" ? versionHref(task.slug, task.version) : reviewHref(task.slug, task.version)}
                    title={`${task.modelName} ${task.version}`}
                    meta={<>{task.detail} · {formatDateTime(task.at)}</>}
                    badge={<Badge tone={OWNER_TASK[task.kind].tone}>{OWNER_TASK[task.kind].label}</Badge>}
                  />
                ))}
              </ul>
            )}
            {tasks.length > SHOWN_OWNER_TASKS && <p className="mt-1 text-xs text-ink-muted">…and {tasks.length - SHOWN_OWNER_TASKS} older ones, on their models' pages in <Link href="/models" className="font-medium text-brand hover:underline">Models</Link>.</p>}
          </Section>
          <Section title="Newest drafts" count={drafts.length}>
            {drafts.length === 0 ? (
              <p className="mt-2 text-sm text-ink-muted">No drafts. A new version starts as a draft.</p>
            ) : (
              <ul className="divide-y divide-line">
                {notReady.map((d) => (
                  <li key={`${d.slug}@${d.version}`} className="py-2.5">
                    <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                      <Link href={versionHref(d.slug, d.version)} className="text-sm font-medium text-ink hover:text-brand hover:underline">{d.modelName} {d.version}</Link>
                      <Badge tone="neutral">{d.unmet.length === 1 ? "1 thing missing" : `${d.unmet.length} things missing`}</Badge>
                    </div>
                    <ul className="mt-1 space-y-0.5 text-xs text-ink-muted">
                      {d.unmet.slice(0, 3).map((p) => (
                        <li key={`${p.code}:${p.link.anchor ?? ""}`}>
                          <Link href={preconditionHref(d.slug, d.version, p.link)} className="hover:text-brand hover:underline">{p.message}</Link>
                        </li>
                      ))}
                      {d.unmet.length > 3 && <li>…and {d.unmet.length - 3} more on the version page.</li>}
                    </ul>
                  </li>
                ))}
                {ready.map((d) => (
                  <TaskItem key={`${d.slug}@${d.version}`} href={versionHref(d.slug, d.version)} title={`${d.modelName} ${d.version}`} meta="Every precondition is met: submit it for review." badge={<Badge tone="success">Ready to submit</Badge>} />
                ))}
              </ul>
            )}
          </Section>
        </div>
      )}
    </Card>
  );
}

type News = {
  documents: { id: string; kind: string; slug: string | null; version: string | null; issuedAt: Date; issuedBy: string }[];
  documentsTotal: number;
  decisions: { decision: string; slug: string; modelName: string; version: string; by: string; at: Date }[];
  decisionsTotal: number;
};

const DECISION_LABELS: Record<string, { label: string; tone: BadgeTone }> = {
  approve: { label: "Approved", tone: "success" },
  request_changes: { label: "Changes requested", tone: "warning" },
  reject: { label: "Rejected", tone: "danger" },
};

/** What is new for an auditor since they last signed in: documents issued and review decisions. */
export function AuditorNews({ news, since, sinceLabel }: { news: News; since: Date; sinceLabel: string }) {
  return (
    <Card title={`New since ${sinceLabel}`} description={`Documents issued and review decisions taken since ${formatDateTime(since)}.`} actions={<Link href="/audit" className="text-sm font-medium text-brand hover:underline">Open the audit log</Link>}>
      <div className="grid gap-6 md:grid-cols-2">
        <Section title="Documents issued" count={news.documentsTotal}>
          {news.documents.length === 0 ? (
            <p className="mt-2 text-sm text-ink-muted">No documents were issued. Technical documentation is issued from a version's page.</p>
          ) : (
            <ul className="divide-y divide-line">
              {news.documents.map((d) => (
                <TaskItem
                  key={d.id}
                  href={d.slug && d.version ? versionHref(d.slug, d.version) : "/documents/verify"}
                  title={d.slug ? `${d.slug} ${d.version ?? ""}`.trim() : "Portfolio report"}
                  meta={<><span className="font-mono">{d.id}</span> · {d.issuedBy} · {formatDateTime(d.issuedAt)}</>}
                />
              ))}
            </ul>
          )}
        </Section>
        <Section title="Review decisions" count={news.decisionsTotal}>
          {news.decisions.length === 0 ? (
            <p className="mt-2 text-sm text-ink-muted">No review decisions were taken.</p>
          ) : (
            <ul className="divide-y divide-line">
              {news.decisions.map((d) => (
                <TaskItem
                  key={`${d.slug}@${d.version}:${d.at.toISOString()}:${d.by}`}
                  href={reviewHref(d.slug, d.version)}
                  title={`${d.modelName} ${d.version}`}
                  meta={<>{d.by} · {formatDateTime(d.at)}</>}
                  badge={<Badge tone={DECISION_LABELS[d.decision]?.tone ?? "neutral"}>{DECISION_LABELS[d.decision]?.label ?? d.decision}</Badge>}
                />
              ))}
            </ul>
          )}
        </Section>
      </div>
    </Card>
  );
}
