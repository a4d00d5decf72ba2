import { eq } from "drizzle-orm";
import { z } from "zod";
import { modelVersions, reviewRequests } from "@/db/schema";
import { actorEmail } from "@/lib/auth/actor";
import { submissionPreconditions } from "@/lib/domain/approvals/policy";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { auditOnCommit } from "../audit/emit";
import { parseInput } from "../parse";
import { assertCanEditModel } from "../models/access";
import { loadModelVersion } from "../models/load";
import { dossierState } from "./dossier-state";
import { transitionOrThrow } from "./refusals";

const ZSubmitSchema = z.object({ slug: z.string(), version: z.string() });

/**
 * The model's owner or a maintainer (or their pipeline's token) submits a draft for review. It is
 * refused with 422 and the list of unmet preconditions until the policy's rules hold; the
 * dossier as submitted is kept with the request.
 */
export async function submitForReview(ctx: ServiceContext, input: z.input<typeof ZSubmitSchema>) {
  authorize(ctx, "reviews.submit");
  const data = parseInput(ZSubmitSchema, input);
  return withTransaction(ctx, async (tx) => {
    const { model, version } = await loadModelVersion(tx, data.slug, data.version, { lock: true });
    await assertCanEditModel(tx, ctx, model);
    const state = await dossierState(tx, model, version);
    const unmet = submissionPreconditions(state.facts);
    const stage = transitionOrThrow(version.stage, { type: "submit", unmetPreconditions: unmet }, unmet);
    const [request] = await tx
      .insert(reviewRequests)
      .values({ versionId: version.id, submittedBy: ctx.actor.kind === "user" ? ctx.actor.userId : null, submittedByEmail: actorEmail(ctx.actor), dossierHash: state.hash, dossier: state.dossier })
      .returning();
    await tx.update(modelVersions).set({ stage }).where(eq(modelVersions.id, version.id));
    await auditOnCommit(tx, ctx, {
      action: "review.submitted",
      entityType: "model_version",
      entityId: version.id,
      data: { slug: model.slug, version: version.version, reviewRequestId: request!.id, dossierHash: state.hash, tier: state.tier },
    });
    return { reviewRequestId: request!.id, stage, dossierHash: state.hash, submittedAt: request!.submittedAt };
  });
}
