import { apiRoute } from "@/lib/api/route";
import { redeliverDelivery } from "@/lib/services/webhooks/redeliver-delivery";

export const POST = apiRoute({ permission: "webhooks.manage", auth: "session" }, async (ctx, _input, _req, params) => {
  const delivery = await redeliverDelivery(ctx, { deliveryId: String(params.id) });
  return { id: delivery.id, status: delivery.status, attempts: delivery.attempts, nextAttemptAt: delivery.nextAttemptAt };
});
