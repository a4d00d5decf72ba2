"use client";

import { useEffect, useRef, useState } from "react";
import { TIERS } from "@/components/models/risk-tier-badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { TRiskAnswers, TRiskTier } from "@/lib/domain/risk/ruleset";
import { Questionnaire } from "./questionnaire";
import type { TChangedQuestion } from "./risk-api";

type Props = {
  slug: string;
  /** The answers of the newest classification, so a reclassification starts from what was said before. */
  previousAnswers: Partial<TRiskAnswers> | null;
  previousChanged: TChangedQuestion[];
  /** An unclassified model opens straight into the questionnaire; a classified one behind "Reclassify". */
  startOpen: boolean;
};

export function ClassifyPanel({ slug, previousAnswers, previousChanged, startOpen }: Props) {
  const [open, setOpen] = useState(startOpen);
  const [proposed, setProposed] = useState<TRiskTier | null>(null);
  const [session, setSession] = useState(0);
  const doneRef = useRef<HTMLDivElement>(null);
  const reclassified = previousAnswers !== null;

  useEffect(() => {
    if (proposed) doneRef.current?.focus();
  }, [proposed]);

  return (
    <section aria-labelledby="questionnaire-heading" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="questionnaire-heading" className="text-lg font-semibold">{reclassified ? "Risk questionnaire" : "Classify this model"}</h2>
          <p className="mt-0.5 max-w-3xl text-sm text-ink-muted">
            Answer for the system as it is intended to be used. The answers are evaluated by the ruleset on the server; a compliance officer then confirms the tier or overrides it.
          </p>
        </div>
        {!open && (
          <Button
            variant="secondary"
            onClick={() => {
              setProposed(null);
              setSession((n) => n + 1);
              setOpen(true);
            }}
          >
            {reclassified ? "Reclassify" : "Classify"}
          </Button>
        )}
        {open && reclassified && <Button variant="ghost" onClick={() => setOpen(false)}>Cancel</Button>}
      </div>
      {proposed && (
        <div ref={doneRef} tabIndex={-1} className="outline-none">
          <Alert tone="success" title={`Proposed: ${TIERS[proposed].label}`}>
            The classification is recorded and waits for a compliance officer to confirm or override it. It is shown above.
          </Alert>
        </div>
      )}
      {open && (
        <Questionnaire
          key={session}
          slug={slug}
          initialAnswers={previousAnswers ?? {}}
          initialChanged={previousChanged}
          focusOnOpen={session > 0}
          onProposed={(tier) => {
            setProposed(tier);
            setOpen(false);
          }}
        />
      )}
    </section>
  );
}
