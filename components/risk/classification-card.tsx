import type { ReactNode } from "react";
import { TIERS, type RiskTier } from "@/components/models/risk-tier-badge";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format";
import type { TRiskClassification } from "@/db/schema";
import { TRANSPARENCY_TRIGGER_TEXTS, type TTransparencyTrigger } from "@/lib/domain/risk/act";
import type { TLegalBasis, TRiskFlags } from "@/lib/domain/risk/ruleset";
import { DecisionPanel } from "./decision-panel";
import { TierHeadline } from "./tier-headline";

export const tierLabel = (tier: string | null) => TIERS[(tier ?? "unclassified") as RiskTier]?.label ?? tier ?? "Unclassified";

/** Who decided it, or that nobody has yet: the first thing a reader of a classification asks. */
export function decisionLine(record: TRiskClassification): string {
  const when = record.decidedAt ? formatDateTime(record.decidedAt) : "";
  switch (record.status) {
    case "confirmed":
      return `Confirmed by ${record.decidedByEmail} on ${when}`;
    case "overridden":
      return `Overridden by ${record.decidedByEmail} on ${when}`;
    case "superseded":
      return record.decidedByEmail ? `Decided by ${record.decidedByEmail} on ${when}; superseded by a later decision` : "Superseded by a later decision";
    default:
      return "Proposed, awaiting a compliance officer";
  }
}

/** One classification as the Risk tab's headline: tier, who decided it, the legal basis, the rationale and the flags. */
export function ClassificationCard({ record, title, slug, canDecide }: { record: TRiskClassification; title: string; slug: string; canDecide: boolean }) {
  const tier = record.finalTier ?? record.computedTier;
  const basis = record.legalBasis as TLegalBasis[];
  const flags = record.flags as TRiskFlags;
  const headingId = `classification-${record.id}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-line bg-surface shadow-xs">
      <header className="flex flex-wrap items-start justify-between gap-4 border-b border-line px-5 py-4">
        <div className="space-y-2">
          <h2 id={headingId} className="text-base font-semibold">{title}</h2>
          <TierHeadline tier={tier} />
        </div>
        <div className="text-right text-sm">
          <p className="font-medium text-ink">{decisionLine(record)}</p>
          <p className="mt-0.5 text-ink-muted">Proposed by {record.proposedByEmail} on {formatDateTime(record.proposedAt)}</p>
          {record.status === "overridden" && <p className="mt-0.5 text-ink-muted">The ruleset computed {tierLabel(record.computedTier)}</p>}
        </div>
      </header>

      <div className="space-y-5 p-5">
        {record.needsReview && (
          <Alert tone="warning" title="Needs review">
            {record.needsReviewReason ?? "Something the classification rests on changed."} Reclassify to bring it up to date.
          </Alert>
        )}
        {tier === "prohibited" && (
          <Alert tone="danger" title="Prohibited AI practice (Art. 5)">
            This model must not be placed on the market, put into service or used in the EU, and it can never be approved.
          </Alert>
        )}
        {record.overrideJustification && (
          <figure className="rounded-md border-l-4 border-amber-400 bg-warning-soft/50 px-4 py-3">
            <figcaption className="text-xs font-semibold uppercase tracking-wide text-warning">Why the tier was overridden</figcaption>
            <blockquote className="mt-1 whitespace-pre-line break-words text-sm text-ink">{record.overrideJustification}</blockquote>
          </figure>
        )}

        <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="space-y-5">
            <div>
              <h3 className="text-sm font-semibold text-ink">Legal basis</h3>
              <LegalBasisList basis={basis} />
            </div>
            <div>
              <h3 className="text-sm font-semibold text-ink">Rationale</h3>
              <div className="mt-2 space-y-2 text-sm leading-6 text-ink">
                {record.rationale.split(/\n{2,}/).map((paragraph, i) => (
                  <p key={i} className="break-words">{paragraph}</p>
                ))}
              </div>
            </div>
          </div>
          <FlagList flags={flags} rulesetVersion={record.rulesetVersion} />
        </div>
      </div>

      {record.status === "proposed" && canDecide && (
        <div className="border-t border-line bg-slate-50/60 px-5 py-4">
          <DecisionPanel slug={slug} classificationId={record.id} computedTier={record.computedTier} />
        </div>
      )}
    </section>
  );
}

export function LegalBasisList({ basis }: { basis: readonly TLegalBasis[] }) {
  if (basis.length === 0) return <p className="mt-2 text-sm text-ink-muted">No rule of Art. 5, Art. 6 or Art. 50 applies.</p>;
  return (
    <ul className="mt-2 divide-y divide-line rounded-md border border-line">
      {basis.map((b, i) => (
        <li key={i} className="px-3 py-2.5 text-sm">
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-semibold text-ink">{b.article}</span>
            {b.point && <span className="font-medium text-ink-muted">{b.point}</span>}
            {b.legalStatus && <Badge tone="warning">{b.legalStatus}</Badge>}
          </p>
          <p className="mt-0.5 break-words text-ink">{b.text}</p>
        </li>
      ))}
    </ul>
  );
}

function FlagList({ flags, rulesetVersion }: { flags: TRiskFlags; rulesetVersion: string }) {
  return (
    <dl className="h-fit divide-y divide-line rounded-md border border-line bg-slate-50/60 text-sm">
      <Flag label="General-purpose AI model">{flags.gpai ? "Yes (Art. 53)" : "No"}</Flag>
      <Flag label="Systemic risk">{flags.gpaiSystemicRisk ? <span className="font-semibold text-danger">Yes (Art. 55)</span> : "No"}</Flag>
      <Flag label="Transparency duties">
        {flags.transparency.length === 0 ? (
          "None"
        ) : (
          <ul className="space-y-0.5">
            {flags.transparency.map((t) => (
              <li key={t}>Art. {t}: {TRANSPARENCY_TRIGGER_TEXTS[t as TTransparencyTrigger]?.title ?? ""}</li>
            ))}
          </ul>
        )}
      </Flag>
      <Flag label="Art. 6(3) derogation relied on">
        {flags.derogationApplied ? (
          <span>
            <span className="font-semibold text-warning">Yes</span> — must be documented (Art. 6(4)) and registered (Art. 49(2))
          </span>
        ) : (
          "No"
        )}
      </Flag>
      <Flag label="Ruleset">
        <code className="break-all font-mono text-xs">{rulesetVersion}</code>
      </Flag>
    </dl>
  );
}

function Flag({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-3 px-3 py-2.5">
      <dt className="text-ink-muted">{label}</dt>
      <dd className="text-ink">{children}</dd>
    </div>
  );
}
