import { z } from "zod";
import { completeness, type TCompletenessBand, type TMissingField } from "../model-card/completeness";
import type { TRiskTier } from "../model-card/template";
import { OBLIGATION_TITLES, type TObligationArticle } from "../risk/obligations";
import type { TObligationStatus } from "../risk/ruleset";

/*
 * The approval policy: how many approvals each risk tier needs, how often an approved version is
 * reviewed again, and what must be true before a version may be submitted for review.
 *
 * Decisions taken here:
 * - Prohibited models have no entry: no setting can make them approvable.
 * - High risk needs at least two approvals whatever an admin sets (issue 6 states the four-eyes
 *   rule for high risk as a duty, not a default); an admin may raise any tier's count, up to 5.
 * - An unclassified model is held to the high-risk rules (as completeness already does), so the
 *   checklist an owner sees before classification only shrinks once the tier is known.
 * - A prohibited model gets that one precondition and nothing else: nothing else it could fix
 *   would make it submittable; only a reclassification could.
 */

export const APPROVABLE_TIERS = ["high", "limited", "minimal"] as const;
export type TApprovableTier = (typeof APPROVABLE_TIERS)[number];

const DEFAULTS: Record<TApprovableTier, { approvalsRequired: number; reviewIntervalDays: number }> = {
  high: { approvalsRequired: 2, reviewIntervalDays: 180 },
  limited: { approvalsRequired: 1, reviewIntervalDays: 365 },
  minimal: { approvalsRequired: 1, reviewIntervalDays: 730 },
};
const MIN_APPROVALS: Record<TApprovableTier, number> = { high: 2, limited: 1, minimal: 1 };
const MAX_APPROVALS = 5;
/** Ten years: longer than that is not a periodic review. */
const MAX_REVIEW_INTERVAL_DAYS = 3650;

/** "high risk", "limited risk" … as a sentence says it. */
export function tierPhrase(tier: TRiskTier): string {
  return `${tier} risk`;
}

function tierPolicySchema(tier: TApprovableTier) {
  const name = tierPhrase(tier).replace(/^./, (c) => c.toUpperCase());
  const min = MIN_APPROVALS[tier];
  const approvals = `${name} needs a whole number of approvals from ${min} to ${MAX_APPROVALS}.`;
  const days = `${name} needs a review interval of 1 to ${MAX_REVIEW_INTERVAL_DAYS} whole days.`;
  return z
    .strictObject({
      approvalsRequired: z.number({ error: approvals }).int(approvals).min(min, approvals).max(MAX_APPROVALS, approvals).default(DEFAULTS[tier].approvalsRequired),
      reviewIntervalDays: z.number({ error: days }).int(days).min(1, days).max(MAX_REVIEW_INTERVAL_DAYS, days).default(DEFAULTS[tier].reviewIntervalDays),
    })
    .default(() => ({ ...DEFAULTS[tier] }));
}

/**
 * The approval policy an admin edits (stored in policy_settings). Every field defaults, so
 * `ZApprovalPolicySchema.parse({})` is DEFAULT_APPROVAL_POLICY and a partial edit keeps the rest.
 */
export const ZApprovalPolicySchema = z.strictObject({
  high: tierPolicySchema("high"),
  limited: tierPolicySchema("limited"),
  minimal: tierPolicySchema("minimal"),
});

export type TApprovalPolicy = z.output<typeof ZApprovalPolicySchema>;
export type TApprovalPolicyInput = z.input<typeof ZApprovalPolicySchema>;

export const DEFAULT_APPROVAL_POLICY: Readonly<TApprovalPolicy> = Object.freeze({
  high: Object.freeze({ ...DEFAULTS.high }),
  limited: Object.freeze({ ...DEFAULTS.limited }),
  minimal: Object.freeze({ ...DEFAULTS.minimal }),
});

