import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { startPeriodicReview } from "@/lib/services/reviews/start-periodic-review";

/** Opens the periodic re-review of an approved or deployed version that is due (or overdue). */
export const POST = apiRoute({ permission: "reviews.start_periodic", auth: "session", input: z.object({}) }, async (ctx, _input, _req, params) => {
  const result = await startPeriodicReview(ctx, { slug: String(params.slug), version: String(params.version) });
  return Response.json(result, { status: 201 });
});
