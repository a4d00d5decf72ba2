import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { deliveriesOfWebhook, findWebhook } from "@/lib/services/webhooks/queries";
import { NotFound } from "@/lib/services/errors";

const ZDeliveriesQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });

export const GET = apiRoute({ permission: "webhooks.manage", auth: "session", input: ZDeliveriesQuery }, async (ctx, input, _req, params) => {
  const id = z.uuid().safeParse(params.id);
  const webhook = id.success ? await findWebhook(ctx.db, id.data) : null;
  if (!webhook) throw new NotFound("The webhook");
  return { deliveries: await deliveriesOfWebhook(ctx.db, webhook.id, input.limit) };
});
