import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getDb } from "@/db/instance";
import { currentModel } from "@/components/models/current-model";
import { ClassificationCard } from "@/components/risk/classification-card";
import { ClassificationHistory } from "@/components/risk/classification-history";
import { ClassifyPanel } from "@/components/risk/classify-panel";
import { KeyDates } from "@/components/risk/key-dates";
import { ObligationList } from "@/components/risk/obligation-list";
import { EmptyState } from "@/components/ui/empty-state";
import { allows } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { appliesToday, isoDate } from "@/lib/domain/risk/dates";
import { changedQuestionsSince, isStaleRulesetVersion } from "@/lib/domain/risk/questionnaire";
import type { TRiskAnswers } from "@/lib/domain/risk/ruleset";
import { isOwnerOrMaintainer } from "@/lib/services/models/queries";
import { classificationHistory, currentClassification, obligationsOfModel } from "@/lib/services/risk/queries";

export const metadata = { title: "Risk" };

type Params = { params: Promise<{ slug: string }> };

/** The model's EU AI Act classification, the questionnaire behind it, its obligations and its history. */
export default async function ModelRiskPage({ params }: Params) {
  const actor = await requireActor("models.read");
  const model = await currentModel((await params).slug);
  if (!model) notFound();
  const db = await getDb();
  const [history, inForce, obligations, ownsModel] = await Promise.all([
    classificationHistory(db, model.id),
    currentClassification(db, model.id),
    obligationsOfModel(db, model.id),
    isOwnerOrMaintainer(db, model, actor.userId),
  ]);

  // The same rules the verbs apply: officers act on any model, owners only on models they own or maintain.
  const officer = actor.roles.includes("compliance_officer");
  const canPropose = allows(actor.roles, "risk.propose") && (officer || ownsModel);
  const canDecide = allows(actor.roles, "risk.decide");
  const canEditObligations = allows(actor.roles, "obligations.write") && (officer || ownsModel);

  const pending = history[0]?.status === "proposed" ? history[0] : null;
  const latest = pending ?? inForce;
  const today = isoDate(new Date());
  const applicable = obligations.filter((o) => o.applicable);
  const applyToday = applicable.filter((o) => appliesToday(o, today)).length;
  const met = applicable.filter((o) => o.status === "met").length;

  return (
    <div className="space-y-10">
      <div className="space-y-6">
        {pending && <ClassificationCard record={pending} title={inForce ? "Proposed reclassification" : "Proposed classification"} slug={model.slug} canDecide={canDecide} />}
        {inForce && <ClassificationCard record={inForce} title={pending ? "Classification in force until the proposal is decided" : "Current classification"} slug={model.slug} canDecide={false} />}
        {!latest && (
          <EmptyState title="Not classified yet">
            {canPropose
              ? "Answer the questionnaire below. The ruleset computes the tier and its legal basis; a compliance officer then confirms or overrides it."
              : "The model's owner or a compliance officer proposes a classification and a compliance officer decides it. Until then the model shows as Unclassified, and its card is held to the high-risk requirements."}
          </EmptyState>
        )}
      </div>

      {canPropose && (
        <ClassifyPanel
          slug={model.slug}
          previousAnswers={latest ? (latest.answers as Partial<TRiskAnswers>) : null}
          previousChanged={latest && isStaleRulesetVersion(latest.rulesetVersion) ? changedQuestionsSince(latest.rulesetVersion).map((q) => ({ id: q.id, prompt: q.prompt })) : []}
          startOpen={!latest}
        />
      )}

      {history.length > 0 && (
        <Section id="classification-history" title="Classification history" summary={history.length === 1 ? "1 classification" : `${history.length} classifications`}>
          <ClassificationHistory records={history} />
        </Section>
      )}

      <Section
        id="obligations"
        title="Obligations"
        summary={applicable.length > 0 ? `${applyToday} of ${applicable.length} apply today · ${met} met` : undefined}
      >
        {obligations.length === 0 ? (
          <EmptyState title="No obligations yet">
            {inForce
              ? "No obligation under the Act follows from the classification in force."
              : "Obligations follow from a confirmed classification: once a compliance officer confirms or overrides one, each duty appears here with its article, checklist, owner, due date and evidence."}
          </EmptyState>
        ) : (
          <ObligationList obligations={obligations} today={today} canEdit={canEditObligations} />
        )}
      </Section>

      <Section id="key-dates" title="Key dates" summary={`${applyToday === 1 ? "1 obligation applies" : `${applyToday} obligations apply`} today`}>
        <KeyDates today={today} />
      </Section>

    </div>
  );
}

function Section({ id, title, summary, children }: { id: string; title: string; summary?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-heading`} className="text-lg font-semibold">{title}</h2>
        {summary && <p className="text-sm text-ink-muted">{summary}</p>}
      </div>
      {children}
    </section>
  );
}
