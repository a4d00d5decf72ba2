"use client";

import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from "react";
import { FormError } from "@/components/forms/form-error";
import { useApiMutation } from "@/components/forms/use-api-mutation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { DEFAULT_ANSWERS, QUESTIONNAIRE_STEPS, QUESTIONS, visibleQuestions, withAnswer, type TQuestion, type TQuestionValue } from "@/lib/domain/risk/questionnaire";
import { evaluateRisk, parseRiskAnswers, RULESET_VERSION, type TRiskAnswers, type TRiskTier } from "@/lib/domain/risk/ruleset";
import { QuestionInput } from "./question-input";
import { RiskPreview } from "./risk-preview";
import { postJson, RulesetChangedError, type TChangedQuestion } from "./risk-api";

type Props = {
  slug: string;
  initialAnswers: Partial<TRiskAnswers>;
  /** Questions to review first: those changed since the prefilled answers' ruleset version. */
  initialChanged: TChangedQuestion[];
  onProposed: (tier: TRiskTier) => void;
  /** Opened by a button: move focus to the first step, as if the user had stepped into it. */
  focusOnOpen: boolean;
};

/** A skipped question's answer is reset, so the stored answers say only what was assessed. */
function assessedAnswers(answers: Partial<TRiskAnswers>, skipped: readonly { question: TQuestion }[]): Partial<TRiskAnswers> {
  return skipped.reduce((acc, { question }) => withAnswer(acc, question, question.answer.kind === "number" ? null : false), answers);
}

/**
 * The classification questionnaire: one step at a time, the steps and a live preview of the
 * result beside it. Questions the answers so far make irrelevant are listed as skipped, with why.
 * The server evaluates the answers again on "Propose classification"; the preview is only a preview.
 */
