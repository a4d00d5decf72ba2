import { z } from "zod";
import { reviewRequests } from "@/db/schema";
import { actorEmail } from "@/lib/auth/actor";
import { daysUntilReview } from "@/lib/domain/approvals/lifecycle";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { Conflict } from "../errors";
import { auditOnCommit } from "../audit/emit";
import { parseInput } from "../parse";
import { assertCanEditModel } from "../models/access";
import { loadModelVersion } from "../models/load";
import { dossierState } from "./dossier-state";
import { transitionOrThrow } from "./refusals";
import { currentReviewRequest } from "./review-state";

const ZStartSchema = z.object({ slug: z.string(), version: z.string() });

/**
 * Opens the periodic re-review of an approved or deployed version whose next review is due within
 * PERIODIC_REVIEW_WINDOW_DAYS or overdue: a review request with reason "periodic" and the dossier
 * as it stands. A compliance officer may start it for any model (the queue offers it), the
 * model's owner and maintainers for theirs. The version stays in service meanwhile; whoever
 * started it may still decide on it, because a periodic review is not a submission of content.
 */
export async function startPeriodicReview(ctx: ServiceContext, input: z.input<typeof ZStartSchema>) {
  authorize(ctx, "reviews.start_periodic");
  const data = parseInput(ZStartSchema, input);
  return withTransaction(ctx, async (tx) => {
    const { model, version } = await loadModelVersion(tx, data.slug, data.version, { lock: true });
    const isOfficer = ctx.actor.kind === "user" && ctx.actor.roles.includes("compliance_officer");
    if (!isOfficer) await assertCanEditModel(tx, ctx, model);
    const now = new Date();
    transitionOrThrow(version.stage, { type: "open_periodic", daysUntilDue: daysUntilReview(version.nextReviewDue, now) });
    const current = await currentReviewRequest(tx, version.id);
    if (current?.status === "open") throw new Conflict("A review of this version is already open.", { code: "review_open" });
    const state = await dossierState(tx, model, version, now);
    const [request] = await tx
      .insert(reviewRequests)
      .values({ versionId: version.id, submittedBy: ctx.actor.kind === "user" ? ctx.actor.userId : null, submittedByEmail: actorEmail(ctx.actor), submittedAt: now, dossierHash: state.hash, dossier: state.dossier, reason: "periodic" })
      .returning();
    await auditOnCommit(tx, ctx, {
      action: "review.periodic_started",
      entityType: "model_version",
      entityId: version.id,
      data: { slug: model.slug, version: version.version, reviewRequestId: request!.id, dossierHash: state.hash, tier: state.tier, nextReviewDue: version.nextReviewDue?.toISOString() ?? null },
    });
    return { reviewRequestId: request!.id, versionId: version.id, stage: version.stage, dossierHash: state.hash, submittedAt: request!.submittedAt, nextReviewDue: version.nextReviewDue };
  });
}
