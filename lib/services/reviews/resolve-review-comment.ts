import { eq } from "drizzle-orm";
import { z } from "zod";
import { reviewComments } from "@/db/schema";
import { actorEmail } from "@/lib/auth/actor";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { Conflict } from "../errors";
import { auditOnCommit } from "../audit/emit";
import { parseInput } from "../parse";
import { loadModelVersion } from "../models/load";
import { assertMayDiscuss } from "./comment-access";
import { lockedThread } from "./comments";

const ZResolveSchema = z.object({ slug: z.string(), version: z.string(), commentId: z.uuid("Unknown comment.") });

/** The model's owner or a maintainer, or the comment's own author, marks a thread resolved. Once. */
export async function resolveReviewComment(ctx: ServiceContext, input: z.input<typeof ZResolveSchema>) {
  authorize(ctx, "reviews.respond");
  const data = parseInput(ZResolveSchema, input);
  return withTransaction(ctx, async (tx) => {
    const { model, version } = await loadModelVersion(tx, data.slug, data.version);
    const thread = await lockedThread(tx, version.id, data.commentId);
    const isAuthor = ctx.actor.kind === "user" && thread.authorId === ctx.actor.userId;
    if (!isAuthor) await assertMayDiscuss(tx, ctx, model, { officersMay: false });
    if (version.stage === "retired") throw new Conflict("This version is retired and read-only: its comments cannot be resolved.");
    if (thread.resolvedAt) throw new Conflict("This comment is already resolved.");
    const resolvedAt = new Date();
    const [resolved] = await tx.update(reviewComments).set({ resolvedAt, resolvedByEmail: actorEmail(ctx.actor) }).where(eq(reviewComments.id, thread.id)).returning();
    await auditOnCommit(tx, ctx, {
      action: "review.comment_resolved",
      entityType: "review_comment",
      entityId: thread.id,
      data: { slug: model.slug, version: version.version, threadId: thread.id, fieldPath: thread.fieldPath, threadAuthorEmail: thread.authorEmail },
    });
    return resolved!;
  });
}
