import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { submitForReview } from "@/lib/services/reviews/submit-for-review";

/** Submits a draft for review; 422 lists the unmet preconditions (code, message, link). */
export const POST = apiRoute({ permission: "reviews.submit", input: z.object({}) }, async (ctx, _input, _req, params) =>
  submitForReview(ctx, { slug: String(params.slug), version: String(params.version) }),
);
