import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { replyToReviewComment } from "@/lib/services/reviews/reply-to-review-comment";

/** An answer in a comment's thread (the model's owner or maintainers, or a compliance officer). */
export const POST = apiRoute({ permission: "reviews.respond", auth: "session", input: z.object({ body: z.string() }) }, async (ctx, input, _req, params) => {
  const reply = await replyToReviewComment(ctx, { slug: String(params.slug), version: String(params.version), commentId: String(params.id), body: input.body });
  return Response.json(reply, { status: 201 });
});
