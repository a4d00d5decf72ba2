import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { notifications } from "@/db/schema";
import { authorize, type ServiceContext } from "../context";
import { Forbidden } from "../errors";
import { parseInput } from "../parse";

const ZMarkReadSchema = z.union([
  z.object({ ids: z.array(z.uuid("Unknown notification.")).min(1, "Name at least one notification.").max(500) }),
  z.object({ all: z.literal(true) }),
]);

/**
 * Marks the signed-in user's own notifications read (some, or all). Personal UI state, like an
 * upload's progress: it changes no governance data and nobody else's view, so it is not audited
 * (tests/invariants/services.test.ts lists it as a documented exception). Others' notifications
 * are out of reach: the update is filtered by the actor's own id.
 */
export async function markNotificationsRead(ctx: ServiceContext, input: z.input<typeof ZMarkReadSchema>): Promise<{ marked: number }> {
  authorize(ctx, "notifications.read");
  if (ctx.actor.kind !== "user") throw new Forbidden("Only a signed-in user has notifications.");
  const data = parseInput(ZMarkReadSchema, input);
  const mine = and(eq(notifications.userId, ctx.actor.userId), isNull(notifications.readAt));
  const marked = await ctx.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where("ids" in data ? and(mine, inArray(notifications.id, data.ids)) : mine)
    .returning({ id: notifications.id });
  return { marked: marked.length };
}
