"use client";

import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import { inputClass } from "@/components/ui/field";
import { answerOf, type TQuestion, type TQuestionValue } from "@/lib/domain/risk/questionnaire";
import type { TRiskAnswers } from "@/lib/domain/risk/ruleset";

type Props = {
  question: TQuestion;
  answers: Partial<TRiskAnswers>;
  onAnswer: (question: TQuestion, value: TQuestionValue) => void;
  /** The role must be chosen before the result means anything; the form says so here. */
  error?: string;
  changed: boolean;
  onInvalidNumber?: (invalid: boolean) => void;
};

const domId = (question: TQuestion) => `q-${question.id.replace(/[^a-z0-9]+/gi, "-")}`;

/**
 * One question in the input its answer needs: radios for the role and for yes/no, a checkbox
 * for a code that joins a list (ticked means yes), a number field for training compute. Each
 * shows its help, Art. 5 exceptions, citation and, on request, why it is asked.
 */
export function QuestionInput({ question, answers, onAnswer, error, changed, onInvalidNumber }: Props) {
  const id = domId(question);
  const value = answerOf(question, answers);
  const binding = question.answer;
  const describedBy = [`${id}-help`, question.exceptions && `${id}-exceptions`, error && `${id}-error`].filter(Boolean).join(" ");

  const details = (
    <>
      <p id={`${id}-help`} className="mt-1.5 text-sm text-ink-muted">{question.help}</p>
      {question.exceptions && (
        <p id={`${id}-exceptions`} className="mt-2 rounded-md border border-line bg-slate-50 px-3 py-2 text-sm text-ink">
          <span className="font-semibold">Exceptions: </span>
          {question.exceptions}
        </p>
      )}
      <div className="mt-2 flex flex-wrap items-start gap-x-4 gap-y-1 text-xs">
        <span className="font-medium text-accent">{question.citation}</span>
        <details className="group min-w-0 flex-1">
          <summary className="cursor-pointer font-medium text-brand hover:underline">Why we ask</summary>
          <p className="mt-1 text-sm text-ink">{question.why}</p>
        </details>
      </div>
      {error && <p id={`${id}-error`} className="mt-1.5 text-xs font-medium text-danger">{error}</p>}
    </>
  );

  const changedBadge = changed && <Badge tone="warning">Changed — review</Badge>;
  const ticked = binding.kind === "member" && value === true;
  const frame = cx("rounded-md border p-4", changed ? "border-amber-300" : ticked ? "border-brand/40" : "border-line", ticked ? "bg-brand-soft/30" : "bg-white");

  switch (binding.kind) {
    case "choice":
      return (
        <fieldset className={frame} aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
          <legend className="sr-only">{question.prompt}{changed && " (changed since these answers were given: review it)"}</legend>
          <p aria-hidden className="text-sm font-medium text-ink">{question.prompt} {changedBadge}</p>
          <div className="mt-3 grid gap-2 sm:grid-cols-2">
            {binding.options.map((option) => (
              <div key={option.value} className="flex items-start gap-2.5 rounded-md border border-line px-3 py-2.5 has-[:checked]:border-brand/50 has-[:checked]:bg-brand-soft/50">
                <input id={`${id}-${option.value}`} type="radio" name={id} value={option.value} checked={value === option.value} onChange={() => onAnswer(question, option.value)} aria-describedby={`${id}-${option.value}-help`} className="mt-0.5 h-4 w-4 shrink-0 accent-brand" />
                <div className="text-sm">
                  <label htmlFor={`${id}-${option.value}`} className="cursor-pointer font-medium text-ink">{option.label}</label>
                  <p id={`${id}-${option.value}-help`} className="mt-0.5 text-xs text-ink-muted">{option.help}</p>
                </div>
              </div>
            ))}
          </div>
          {details}
        </fieldset>
      );
    case "boolean":
      return (
        <fieldset className={frame} aria-describedby={describedBy}>
          <legend className="sr-only">{question.prompt}{changed && " (changed since these answers were given: review it)"}</legend>
          <div className="flex flex-wrap items-start justify-between gap-3">
            <p aria-hidden className="min-w-0 flex-1 text-sm font-medium text-ink">{question.prompt} {changedBadge}</p>
            <div className="flex shrink-0 gap-2">
              {[true, false].map((option) => (
                <label key={String(option)} className="flex cursor-pointer items-center gap-2 rounded-md border border-line px-3 py-1.5 text-sm font-medium has-[:checked]:border-brand/50 has-[:checked]:bg-brand-soft/50">
                  <input type="radio" name={id} checked={value === option} onChange={() => onAnswer(question, option)} className="h-4 w-4 accent-brand" />
                  {option ? "Yes" : "No"}
                </label>
              ))}
            </div>
          </div>
          {details}
        </fieldset>
      );
    case "member":
      return (
        <div className={frame}>
          <div className="flex items-start gap-3">
            <input id={id} type="checkbox" checked={value === true} onChange={(event) => onAnswer(question, event.target.checked)} aria-describedby={describedBy} className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-400 accent-brand" />
            <label htmlFor={id} className="text-sm font-medium text-ink">{question.prompt}</label>
            {changedBadge}
          </div>
          <div className="pl-7">{details}</div>
        </div>
      );
    case "number":
      return (
        <div className={frame}>
          <label htmlFor={id} className="block text-sm font-medium text-ink">{question.prompt} {changedBadge}</label>
          <div className="mt-2 flex max-w-sm items-center gap-2">
            <input
              id={id}
              type="number"
              min={0}
              step="any"
              inputMode="decimal"
              defaultValue={typeof value === "number" ? String(value) : ""}
              placeholder="e.g. 3.8e25"
              aria-describedby={describedBy}
              aria-invalid={error ? true : undefined}
              onChange={(event) => {
                const input = event.target;
                // A half-typed "3.8e" reads as empty; keep the last good number and say what is wrong.
                onInvalidNumber?.(input.validity.badInput || input.valueAsNumber < 0);
                if (input.validity.badInput) return;
                onAnswer(question, input.value === "" || input.valueAsNumber < 0 ? null : input.valueAsNumber);
              }}
              className={cx(inputClass, "font-mono")}
            />
            <span className="text-sm text-ink-muted">{binding.unit}</span>
          </div>
          {details}
        </div>
      );
  }
}
