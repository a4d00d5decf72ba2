import { RiskTierBadge } from "@/components/models/risk-tier-badge";
import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import { formatDateTime } from "@/components/ui/format";
import type { TRiskClassification } from "@/db/schema";
import { CLASSIFICATION_STATUSES } from "./vocabulary";

const DOT: Record<string, string> = {
  confirmed: "bg-success ring-success-soft",
  overridden: "bg-amber-500 ring-warning-soft",
  proposed: "bg-brand ring-brand-soft",
  superseded: "bg-slate-400 ring-slate-100",
};

/** Every classification of the model, newest first: what was computed, what was decided, by whom and why. */
export function ClassificationHistory({ records }: { records: TRiskClassification[] }) {
  return (
    <ol className="rounded-lg border border-line bg-surface shadow-xs">
      {records.map((record) => {
        const status = CLASSIFICATION_STATUSES[record.status] ?? { label: record.status, tone: "neutral" as const };
        const overridden = record.finalTier !== null && record.finalTier !== record.computedTier;
        return (
          <li key={record.id} className="flex gap-4 border-b border-line px-5 py-4 last:border-b-0">
            <span aria-hidden className={cx("mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full ring-4", DOT[record.status] ?? DOT.superseded)} />
            <div className="min-w-0 flex-1 space-y-1.5 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={status.tone}>{status.label}</Badge>
                <span className="text-ink-muted">Final</span>
                {record.finalTier ? <RiskTierBadge tier={record.finalTier} /> : <span className="text-ink-muted">not decided</span>}
                <span className="text-ink-muted">· computed</span>
                <RiskTierBadge tier={record.computedTier} />
                {record.needsReview && <Badge tone="warning">Needs review</Badge>}
              </div>
              <dl className="grid gap-x-6 gap-y-0.5 text-ink sm:grid-cols-2">
                <div>
                  <dt className="inline text-ink-muted">Proposed </dt>
                  <dd className="inline">by <span className="font-medium">{record.proposedByEmail}</span> on <time dateTime={record.proposedAt.toISOString()}>{formatDateTime(record.proposedAt)}</time></dd>
                </div>
                <div>
                  <dt className="inline text-ink-muted">Decided </dt>
                  <dd className="inline">
                    {record.decidedAt ? (
                      <>by <span className="font-medium">{record.decidedByEmail}</span> on <time dateTime={record.decidedAt.toISOString()}>{formatDateTime(record.decidedAt)}</time></>
                    ) : (
                      "not yet"
                    )}
                  </dd>
                </div>
              </dl>
              {record.overrideJustification && (
                <p className="break-words text-ink">
                  <span className="text-ink-muted">{overridden ? "Override justification: " : "Justification: "}</span>
                  <q className="whitespace-pre-line">{record.overrideJustification}</q>
                </p>
              )}
              {record.needsReview && record.needsReviewReason && <p className="text-warning">{record.needsReviewReason}</p>}
              <p className="font-mono text-xs text-ink-muted">{record.rulesetVersion}</p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
