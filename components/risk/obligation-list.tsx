import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import { formatDate } from "@/components/ui/format";
import { obligationAnchor } from "@/lib/domain/approvals/policy";
import { appliesToday, formatLegalDate, IN_FORCE, type TIsoDate } from "@/lib/domain/risk/dates";
import type { obligationsOfModel } from "@/lib/services/risk/queries";
import { EvidenceList } from "./evidence-list";
import { FrameworkChips } from "./framework-chips";
import { ObligationActions } from "./obligation-actions";
import { CLOSED_STATUSES, groupObligations, obligationStatus } from "./vocabulary";

export type TModelObligation = Awaited<ReturnType<typeof obligationsOfModel>>[number];

/** The obligations in force, grouped by kind of duty; those a reclassification left behind, collapsed at the end. */
export function ObligationList({ obligations, today, canEdit }: { obligations: TModelObligation[]; today: TIsoDate; canEdit: boolean }) {
  const applicable = obligations.filter((o) => o.applicable);
  const former = obligations.filter((o) => !o.applicable);
  return (
    <div className="space-y-6">
      {groupObligations(applicable).map((group) => (
        <section key={group.title} aria-label={group.title} className="space-y-3">
          <h3 className="text-xs font-semibold uppercase tracking-wider text-ink-muted">{group.title}</h3>
          {group.items.map((o) => (
            <ObligationItem key={o.id} obligation={o} today={today} canEdit={canEdit} />
          ))}
        </section>
      ))}
      {former.length > 0 && (
        <details className="rounded-lg border border-line bg-surface shadow-xs">
          <summary className="cursor-pointer px-5 py-3 text-sm font-semibold text-ink hover:bg-slate-50">
            No longer applicable after reclassification ({former.length})
          </summary>
          <ul className="divide-y divide-line border-t border-line">
            {former.map((o) => {
              const status = obligationStatus(o.status);
              return (
                <li key={o.id} className="space-y-2 px-5 py-3 text-sm">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-semibold">{o.article}</span>
                    <span>{o.title}</span>
                    <Badge tone={status.tone}>{status.label}</Badge>
                  </p>
                  {o.note && <p className="whitespace-pre-line break-words text-ink-muted">{o.note}</p>}
                  {o.evidence.length > 0 && <EvidenceList evidence={o.evidence} article={o.article} />}
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </div>
  );
}

function ObligationItem({ obligation: o, today, canEdit }: { obligation: TModelObligation; today: TIsoDate; canEdit: boolean }) {
  const status = obligationStatus(o.status);
  const appliesNow = appliesToday(o, today);
  const overdue = o.dueDate !== null && o.dueDate < today && !CLOSED_STATUSES.includes(o.status);
  // The submission checklist's "Fix this" links here (policy.ts obligationAnchor).
  const headingId = obligationAnchor(o.id);
  const checklist = o.checklist as string[];
  return (
    <article aria-labelledby={headingId} className={cx("rounded-lg border bg-surface shadow-xs", overdue ? "border-red-300" : "border-line")}>
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-line px-5 py-3">
        <h4 id={headingId} className="min-w-0 text-sm font-semibold text-ink">
          <span className="mr-2">{o.article}</span>
          <span className="font-medium">{o.title}</span>
        </h4>
        <div className="flex flex-wrap items-center gap-1.5">
          <Badge tone={status.tone}>{status.label}</Badge>
          {appliesNow ? <Badge tone="accent">Applies now</Badge> : <Badge tone="neutral">Applies from {formatLegalDate(o.appliesFrom)}</Badge>}
        </div>
      </header>
      <div className="space-y-4 px-5 py-4">
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <div className="flex gap-1.5">
            <dt className="text-ink-muted">Owner</dt>
            <dd className="font-medium">{o.ownerEmail ? <span title={o.ownerEmail}>{o.ownerName ?? o.ownerEmail}</span> : <span className="font-normal text-ink-muted">Nobody yet</span>}</dd>
          </div>
          <div className="flex gap-1.5">
            <dt className="text-ink-muted">Due</dt>
            <dd className={cx("font-medium", overdue && "text-danger")}>
              {o.dueDate ? <time dateTime={o.dueDate}>{formatDate(o.dueDate)}</time> : <span className="font-normal text-ink-muted">No date</span>}
              {overdue && " · overdue"}
            </dd>
          </div>
          <div className="flex gap-1.5">
            <dt className="text-ink-muted">Applies from</dt>
            <dd>
              {formatLegalDate(o.appliesFrom)}
              {o.legalStatus !== IN_FORCE && <span className="text-warning"> (2026 omnibus, {o.legalStatus})</span>}
            </dd>
          </div>
        </dl>
        {o.note && (
          <p className="whitespace-pre-line break-words rounded-md bg-slate-50 px-3 py-2 text-sm text-ink">
            <span className="font-medium text-ink-muted">Note: </span>
            {o.note}
          </p>
        )}
        <div className="grid gap-5 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div>
            <h5 className="text-xs font-semibold uppercase tracking-wide text-ink-muted">What it asks</h5>
            <ul className="mt-1.5 list-disc space-y-1 pl-5 text-sm text-ink marker:text-slate-400">
              {checklist.map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ul>
          </div>
          <div className="space-y-4">
            <div>
              <h5 className="text-xs font-semibold uppercase tracking-wide text-ink-muted">Evidence ({o.evidence.length})</h5>
              <div className="mt-1.5"><EvidenceList evidence={o.evidence} article={o.article} /></div>
            </div>
            <div>
              <h5 className="text-xs font-semibold uppercase tracking-wide text-ink-muted">Framework counterparts</h5>
              <div className="mt-1.5"><FrameworkChips article={o.article} /></div>
            </div>
          </div>
        </div>
        {canEdit && (
          <div className="border-t border-line pt-3">
            <ObligationActions obligation={{ id: o.id, article: o.article, status: o.status, note: o.note, ownerEmail: o.ownerEmail, dueDate: o.dueDate }} />
          </div>
        )}
      </div>
    </article>
  );
}
