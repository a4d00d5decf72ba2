import type { TRiskTier } from "../model-card/template";
import { isApprovableTier, type TApprovalPolicy, type TPrecondition } from "./policy";

/*
 * The lifecycle of a model version:
 *
 *   submit           draft                → in_review        (no unmet precondition)
 *   approve          in_review            → approved         (enough valid approvals; otherwise stays in_review)
 *   request_changes  in_review            → draft
 *   reject           in_review            → draft
 *   deploy           approved | deployed  → deployed         (an environment; review not overdue)
 *   retire           approved | deployed  → retired          (a reason)
 *   invalidate       in_review (with approvals) | approved | deployed → in_review
 *   open_periodic    approved | deployed  → (unchanged)     (next review due within PERIODIC_REVIEW_WINDOW_DAYS, or overdue)
 *   renew            approved | deployed  → (unchanged)     (a periodic review's approval; enough of them renew the approval)
 *   revoke           approved | deployed  → draft           (a periodic review ends in changes requested or rejection)
 *
 * Retired is terminal: a retired version is read-only.
 *
 * Rejected and changes-requested are decisions, not stages (issue 3): both send the version back
 * to draft, where the owner can fix it and submit again.
 *
 * Invalidation (a dossier change after approval) sends the version back to in_review, not to
 * draft. The submission still stands: many invalidating changes are not the owner's (a compliance
 * officer reclassifies, updates an obligation or waives an evaluation), and the reviewers should
 * get it back in their queue with the diff against what they approved, not wait for the owner to
 * resubmit. So that an in_review version that no longer meets the preconditions cannot slip
 * through, approve re-checks them; the reviewers can send it back with request_changes.
 * The same holds for a deployed version: its stage becomes in_review (the gate then says no),
 * and the deployment records keep the fact that it ran.
 *
 * Periodic review (Art. 9 and 72: the risk management is kept up to date) re-examines a version
 * that stays in service meanwhile: opening it and approving it leave the stage as it is, and the
 * approval that completes the policy's count sets a new approved-at and next-review date. A
 * periodic review that finds the version wanting ends its approval the way a first review does:
 * changes requested and rejection both send it back to draft (the gate then says no; the
 * deployment records keep that it ran). A reviewer with remarks only comments and approves.
 */

export const LIFECYCLE_STAGES = ["draft", "in_review", "approved", "deployed", "retired"] as const;
export type TLifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const LIFECYCLE_EVENTS = ["submit", "approve", "request_changes", "reject", "deploy", "retire", "invalidate", "open_periodic", "renew", "revoke"] as const;
export type TLifecycleEventType = (typeof LIFECYCLE_EVENTS)[number];

/** An event with what its guard needs to know. */
export type TLifecycleEvent =
  | { readonly type: "submit"; readonly unmetPreconditions: readonly TPrecondition[] }
  | {
      readonly type: "approve";
      /** Valid approvals from distinct officers, counting the one being recorded. */
      readonly approvalsValid: number;
      /** From requiredApprovals(); null when the tier can never be approved. */
      readonly required: number | null;
      readonly unmetPreconditions: readonly TPrecondition[];
    }
  | { readonly type: "request_changes" }
  | { readonly type: "reject" }
  | { readonly type: "deploy"; readonly environment: string; readonly reviewOverdue: boolean }
  | { readonly type: "retire"; readonly reason: string }
  | { readonly type: "invalidate"; readonly standingApprovals: number }
  /** Days until the next review is due (negative when overdue); null when the version has no due date. */
  | { readonly type: "open_periodic"; readonly daysUntilDue: number | null }
  | {
      readonly type: "renew";
      readonly approvalsValid: number;
      readonly required: number | null;
      readonly unmetPreconditions: readonly TPrecondition[];
    }
  | { readonly type: "revoke" };

export const TRANSITION_REFUSAL_CODES = [
  "retired",
  "wrong_stage",
  "preconditions_unmet",
  "not_approvable",
  "environment_required",
  "review_overdue",
  "reason_required",
  "nothing_to_invalidate",
  "review_not_due",
] as const;
export type TTransitionRefusalCode = (typeof TRANSITION_REFUSAL_CODES)[number];

