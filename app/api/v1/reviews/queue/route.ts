import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { reviewQueue } from "@/lib/services/reviews/queue";

const ZQueueQuerySchema = z.object({ scope: z.enum(["mine", "all"]).default("mine") });

/** What waits for review, most urgent first: high risk first, then the oldest; overdue re-reviews too. */
export const GET = apiRoute({ permission: "reviews.decide", input: ZQueueQuerySchema }, async (ctx, input) => ({
  items: await reviewQueue(ctx.db, { scope: input.scope, userId: ctx.actor.userId }),
}));
