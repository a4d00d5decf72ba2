import { z } from "zod";
import { reviewComments } from "@/db/schema";
import { actorEmail } from "@/lib/auth/actor";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { Conflict } from "../errors";
import { auditOnCommit } from "../audit/emit";
import { parseInput } from "../parse";
import { loadModelVersion } from "../models/load";
import { ZCommentBodySchema } from "./add-review-comment";
import { assertMayDiscuss } from "./comment-access";
import { lockedThread } from "./comments";

const ZReplySchema = z.object({ slug: z.string(), version: z.string(), commentId: z.uuid("Unknown comment."), body: ZCommentBodySchema });

/**
 * An answer in a comment's thread: from the model's owner or a maintainer, or from a compliance
 * officer. A resolved thread is closed; a new concern is a new comment.
 */
export async function replyToReviewComment(ctx: ServiceContext, input: z.input<typeof ZReplySchema>) {
  authorize(ctx, "reviews.respond");
  const data = parseInput(ZReplySchema, input);
  return withTransaction(ctx, async (tx) => {
    const { model, version } = await loadModelVersion(tx, data.slug, data.version);
    const thread = await lockedThread(tx, version.id, data.commentId);
    await assertMayDiscuss(tx, ctx, model, { officersMay: true });
    if (version.stage === "retired") throw new Conflict("This version is retired and read-only: its comments cannot be answered.");
    if (thread.resolvedAt) throw new Conflict("This comment is resolved: start a new comment on the field instead.");
    const [reply] = await tx
      .insert(reviewComments)
      .values({ versionId: version.id, reviewRequestId: thread.reviewRequestId, parentId: thread.id, body: data.body, authorId: ctx.actor.kind === "user" ? ctx.actor.userId : null, authorEmail: actorEmail(ctx.actor) })
      .returning();
    await auditOnCommit(tx, ctx, {
      action: "review.comment_replied",
      entityType: "review_comment",
      entityId: reply!.id,
      data: { slug: model.slug, version: version.version, commentId: reply!.id, threadId: thread.id, fieldPath: thread.fieldPath, body: data.body },
    });
    return reply!;
  });
}