export function Questionnaire({ slug, initialAnswers, initialChanged, onProposed, focusOnOpen }: Props) {
  const [answers, setAnswers] = useState<Partial<TRiskAnswers>>(initialAnswers);
  const [stepIndex, setStepIndex] = useState(0);
  const [visited, setVisited] = useState<Set<number>>(() => new Set([0]));
  const [rulesetVersion, setRulesetVersion] = useState(RULESET_VERSION);
  const [changed, setChanged] = useState<TChangedQuestion[]>(initialChanged);
  const [roleMissing, setRoleMissing] = useState(false);
  const [flopsInvalid, setFlopsInvalid] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  const stepChanged = useRef(focusOnOpen);

  const { visible, skipped } = useMemo(() => visibleQuestions(answers), [answers]);
  const preview = useMemo(() => {
    const parsed = parseRiskAnswers({ ...DEFAULT_ANSWERS, ...answers });
    return parsed.success ? evaluateRisk(parsed.answers) : null;
  }, [answers]);

  const propose = useApiMutation(
    (body: { rulesetVersion: string; answers: TRiskAnswers }) => postJson<{ computedTier: TRiskTier }>(`/api/v1/models/${encodeURIComponent(slug)}/classifications`, body),
    (record) => onProposed(record.computedTier),
  );
  const conflict = propose.error instanceof RulesetChangedError ? propose.error : null;

  useEffect(() => {
    if (!conflict) return;
    setChanged(conflict.changedQuestions);
    // The next proposal answers for the ruleset the server now runs, once the changed questions were seen.
    if (conflict.rulesetVersion) setRulesetVersion(conflict.rulesetVersion);
  }, [conflict]);

  // Focus moves once the list of changed questions has rendered.
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict, changed]);

  // A new step is announced by moving focus to its heading; the first render leaves focus alone.
  useEffect(() => {
    if (stepChanged.current) headingRef.current?.focus();
  }, [stepIndex]);

  const step = QUESTIONNAIRE_STEPS[stepIndex]!;
  const last = stepIndex === QUESTIONNAIRE_STEPS.length - 1;
  const changedIds = new Set(changed.map((q) => q.id));
  const stepOf = (questionId: string) => QUESTIONNAIRE_STEPS.findIndex((s) => s.id === QUESTIONS.find((q) => q.id === questionId)?.step);

  function goTo(index: number) {
    if (index > 0 && !answers.role) {
      setRoleMissing(true);
      setStepIndex(0);
      // The error sits by the role choice; the first option is where the user fixes it.
      document.querySelector<HTMLInputElement>('input[name="q-role"]')?.focus();
      return;
    }
    stepChanged.current = true;
    setStepIndex(index);
    setVisited((v) => new Set(v).add(index));
  }

  function answer(question: TQuestion, value: TQuestionValue) {
    setAnswers((current) => withAnswer(current, question, value));
    if (question.answer.kind === "choice") setRoleMissing(false);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!last) return goTo(stepIndex + 1);
    if (!answers.role) return goTo(0);
    if (flopsInvalid) return goTo(QUESTIONNAIRE_STEPS.findIndex((s) => s.id === "gpai"));
    const full = { ...DEFAULT_ANSWERS, ...assessedAnswers(answers, skipped) } as TRiskAnswers;
    propose.mutate({ rulesetVersion, answers: full });
  }

  const inStep = visible.filter((q) => q.step === step.id);
  const skippedInStep = skipped.filter((s) => s.question.step === step.id);

  return (
    <div className="grid gap-6 lg:grid-cols-[15rem_minmax(0,1fr)]">
      <aside className="space-y-4 lg:sticky lg:top-4 lg:self-start">
        <StepList current={stepIndex} visited={visited} onSelect={goTo} answers={answers} changedSteps={new Set(changed.map((q) => stepOf(q.id)))} />
        <RiskPreview result={preview} />
      </aside>

      <form onSubmit={onSubmit} noValidate className="min-w-0 space-y-4">
        {changed.length > 0 && (
          <div ref={conflictRef} tabIndex={-1} className="outline-none">
            <Alert tone="warning" title="The questionnaire changed: review these questions">
              <p>{conflict?.message ?? "These answers were given under an earlier ruleset. Review the changed questions, then propose again."}</p>
              <ul className="mt-2 list-disc space-y-1 pl-5">
                {changed.map((q) => (
                  <li key={q.id}>
                    <button type="button" className="text-left underline underline-offset-2 hover:no-underline" onClick={() => goTo(Math.max(0, stepOf(q.id)))}>{q.prompt}</button>
                  </li>
                ))}
              </ul>
            </Alert>
          </div>
        )}

        <header>
          <p className="text-xs font-semibold uppercase tracking-wider text-accent">Step {stepIndex + 1} of {QUESTIONNAIRE_STEPS.length} · {step.citation}</p>
          <h3 ref={headingRef} tabIndex={-1} className="mt-1 text-lg font-semibold text-ink outline-none">{step.title}</h3>
          <p className="mt-1 max-w-3xl text-sm text-ink-muted">{step.intro}</p>
        </header>

        {inStep.length === 0 ? (
          <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-ink-muted">Nothing to answer here: the answers so far mean no question in this step can change the result.</p>
        ) : (
          <QuestionGroups questions={inStep}>
            {(question) => (
              <QuestionInput
                key={question.id}
                question={question}
                answers={answers}
                onAnswer={answer}
                changed={changedIds.has(question.id)}
                error={question.answer.kind === "choice" && roleMissing ? "Choose your role: the duties that follow depend on it." : question.answer.kind === "number" && flopsInvalid ? "Enter a number of FLOPs such as 3.8e25, or leave it empty." : undefined}
                onInvalidNumber={setFlopsInvalid}
              />
            )}
          </QuestionGroups>
        )}

        {skippedInStep.length > 0 && (
          <section aria-label={`Skipped questions in ${step.title}`} className="rounded-md border border-line bg-slate-50 px-4 py-3">
            <h4 className="text-sm font-semibold text-ink">Skipped questions ({skippedInStep.length})</h4>
            <ul className="mt-2 space-y-2">
              {skippedInStep.map(({ question, reason }) => (
                <li key={question.id} className="text-sm">
                  <p className="text-ink">{question.prompt}</p>
                  <p className="text-ink-muted">Skipped: {reason}</p>
                </li>
              ))}
            </ul>
          </section>
        )}

        <FormError error={conflict ? null : propose.error} />

        <div className="flex items-center justify-between gap-3 border-t border-line pt-4">
          <Button variant="secondary" onClick={() => goTo(stepIndex - 1)} disabled={stepIndex === 0}>Back</Button>
          {last ? (
            <Button type="submit" disabled={propose.isPending}>{propose.isPending ? "Proposing…" : "Propose classification"}</Button>
          ) : (
            <Button type="submit">Next</Button>
          )}
        </div>
      </form>
    </div>
  );
}

