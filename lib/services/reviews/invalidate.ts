import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { models, modelVersions, reviewDecisions, reviewRequests } from "@/db/schema";
import { dossierDiff, type TDossier } from "@/lib/domain/approvals/dossier";
import { nextStage, type TLifecycleStage } from "@/lib/domain/approvals/lifecycle";
import { dossierState } from "./dossier-state";
import { approvingRequest, currentReviewRequest, standingApprovalsOfRequests } from "./review-state";

/** What the audit event of the change that invalidated approvals says about them. */
export type TInvalidatedApproval = {
  approvalId: string;
  version: string;
  approverEmail: string;
  /** dossierDiff's wording, changes joined by "; ". */
  change: string;
  /** The stage the version was in, and the one it went back to. */
  stageBefore: string;
  stageAfter: string;
};

const HAS_APPROVALS: readonly string[] = ["in_review", "approved", "deployed"];

/**
 * A step of every verb that changes part of a dossier: each standing approval of these versions
 * (or of every version of the model) given on a dossier that is no longer current is marked
 * invalidated with what changed, and the version goes back to in_review (lifecycle.ts says why
 * not draft); its review request is open again for the reviewers. Returns what it invalidated,
 * for the verb's own audit event; the verb then links them to that event (linkInvalidations).
 * During a periodic review both the approvals the version stands on and those already given in
 * the periodic review are invalidated; the periodic request stays the open one.
 */
export async function invalidateStandingApprovals(tx: Db, target: { versionIds: string[] } | { modelId: string }, now = new Date()): Promise<TInvalidatedApproval[]> {
  const versions = await tx
    .select()
    .from(modelVersions)
    .where("modelId" in target ? eq(modelVersions.modelId, target.modelId) : target.versionIds.length ? inArray(modelVersions.id, target.versionIds) : isNull(modelVersions.id))
    .orderBy(modelVersions.id)
    .for("update");
  const invalidated: TInvalidatedApproval[] = [];
  for (const version of versions.filter((v) => HAS_APPROVALS.includes(v.stage))) {
    const request = await currentReviewRequest(tx, version.id);
    if (!request) continue;
    const basis = await approvingRequest(tx, version);
    const standing = await standingApprovalsOfRequests(tx, [...new Set([request.id, ...(basis ? [basis.id] : [])])]);
    if (standing.length === 0) continue;
    const [model] = await tx.select().from(models).where(eq(models.id, version.modelId));
    const current = await dossierState(tx, model!, version, now);
    const stale = standing.filter((a) => a.dossierHash !== current.hash);
    if (stale.length === 0) continue;
    const stageAfter = nextStage(version.stage as TLifecycleStage, { type: "invalidate", standingApprovals: standing.length });
    for (const approval of stale) {
      const change = dossierDiff(approval.dossier as TDossier, current.dossier).map((c) => c.message).join("; ") || "dossier changed";
      await tx.update(reviewDecisions).set({ invalidatedAt: now, invalidatedByChange: change }).where(and(eq(reviewDecisions.id, approval.id), isNull(reviewDecisions.invalidatedAt)));
      invalidated.push({ approvalId: approval.id, version: version.version, approverEmail: approval.approverEmail, change, stageBefore: version.stage, stageAfter });
    }
    if (stageAfter !== version.stage) await tx.update(modelVersions).set({ stage: stageAfter }).where(eq(modelVersions.id, version.id));
    if (request.status !== "open") await tx.update(reviewRequests).set({ status: "open", closedAt: null }).where(eq(reviewRequests.id, request.id));
  }
  return invalidated;
}

/** Links invalidated approvals to the audit event that recorded their invalidation. */
export async function linkInvalidations(tx: Db, invalidated: readonly TInvalidatedApproval[], seq: number): Promise<void> {
  if (invalidated.length === 0) return;
  await tx.update(reviewDecisions).set({ invalidationSeq: seq }).where(inArray(reviewDecisions.id, invalidated.map((i) => i.approvalId)));
}
