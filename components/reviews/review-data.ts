import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deployments, type TModel, type TModelVersion } from "@/db/schema";
import { submissionPreconditions, type TPrecondition } from "@/lib/domain/approvals/policy";
import { dossierState } from "@/lib/services/reviews/dossier-state";
import { gateOfVersion } from "@/lib/services/reviews/gate";
import { currentReviewRequest, decisionsOfRequest } from "@/lib/services/reviews/review-state";

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
  const preconditions: TPrecondition[] = submissionPreconditions(state.facts);
  return { state, gate, request, decisions, deployments: deployed, preconditions, now };
}

export type TReviewOverview = Awaited<ReturnType<typeof reviewOverview>>;
