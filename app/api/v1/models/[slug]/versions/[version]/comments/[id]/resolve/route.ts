import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { resolveReviewComment } from "@/lib/services/reviews/resolve-review-comment";

/** Marks a comment's thread resolved (the model's owner or maintainers, or the comment's author). */
export const POST = apiRoute({ permission: "reviews.respond", auth: "session", input: z.object({}) }, async (ctx, _input, _req, params) =>
  resolveReviewComment(ctx, { slug: String(params.slug), version: String(params.version), commentId: String(params.id) }),
);