export function isApprovableTier(tier: TRiskTier | null): tier is TApprovableTier {
  return tier !== null && (APPROVABLE_TIERS as readonly string[]).includes(tier);
}

// ---------------------------------------------------------------------------------------------
// Submission preconditions

export type TClassificationStatus = "confirmed" | "overridden" | "proposed";
export type TEvaluationStatus = "pass" | "fail" | "waived";

export interface TCardFacts {
  /** The current card revision of the version; null when no card was ever saved. */
  readonly revision: number | null;
  readonly completeness: { readonly percent: number; readonly band: TCompletenessBand; readonly missing: readonly TMissingField[] };
}

/** What the submission rules look at, gathered by the service from the version's dossier. */
export interface TSubmissionFacts {
  /** The final tier of the model's confirmed (or overridden) classification; null when there is none. */
  readonly tier: TRiskTier | null;
  readonly classification: { readonly status: TClassificationStatus | null; readonly needsReview: boolean };
  readonly card: TCardFacts;
  /** The evaluations in the dossier; "waived" is a failing one with a waiver in force. */
  readonly evaluations: readonly { readonly id: string; readonly name: string; readonly status: TEvaluationStatus }[];
  /** id, when known, lets the checklist link to the obligation itself. */
  readonly obligations: readonly {
    readonly id?: string;
    readonly article: string;
    readonly status: TObligationStatus;
    readonly note: string;
    readonly applicable: boolean;
  }[];
}

export const PRECONDITION_CODES = [
  "prohibited",
  "classification_missing",
  "classification_unconfirmed",
  "classification_needs_review",
  "card_missing",
  "card_incomplete",
  "evaluation_missing",
  "evaluation_failed",
  "obligation_open",
  "obligation_note_missing",
] as const;
export type TPreconditionCode = (typeof PRECONDITION_CODES)[number];

export type TModelTab = "card" | "risk" | "evaluations" | "obligations";

export interface TPrecondition {
  readonly code: TPreconditionCode;
  readonly message: string;
  /** Where the submitter fixes it: a tab of the model page and, when there is one, the element's DOM id. */
  readonly link: { readonly tab: TModelTab; readonly anchor?: string };
}

/** The DOM id of an evaluation on the Evaluations tab. */
export function evaluationAnchor(evaluationId: string): string {
  return `evaluation-${evaluationId}`;
}

/** The DOM id of an obligation's heading (components/risk/obligation-list.tsx). */
export function obligationAnchor(obligationId: string): string {
  return `obligation-${obligationId}`;
}

/** Card facts from a revision's content, measured against the tier's requirements. */
export function cardFacts(revision: number | null, content: unknown, tier: TRiskTier | null): TCardFacts {
  const result = completeness(content ?? {}, tier);
  return {
    revision,
    completeness: { percent: result.overall.percent, band: result.band, missing: result.sections.flatMap((s) => s.missing) },
  };
}

const OBLIGATION_STATUS_PHRASES: Record<TObligationStatus, string> = {
  not_started: "not started",
  in_progress: "in progress",
  met: "met",
  not_applicable: "not applicable",
};