export type TTransition =
  | { readonly ok: true; readonly next: TLifecycleStage }
  | { readonly ok: false; readonly code: TTransitionRefusalCode; readonly message: string };

/** The stages each event may start from. Retired is in none: it is terminal and read-only. */
export const TRANSITION_SOURCES: Readonly<Record<TLifecycleEventType, readonly TLifecycleStage[]>> = {
  submit: ["draft"],
  approve: ["in_review"],
  request_changes: ["in_review"],
  reject: ["in_review"],
  deploy: ["approved", "deployed"],
  retire: ["approved", "deployed"],
  invalidate: ["in_review", "approved", "deployed"],
  open_periodic: ["approved", "deployed"],
  renew: ["approved", "deployed"],
  revoke: ["approved", "deployed"],
};

const ALLOWED_FROM: Record<TLifecycleEventType, string> = {
  submit: "only a draft can be submitted for review",
  approve: "only a version in review can be approved",
  request_changes: "changes can only be requested on a version in review",
  reject: "only a version in review can be rejected",
  deploy: "only an approved or deployed version can be deployed",
  retire: "only an approved or deployed version can be retired",
  invalidate: "only the approvals of a version in review, approved or deployed can be invalidated",
  open_periodic: "only an approved or deployed version is reviewed periodically",
  renew: "only an approved or deployed version can be re-approved in a periodic review",
  revoke: "only the approval of an approved or deployed version can be ended by a periodic review",
};

/** How early before its due date a periodic review may be started. */
export const PERIODIC_REVIEW_WINDOW_DAYS = 30;

const STAGE_PHRASES: Record<TLifecycleStage, string> = {
  draft: "a draft",
  in_review: "in review",
  approved: "approved",
  deployed: "deployed",
  retired: "retired",
};

/** The stage as a sentence says it: "This version is a draft", "… is in review". */
export function stagePhrase(stage: TLifecycleStage): string {
  return STAGE_PHRASES[stage];
}

/** Whether the event may happen to a version in this stage, and the stage it leads to. */
export function canTransition(stage: TLifecycleStage, event: TLifecycleEvent): TTransition {
  if (stage === "retired") return refuse("retired", "This version is retired and read-only: nothing about it can change.");
  if (!TRANSITION_SOURCES[event.type].includes(stage)) {
    return refuse("wrong_stage", `This version is ${STAGE_PHRASES[stage]}: ${ALLOWED_FROM[event.type]}.`);
  }
  switch (event.type) {
    case "submit":
      if (event.unmetPreconditions.length > 0) return refuse("preconditions_unmet", unmetMessage("submitted", event.unmetPreconditions.length));
      return { ok: true, next: "in_review" };
    case "approve":
    case "renew":
      if (event.required === null) return refuse("not_approvable", "The model's risk tier can never be approved.");
      if (event.unmetPreconditions.length > 0) return refuse("preconditions_unmet", unmetMessage("approved", event.unmetPreconditions.length));
      if (event.type === "renew") return { ok: true, next: stage };
      return { ok: true, next: event.approvalsValid >= event.required ? "approved" : "in_review" };
    case "request_changes":
    case "reject":
    case "revoke":
      return { ok: true, next: "draft" };
    case "open_periodic":
      if (event.daysUntilDue === null || event.daysUntilDue > PERIODIC_REVIEW_WINDOW_DAYS) {
        return refuse("review_not_due", `The periodic review can start at most ${PERIODIC_REVIEW_WINDOW_DAYS} days before it is due.`);
      }
      return { ok: true, next: stage };
    case "deploy":
      if (event.environment.trim() === "") return refuse("environment_required", "Name the environment the version is deployed to.");
      if (event.reviewOverdue) return refuse("review_overdue", "The periodic review of this version is overdue: it must be reviewed again before it is deployed.");
      return { ok: true, next: "deployed" };
    case "retire":
      if (event.reason.trim() === "") return refuse("reason_required", "Say why the version is retired: a reason is required.");
      return { ok: true, next: "retired" };
    case "invalidate":
      // An approved or deployed version always rests on approvals; one in review may have none yet.
      if (stage === "in_review" && event.standingApprovals === 0) return refuse("nothing_to_invalidate", "This version has no standing approvals to invalidate.");
      return { ok: true, next: "in_review" };
  }
}

