import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { markNotificationsRead } from "@/lib/services/notifications/mark-read";

const ZMarkReadBody = z.union([z.object({ ids: z.array(z.string()) }), z.object({ all: z.literal(true) })], { message: 'Send { "ids": [...] } or { "all": true }.' });

export const POST = apiRoute({ permission: "notifications.read", auth: "session", input: ZMarkReadBody }, async (ctx, input) => markNotificationsRead(ctx, input));