export function obligationStatusPhrase(status: TObligationStatus): string {
  return OBLIGATION_STATUS_PHRASES[status];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Every precondition the version does not meet, in the order of the model page's tabs; empty
 * when it may be submitted. The rules (issue 6):
 *  - prohibited models can never be submitted;
 *  - a classification confirmed or overridden by a compliance officer, and not flagged for review;
 *  - the model card complete for the tier;
 *  - limited and high risk: at least one evaluation, each passing or waived;
 *  - high risk: every applicable obligation met, or not applicable with a note.
 */
export function submissionPreconditions(facts: TSubmissionFacts): TPrecondition[] {
  if (facts.tier === "prohibited") {
    return [
      {
        code: "prohibited",
        message:
          "The model is classified as prohibited (Art. 5): it may not be placed on the market or used, so its versions can never be submitted for approval. If the classification is wrong, ask a compliance officer to reclassify the model.",
        link: { tab: "risk" },
      },
    ];
  }
  const unmet: TPrecondition[] = [];
  const classification = classificationPrecondition(facts);
  if (classification) unmet.push(classification);

  // Unclassified models are held to the high-risk rules throughout, as completeness() holds them.
  const tier = facts.tier ?? "high";
  const against = facts.tier === null ? "the high-risk requirements that apply until the model is classified" : tierPhrase(tier);
  const card = cardPrecondition(facts.card, against);
  if (card) unmet.push(card);

  if (tier === "high" || tier === "limited") {
    if (facts.evaluations.length === 0) {
      const who = facts.tier === null ? "Until it is classified, the model is held to the high-risk rules, which need" : `A ${tier}-risk model needs`;
      unmet.push({
        code: "evaluation_missing",
        message: `${who} at least one evaluation: upload one for this version (a predictions file or confusion counts).`,
        link: { tab: "evaluations" },
      });
    }
    for (const evaluation of facts.evaluations) {
      if (evaluation.status !== "fail") continue;
      unmet.push({
        code: "evaluation_failed",
        message: `The evaluation ${evaluation.name} failed its fairness thresholds: evaluate an improved model again, or ask a compliance officer to waive it with a justification.`,
        link: { tab: "evaluations", anchor: evaluationAnchor(evaluation.id) },
      });
    }
  }

  if (tier === "high") {
    for (const obligation of facts.obligations) {
      if (!obligation.applicable || obligation.status === "met") continue;
      const name = obligationName(obligation.article);
      const link = { tab: "obligations" as const, ...(obligation.id ? { anchor: obligationAnchor(obligation.id) } : {}) };
      if (obligation.status === "not_applicable") {
        if (obligation.note.trim() !== "") continue;
        unmet.push({
          code: "obligation_note_missing",
          message: `${name} is marked not applicable without a note: say why it does not apply to this model.`,
          link,
        });
      } else {
        unmet.push({
          code: "obligation_open",
          message: `${name} is ${obligationStatusPhrase(obligation.status)}: mark it met with its evidence, or not applicable with a note saying why.`,
          link,
        });
      }
    }
  }
  return unmet;
}

function classificationPrecondition(facts: TSubmissionFacts): TPrecondition | null {
  const link = { tab: "risk" as const };
  const { status, needsReview } = facts.classification;
  if (status === null) {
    return {
      code: "classification_missing",
      message: "The model has no risk classification: answer the risk questionnaire, then ask a compliance officer to confirm the result.",
      link,
    };
  }
  if (status === "proposed") {
    return {
      code: "classification_unconfirmed",
      message: "The risk classification is only proposed: a compliance officer must confirm or override it.",
      link,
    };
  }
  if (needsReview) {
    return {
      code: "classification_needs_review",
      message: "The risk classification needs review after a change to the model's purpose or deployment context: a compliance officer must confirm it again or reclassify.",
      link,
    };
  }
  return null;
}

function cardPrecondition(card: TCardFacts, against: string): TPrecondition | null {
  const { percent, band, missing } = card.completeness;
  const anchor = missing[0]?.anchor;
  const link = { tab: "card" as const, ...(anchor ? { anchor } : {}) };
  if (card.revision === null) {
    return {
      code: "card_missing",
      message: `No model card has been saved for this version: fill in the ${plural(missing.length, "field", "fields")} required for ${against}.`,
      link,
    };
  }
  if (band === "complete") return null;
  return {
    code: "card_incomplete",
    message: `The model card is ${percent}% complete for ${against}: ${plural(missing.length, "required field is", "required fields are")} missing.`,
    link,
  };
}

function obligationName(article: string): string {
  const title = (OBLIGATION_TITLES as Record<string, string | undefined>)[article as TObligationArticle];
  return title ? `${article} (${title})` : article;
}
