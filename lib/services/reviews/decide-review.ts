import { eq } from "drizzle-orm";
import { z } from "zod";
import { modelVersions, reviewDecisions, reviewRequests } from "@/db/schema";
import { nextReviewDue } from "@/lib/domain/approvals/lifecycle";
import { submissionPreconditions } from "@/lib/domain/approvals/policy";
import { approvalState, DECISIONS, decisionRefusal } from "@/lib/domain/approvals/separation-of-duties";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { Conflict, Forbidden, InvalidInput } from "../errors";
import { auditOnCommit } from "../audit/emit";
import { parseInput } from "../parse";
import { loadModelVersion } from "../models/load";
import { dossierState } from "./dossier-state";
import { approvalPolicy } from "./policy";
import { transitionOrThrow } from "./refusals";
import { currentReviewRequest, decisionsOfRequest, isOpenPeriodicReview, maintainerIds, recordedDecisions } from "./review-state";

const ZDecideSchema = z.object({
  slug: z.string(),
  version: z.string(),
  decision: z.enum(DECISIONS, { message: `A decision is one of ${DECISIONS.join(", ")}.` }),
  comment: z.string().trim().max(10_000, "A comment has at most 10,000 characters.").default(""),
});

const ACTIONS = { approve: "review.approved", request_changes: "review.changes_requested", reject: "review.rejected" } as const;

/**
 * A compliance officer approves, requests changes or rejects. Separation of duties is decided
 * here, on the server (separation-of-duties.ts): 403 for who may not decide, 400 for a missing
 * comment. An approval records the dossier hash it approved; the one that completes the count
 * approves the version and sets its next review. Changes requested and rejection end the review:
 * the version goes back to draft. A periodic review is decided the same way on a version that
 * stays approved or deployed meanwhile (lifecycle.ts: renew and revoke); the approval that
 * completes its count renews approved-at and the next review date.
 */
export async function decideReview(ctx: ServiceContext, input: z.input<typeof ZDecideSchema>) {
  authorize(ctx, "reviews.decide");
  const data = parseInput(ZDecideSchema, input);
  const { actor } = ctx;
  if (actor.kind !== "user") throw new Forbidden("Only a compliance officer, signed in, can decide on a review.");
  return withTransaction(ctx, async (tx) => {
    const { model, version } = await loadModelVersion(tx, data.slug, data.version, { lock: true });
    const request = await currentReviewRequest(tx, version.id);
    const periodic = request !== null && isOpenPeriodicReview(request, version.stage);
    if ((version.stage !== "in_review" && !periodic) || !request || request.status !== "open") {
      transitionOrThrow(version.stage, data.decision === "approve" ? { type: "approve", approvalsValid: 0, required: 0, unmetPreconditions: [] } : { type: data.decision });
      throw new Conflict("This version has no open review to decide on.");
    }
    const now = new Date();
    const policy = await approvalPolicy(tx);
    const state = await dossierState(tx, model, version, now);
    const prior = await decisionsOfRequest(tx, request.id);
    const refusal = decisionRefusal({
      approver: { id: actor.userId, roles: actor.roles },
      model: { ownerId: model.ownerId, maintainerIds: await maintainerIds(tx, model.id) },
      // Whoever opened a periodic review submitted no content: an officer who started it may decide.
      submitterId: request.reason === "periodic" ? null : request.submittedBy,
      cardAuthorIds: state.cardAuthorIds,
      priorApprovals: recordedDecisions(prior),
      tier: state.tier,
      policy,
      decision: data.decision,
      comment: data.comment,
    });
    if (refusal?.code === "comment_required") throw new InvalidInput(refusal.message, { fields: { comment: refusal.message } });
    if (refusal?.code === "approvals_complete" || refusal?.code === "not_approvable") throw new Conflict(refusal.message, { code: refusal.code });
    if (refusal) throw new Forbidden(refusal.message);

    const [decision] = await tx
      .insert(reviewDecisions)
      .values({
        reviewRequestId: request.id,
        versionId: version.id,
        decision: data.decision,
        comment: data.comment,
        approverId: actor.userId,
        approverEmail: actor.email,
        approverRoles: actor.roles,
        dossierHash: state.hash,
        dossier: state.dossier,
        decidedAt: now,
      })
      .returning();
    const after = approvalState({ decisions: recordedDecisions([...prior, decision!]), tier: state.tier, policy });
    let stage;
    if (data.decision === "approve") {
      const unmet = submissionPreconditions(state.facts);
      const counts = { approvalsValid: after.approvalsValid, required: after.required, unmetPreconditions: unmet };
      stage = transitionOrThrow(version.stage, periodic ? { type: "renew", ...counts } : { type: "approve", ...counts }, unmet);
    } else {
      stage = transitionOrThrow(version.stage, periodic ? { type: "revoke" } : { type: data.decision });
    }
    const complete = data.decision === "approve" && after.required !== null && after.approvalsValid >= after.required;
    const due = complete ? nextReviewDue(now, state.tier, policy) : null;
    if (complete) await tx.update(modelVersions).set({ stage, approvedAt: now, nextReviewDue: due }).where(eq(modelVersions.id, version.id));
    else if (stage !== version.stage) await tx.update(modelVersions).set({ stage }).where(eq(modelVersions.id, version.id));
    if (complete || data.decision !== "approve") await tx.update(reviewRequests).set({ status: "closed", closedAt: now }).where(eq(reviewRequests.id, request.id));
    await auditOnCommit(tx, ctx, {
      action: ACTIONS[data.decision],
      entityType: "model_version",
      entityId: version.id,
      data: {
        slug: model.slug,
        version: version.version,
        reviewRequestId: request.id,
        decisionId: decision!.id,
        dossierHash: state.hash,
        comment: data.comment,
        approvalsValid: after.approvalsValid,
        required: after.required,
        stageBefore: version.stage,
        stageAfter: stage,
        nextReviewDue: due?.toISOString() ?? null,
      },
    });
    return { decision: decision!, stage, approvalsValid: after.approvalsValid, required: after.required, nextReviewDue: due };
  });
}
