import type { Db } from "@/db/client";
import type { TModel, TModelVersion } from "@/db/schema";
import { isReviewOverdue, stagePhrase, type TLifecycleStage } from "@/lib/domain/approvals/lifecycle";
import { requiredApprovals } from "@/lib/domain/approvals/separation-of-duties";
import { tierPhrase } from "@/lib/domain/approvals/policy";
import { loadModelVersion } from "../models/load";
import { dossierState } from "./dossier-state";
import { approvalPolicy } from "./policy";
import { approvingRequest, decisionsOfRequest } from "./review-state";

export const GATE_REASON_CODES = ["prohibited", "not_approved", "approvals_missing", "dossier_changed", "review_overdue", "evaluation_failing"] as const;
export type TGateReasonCode = (typeof GATE_REASON_CODES)[number];

export type TGate = {
  deployable: boolean;
  slug: string;
  version: string;
  stage: string;
  tier: string | null;
  /** The hash of the dossier as it stands now. */
  dossierHash: string;
  approvals: { approverEmail: string; decidedAt: string; dossierHash: string; valid: boolean; invalidatedByChange: string | null }[];
  approvalsRequired: number | null;
  nextReviewDue: string | null;
  reasons: { code: TGateReasonCode; message: string }[];
};

/**
 * Reason messages are whole sentences (capital first, full stop last): a pipeline prints them as
 * they are, and the UI lists them under a heading rather than inside a sentence.
 *
 * May this version be deployed now? Yes when it is approved (or already deployed), has the
 * valid approvals its tier needs, every one of them given on the dossier as it stands now, its
 * periodic review is not overdue, its model is not prohibited, and no evaluation in the dossier
 * is failing now (a waiver that lapsed after approval stops the gate, not the approval).
 */
export async function gateOfVersion(tx: Db, model: TModel, version: TModelVersion, now = new Date()): Promise<TGate> {
  const state = await dossierState(tx, model, version, now);
  const policy = await approvalPolicy(tx);
  const request = await approvingRequest(tx, version);
  const approvals = request ? (await decisionsOfRequest(tx, request.id)).filter((d) => d.decision === "approve") : [];
  const valid = approvals.filter((a) => a.invalidatedAt === null);
  const required = requiredApprovals(state.tier, policy);
  const reasons: TGate["reasons"] = [];
  if (state.tier === "prohibited") reasons.push({ code: "prohibited", message: "The model is classified as prohibited (Art. 5): it may never be deployed." });
  if (version.stage !== "approved" && version.stage !== "deployed") {
    reasons.push({ code: "not_approved", message: `Version ${version.version} is ${stagePhrase(version.stage as TLifecycleStage)}, not approved: it cannot be deployed.` });
  }
  const distinct = new Set(valid.map((a) => a.approverId)).size;
  if (required !== null && distinct < required && state.tier !== "prohibited") {
    reasons.push({ code: "approvals_missing", message: `A ${tierPhrase(state.tier!).replace(" ", "-")} version needs ${required} valid approval${required === 1 ? "" : "s"}; this one has ${distinct}.` });
  } else if (required === null && state.tier !== "prohibited") {
    reasons.push({ code: "approvals_missing", message: "The model has no confirmed risk classification, so no approval can count." });
  }
  const stale = valid.filter((a) => a.dossierHash !== state.hash);
  if (stale.length > 0) reasons.push({ code: "dossier_changed", message: "The dossier changed after it was approved: its approvals no longer cover what would be deployed." });
  const invalidated = approvals.filter((a) => a.invalidatedAt !== null && a.invalidatedByChange);
  if (valid.length === 0 && invalidated.length > 0 && version.stage === "in_review") {
    reasons.push({ code: "dossier_changed", message: `Approvals were invalidated by a change to the dossier: ${invalidated[invalidated.length - 1]!.invalidatedByChange}.` });
  }
  if ((version.stage === "approved" || version.stage === "deployed") && isReviewOverdue(version.nextReviewDue, now)) {
    reasons.push({ code: "review_overdue", message: `The periodic review was due on ${version.nextReviewDue!.toISOString().slice(0, 10)}: the version must be reviewed again before it is deployed.` });
  }
  // As the submission rules: only limited and high risk are held to their evaluations.
  const heldToEvaluations = state.tier === "high" || state.tier === "limited";
  for (const e of heldToEvaluations ? state.facts.evaluations.filter((x) => x.status === "fail") : []) {
    reasons.push({ code: "evaluation_failing", message: `The evaluation ${e.name} is failing now (its waiver lapsed or it was never waived).` });
  }
  return {
    deployable: reasons.length === 0,
    slug: model.slug,
    version: version.version,
    stage: version.stage,
    tier: state.tier,
    dossierHash: state.hash,
    approvals: approvals.map((a) => ({ approverEmail: a.approverEmail, decidedAt: a.decidedAt.toISOString(), dossierHash: a.dossierHash, valid: a.invalidatedAt === null, invalidatedByChange: a.invalidatedByChange })),
    approvalsRequired: required,
    nextReviewDue: version.nextReviewDue?.toISOString() ?? null,
    reasons,
  };
}

/** The deployment gate a pipeline asks before it deploys: read-only. */
export async function gateFor(db: Db, slug: string, label: string, now = new Date()): Promise<TGate> {
  const { model, version } = await loadModelVersion(db, slug, label);
  return gateOfVersion(db, model, version, now);
}