export class TransitionRefused extends Error {
  constructor(
    readonly code: TTransitionRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = "TransitionRefused";
  }
}

/** The stage the event leads to; throws TransitionRefused when the guard says no. */
export function nextStage(stage: TLifecycleStage, event: TLifecycleEvent): TLifecycleStage {
  const transition = canTransition(stage, event);
  if (!transition.ok) throw new TransitionRefused(transition.code, transition.message);
  return transition.next;
}

function refuse(code: TTransitionRefusalCode, message: string): TTransition {
  return { ok: false, code, message };
}

function unmetMessage(verb: string, count: number): string {
  return `The version cannot be ${verb} while ${count === 1 ? "1 precondition is" : `${count} preconditions are`} not met.`;
}

// ---------------------------------------------------------------------------------------------
// Deletion and retention

/** EU AI Act Art. 18: documentation is kept for 10 years after the system left service. */
export const RETENTION_YEARS = 10;

/**
 * The day the record of a version that left service may be deleted: the same instant ten
 * calendar years later, in UTC. 29 February rolls over to 1 March, so the period is never short.
 */
export function retentionUntil(leftServiceAt: Date): Date {
  const until = new Date(leftServiceAt.getTime());
  until.setUTCFullYear(until.getUTCFullYear() + RETENTION_YEARS);
  return until;
}

export type TDeletionCheck = { readonly ok: true } | { readonly ok: false; readonly code: "kept_for_the_record" | "retention"; readonly message: string };

/**
 * Whether a version may be deleted. Approved and deployed versions never; a retired one only
 * once its retention period is over; a draft or a version in review only if it was never
 * approved (an approval, even one later invalidated, is evidence that may have been relied on).
 */
export function canDelete(version: { stage: TLifecycleStage; everApproved: boolean; retentionUntil: Date | null }, now: Date): TDeletionCheck {
  switch (version.stage) {
    case "approved":
    case "deployed":
      return { ok: false, code: "kept_for_the_record", message: `This version is ${version.stage}: it cannot be deleted. Retire it when it leaves service.` };
    case "retired":
      if (version.retentionUntil !== null && now.getTime() >= version.retentionUntil.getTime()) return { ok: true };
      return {
        ok: false,
        code: "retention",
        message: `This retired version must be kept${version.retentionUntil ? ` until ${version.retentionUntil.toISOString().slice(0, 10)}` : ""} (EU AI Act Art. 18): it cannot be deleted before then.`,
      };
    case "draft":
    case "in_review":
      if (!version.everApproved) return { ok: true };
      return { ok: false, code: "kept_for_the_record", message: "This version was approved before: its record is kept and it cannot be deleted." };
  }
}

// ---------------------------------------------------------------------------------------------
// Periodic review

const DAY_MS = 86_400_000;

/** When an approved version is due for review again; null for a tier that is never approved. */
export function nextReviewDue(approvedAt: Date, tier: TRiskTier | null, policy: TApprovalPolicy): Date | null {
  if (!isApprovableTier(tier)) return null;
  return new Date(approvedAt.getTime() + policy[tier].reviewIntervalDays * DAY_MS);
}

/** Whole days from now until the review is due, rounded up (negative once overdue); null without a due date. */
export function daysUntilReview(nextReviewDue: Date | null, now: Date): number | null {
  return nextReviewDue === null ? null : Math.ceil((nextReviewDue.getTime() - now.getTime()) / DAY_MS);
}

/** Overdue once the due instant has passed; a version with no due date is never overdue. */
export function isReviewOverdue(nextReviewDue: Date | null, now: Date): boolean {
  return nextReviewDue !== null && now.getTime() > nextReviewDue.getTime();
}
