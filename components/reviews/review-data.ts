import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deployments, type TModel, type TModelVersion } from "@/db/schema";
import { submissionPreconditions, type TPrecondition } from "@/lib/domain/approvals/policy";
import { dossierState } from "@/lib/services/reviews/dossier-state";
import { gateOfVersion } from "@/lib/services/reviews/gate";
import { approvingRequest, currentReviewRequest, decisionsOfRequest, isOpenPeriodicReview } from "@/lib/services/reviews/review-state";

/** Everything the review UI shows about one version, read on the server. */
export async function reviewOverview(db: Db, model: TModel, version: TModelVersion) {
  const now = new Date();
  const [state, gate, request, deployed] = await Promise.all([
    dossierState(db, model, version, now),
    gateOfVersion(db, model, version, now),
    currentReviewRequest(db, version.id),
    db.select().from(deployments).where(eq(deployments.versionId, version.id)).orderBy(desc(deployments.deployedAt)),
  ]);
  const decisions = request ? await decisionsOfRequest(db, request.id) : [];
  // During a periodic review the version still stands on the approvals of the review before it.
  const periodic = request !== null && isOpenPeriodicReview(request, version.stage);
  const basis = periodic ? await approvingRequest(db, version) : request;
  const standingDecisions = periodic ? (basis ? await decisionsOfRequest(db, basis.id) : []) : decisions;
  const preconditions: TPrecondition[] = submissionPreconditions(state.facts);
  return { state, gate, request, decisions, periodic, standingDecisions, deployments: deployed, preconditions, now };
}

export type TReviewOverview = Awaited<ReturnType<typeof reviewOverview>>;