/** Annex III questions under their area's name; other steps have no groups. */
function QuestionGroups({ questions, children }: { questions: TQuestion[]; children: (question: TQuestion) => ReactNode }) {
  const groups: { name: string | undefined; questions: TQuestion[] }[] = [];
  for (const q of questions) {
    const lastGroup = groups[groups.length - 1];
    if (lastGroup && lastGroup.name === q.group) lastGroup.questions.push(q);
    else groups.push({ name: q.group, questions: [q] });
  }
  return (
    <div className="space-y-5">
      {groups.map((g) => (
        <div key={g.name ?? "questions"} className="space-y-3">
          {g.name && <h4 className="text-sm font-semibold text-ink">{g.name}</h4>}
          {g.questions.map(children)}
        </div>
      ))}
    </div>
  );
}

function StepList({ current, visited, onSelect, answers, changedSteps }: { current: number; visited: Set<number>; onSelect: (index: number) => void; answers: Partial<TRiskAnswers>; changedSteps: Set<number> }) {
  const { visible } = visibleQuestions(answers);
  const percent = Math.round(((current + 1) / QUESTIONNAIRE_STEPS.length) * 100);
  return (
    <nav aria-label="Questionnaire steps" className="rounded-lg border border-line bg-surface p-4 shadow-xs">
      <p className="flex items-baseline justify-between text-xs font-medium text-ink-muted">
        <span>Progress</span>
        <span className="tabular-nums">Step {current + 1} of {QUESTIONNAIRE_STEPS.length}</span>
      </p>
      <div aria-hidden className="mt-1.5 h-1.5 overflow-hidden rounded-full bg-slate-200">
        <div className="h-full rounded-full bg-brand transition-all" style={{ width: `${percent}%` }} />
      </div>
      <ol className="mt-3 space-y-0.5">
        {QUESTIONNAIRE_STEPS.map((s, index) => {
          const count = visible.filter((q) => q.step === s.id).length;
          const isCurrent = index === current;
          const done = visited.has(index) && !isCurrent;
          return (
            <li key={s.id}>
              <button
                type="button"
                onClick={() => onSelect(index)}
                aria-current={isCurrent ? "step" : undefined}
                className={cx("flex w-full items-start gap-2.5 rounded-md px-2 py-1.5 text-left text-sm", isCurrent ? "bg-brand-soft text-brand-strong" : "text-ink hover:bg-slate-100")}
              >
                <span aria-hidden className={cx("mt-0.5 grid h-5 w-5 shrink-0 place-items-center rounded-full text-[11px] font-semibold", isCurrent ? "bg-brand text-white" : done ? "bg-success text-white" : "bg-slate-200 text-ink-muted")}>
                  {done ? "✓" : index + 1}
                </span>
                <span className="min-w-0">
                  <span className={cx("block", isCurrent && "font-semibold")}>{s.title}</span>
                  <span className="block text-xs text-ink-muted">
                    {count === 0 ? "Skipped" : count === 1 ? "1 question" : `${count} questions`}
                    {changedSteps.has(index) && <span className="font-medium text-warning"> · review</span>}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
