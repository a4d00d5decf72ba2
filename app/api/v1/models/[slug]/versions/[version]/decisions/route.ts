import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { decideReview } from "@/lib/services/reviews/decide-review";

const ZDecisionBodySchema = z.object({ decision: z.string(), comment: z.string().optional() });

/** A compliance officer approves, requests changes or rejects (separation of duties enforced). */
export const POST = apiRoute({ permission: "reviews.decide", auth: "session", input: ZDecisionBodySchema }, async (ctx, input, _req, params) => {
  const result = await decideReview(ctx, { slug: String(params.slug), version: String(params.version), decision: input.decision as never, comment: input.comment });
  return Response.json(result, { status: 201 });
});
