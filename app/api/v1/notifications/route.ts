import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { notificationsOf } from "@/lib/services/notifications/queries";

const ZNotificationsQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });

/** The signed-in user's own notifications, newest first, and the unread count. */
export const GET = apiRoute({ permission: "notifications.read", auth: "session", input: ZNotificationsQuery }, async (ctx, input) => {
  const list = await notificationsOf(ctx.db, ctx.actor.userId, { limit: input.limit });
  return Response.json(list, { headers: { "Cache-Control": "no-store" } });
});
