import { z } from "zod";
import { reviewComments } from "@/db/schema";
import { actorEmail } from "@/lib/auth/actor";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { Conflict } from "../errors";
import { auditOnCommit } from "../audit/emit";
import { parseInput } from "../parse";
import { loadModelVersion } from "../models/load";
import { CARD_FIELD_PATHS } from "./comments";
import { currentReviewRequest } from "./review-state";

export const ZCommentBodySchema = z.string().trim().min(1, "Write the comment.").max(5_000, "A comment has at most 5,000 characters.");

const ZAddCommentSchema = z.object({
  slug: z.string(),
  version: z.string(),
  fieldPath: z.string().refine((path) => CARD_FIELD_PATHS.includes(path), "Choose a field of the model card."),
  body: ZCommentBodySchema,
});

/**
 * A compliance officer comments on one field of a version's card. The comment belongs to the
 * version's open review, if there is one, but it is not part of the dossier: it changes no hash
 * and invalidates no approval. A retired version is read-only, so it takes no new comments.
 */
export async function addReviewComment(ctx: ServiceContext, input: z.input<typeof ZAddCommentSchema>) {
  authorize(ctx, "reviews.comment");
  const data = parseInput(ZAddCommentSchema, input);
  return withTransaction(ctx, async (tx) => {
    const { model, version } = await loadModelVersion(tx, data.slug, data.version);
    if (version.stage === "retired") throw new Conflict("This version is retired and read-only: it takes no new comments.");
    const request = await currentReviewRequest(tx, version.id);
    const reviewRequestId = request?.status === "open" ? request.id : null;
    const [comment] = await tx
      .insert(reviewComments)
      .values({ versionId: version.id, reviewRequestId, fieldPath: data.fieldPath, body: data.body, authorId: ctx.actor.kind === "user" ? ctx.actor.userId : null, authorEmail: actorEmail(ctx.actor) })
      .returning();
    await auditOnCommit(tx, ctx, {
      action: "review.comment_added",
      entityType: "review_comment",
      entityId: comment!.id,
      data: { slug: model.slug, version: version.version, commentId: comment!.id, fieldPath: data.fieldPath, reviewRequestId, body: data.body },
    });
    return comment!;
  });
}
