import type { TRiskTier } from "../model-card/template";
import { isApprovableTier, tierPhrase, type TApprovalPolicy } from "./policy";

/*
 * Who may decide on a review, and when a version has enough approvals.
 *
 * Decisions taken here:
 * - Every rule but the two about approving (a second approval by the same officer, approving
 *   what is already approved or unapprovable) applies to all three decisions: whoever is too
 *   close to the model to approve it is too close to reject it or send it back.
 * - A user who holds admin or auditor is refused even if they also hold compliance_officer:
 *   "admins and auditors never approve" (issue 6) is about the person, not the hat they wear.
 *   The admin controls who may approve; the auditor must stay independent of what it audits.
 * - Only valid approvals count: one invalidated by a dossier change does not stop the same
 *   officer from approving the new dossier.
 * - Approvals are counted by distinct officer, so high risk's two are always two people.
 */

export const DECISIONS = ["approve", "request_changes", "reject"] as const;
export type TDecision = (typeof DECISIONS)[number];

export interface TRecordedDecision {
  readonly approverId: string;
  readonly decision: TDecision;
  /** False once a later dossier change invalidated it. */
  readonly valid: boolean;
}

export interface TDecisionRequest {
  /** roles as lib/auth/permissions names them; plain strings keep lib/domain free of lib/auth. */
  readonly approver: { readonly id: string; readonly roles: readonly string[] };
  readonly model: { readonly ownerId: string; readonly maintainerIds: readonly string[] };
  /** The user who submitted the version (a token acts as its owner); null if unknown. */
  readonly submitterId: string | null;
  /** Authors of every card revision in the dossier (null for a revision with no user, e.g. the seed). */
  readonly cardAuthorIds: readonly (string | null)[];
  /** The decisions already taken in this review. */
  readonly priorApprovals: readonly TRecordedDecision[];
  /** The final tier of the classification in the dossier. */
  readonly tier: TRiskTier | null;
  readonly policy: TApprovalPolicy;
  readonly decision: TDecision;
  readonly comment: string;
}

export const REFUSAL_CODES = [
  "not_compliance_officer",
  "admin_or_auditor",
  "model_owner",
  "model_maintainer",
  "submitter",
  "card_author",
  "not_approvable",
  "already_approved",
  "approvals_complete",
  "comment_required",
] as const;
export type TRefusalCode = (typeof REFUSAL_CODES)[number];

export interface TDecisionRefusal {
  readonly code: TRefusalCode;
  readonly message: string;
}

const DECIDE = "decide on its review: another compliance officer must";

/**
 * Why this officer may not take this decision, or null when they may. Checked in this order,
 * so the refusal names the most fundamental reason: role, involvement in the model, then the
 * approval count, then the comment.
 */
export function decisionRefusal(request: TDecisionRequest): TDecisionRefusal | null {
  const { approver, model, decision } = request;
  if (!approver.roles.includes("compliance_officer")) {
    return { code: "not_compliance_officer", message: "Only a compliance officer can approve, request changes or reject." };
  }
  const barred = approver.roles.find((role) => role === "admin" || role === "auditor");
  if (barred) {
    return {
      code: "admin_or_auditor",
      message: `You hold the ${barred} role: admins and auditors never decide on reviews, even when they are compliance officers too.`,
    };
  }
  if (approver.id === model.ownerId) return { code: "model_owner", message: `You own this model, so you cannot ${DECIDE}.` };
  if (model.maintainerIds.includes(approver.id)) return { code: "model_maintainer", message: `You maintain this model, so you cannot ${DECIDE}.` };
  if (approver.id === request.submitterId) return { code: "submitter", message: `You submitted this version, so you cannot ${DECIDE}.` };
  if (request.cardAuthorIds.includes(approver.id)) {
    return { code: "card_author", message: `You wrote a revision of the model card in this dossier, so you cannot ${DECIDE}.` };
  }

  if (decision === "approve") {
    const state = approvalState({ decisions: request.priorApprovals, tier: request.tier, policy: request.policy });
    if (state.required === null) {
      return {
        code: "not_approvable",
        message:
          request.tier === "prohibited"
            ? "A prohibited model can never be approved (Art. 5)."
            : "The model has no confirmed risk classification, so the version cannot be approved.",
      };
    }
    const tier = tierPhrase(request.tier!);
    if (validApprovers(request.priorApprovals).has(approver.id)) {
      return {
        code: "already_approved",
        message:
          state.required > 1
            ? `You have already approved this dossier: ${tier} needs ${state.required} approvals from different compliance officers.`
            : "You have already approved this dossier.",
      };
    }
    if (state.remaining === 0) {
      return { code: "approvals_complete", message: `This dossier already has the ${approvalsPhrase(state.required)} ${tier} needs.` };
    }
  } else if (request.comment.trim() === "") {
    return {
      code: "comment_required",
      message: decision === "reject" ? "Say why the version is rejected: a comment is required." : "Say what must change: a comment is required.",
    };
  }
  return null;
}

/** How many approvals the tier needs; null when it can never be approved (prohibited, or unclassified). */
export function requiredApprovals(tier: TRiskTier | null, policy: TApprovalPolicy): number | null {
  return isApprovableTier(tier) ? policy[tier].approvalsRequired : null;
}

export type TReviewOutcome = "approved" | "pending" | "changes_requested" | "rejected" | "not_approvable";

export interface TApprovalState {
  /** Valid approvals, one per officer. */
  readonly approvalsValid: number;
  readonly required: number | null;
  /** Approvals still needed; null when the version can never be approved. */
  readonly remaining: number | null;
  /**
   * Where the review stands. A valid rejection, then a request for changes, outweighs any
   * approvals: either ends the review (the version goes back to draft).
   */
  readonly decided: TReviewOutcome;
}

export function approvalState(input: {
  decisions: readonly TRecordedDecision[];
  tier: TRiskTier | null;
  policy: TApprovalPolicy;
}): TApprovalState {
  const required = requiredApprovals(input.tier, input.policy);
  const approvalsValid = validApprovers(input.decisions).size;
  const remaining = required === null ? null : Math.max(0, required - approvalsValid);
  const standing = input.decisions.filter((d) => d.valid);
  let decided: TReviewOutcome;
  if (standing.some((d) => d.decision === "reject")) decided = "rejected";
  else if (standing.some((d) => d.decision === "request_changes")) decided = "changes_requested";
  else if (remaining === null) decided = "not_approvable";
  else decided = remaining === 0 ? "approved" : "pending";
  return { approvalsValid, required, remaining, decided };
}

function validApprovers(decisions: readonly TRecordedDecision[]): Set<string> {
  return new Set(decisions.filter((d) => d.valid && d.decision === "approve").map((d) => d.approverId));
}

function approvalsPhrase(n: number): string {
  return n === 1 ? "1 approval" : `${n} approvals`;
}
