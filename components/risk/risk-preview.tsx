"use client";

import { RiskTierBadge, TIERS } from "@/components/models/risk-tier-badge";
import type { TRiskEvaluation } from "@/lib/domain/risk/ruleset";

/** What the answers so far lead to, recomputed on every change by the same pure ruleset the server runs. */
export function RiskPreview({ result }: { result: TRiskEvaluation | null }) {
  const basis = result?.legalBasis ?? [];
  const summary = result
    ? `Preview: ${TIERS[result.tier].label}${basis.length ? `, under ${basis.map((b) => [b.article, b.point].filter(Boolean).join(" ")).join("; ")}` : ""}.`
    : "Choose your role to see a preview of the result.";
  return (
    <section aria-labelledby="risk-preview-heading" className="rounded-lg border border-line bg-surface p-4 shadow-xs">
      <h3 id="risk-preview-heading" className="text-xs font-semibold uppercase tracking-wider text-ink-muted">Result so far</h3>
      <p aria-live="polite" className="sr-only">{summary}</p>
      {result ? (
        <div className="mt-2 space-y-3">
          <div className={result.tier === "prohibited" ? "rounded-md bg-danger-soft p-2" : undefined}>
            <RiskTierBadge tier={result.tier} />
          </div>
          {basis.length === 0 ? (
            <p className="text-sm text-ink-muted">No rule of Art. 5, Art. 6 or Art. 50 applies yet.</p>
          ) : (
            <ul className="space-y-2">
              {basis.map((b, i) => (
                <li key={i} className="text-xs">
                  <p className="font-semibold text-ink">{[b.article, b.point].filter(Boolean).join(" ")}</p>
                  <p className="line-clamp-3 text-ink-muted" title={b.text}>{b.text}</p>
                </li>
              ))}
            </ul>
          )}
          <p className="border-t border-line pt-2 text-xs text-ink-muted">
            {result.obligations.length === 0 ? "No obligations would follow." : `${result.obligations.length} obligations would follow: ${result.obligations.map((o) => o.article).join(", ")}.`}
          </p>
        </div>
      ) : (
        <p className="mt-2 text-sm text-ink-muted">Choose your role in the first step to see the tier and its legal basis here.</p>
      )}
    </section>
  );
}
