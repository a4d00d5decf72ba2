import { apiRoute } from "@/lib/api/route";
import { pingWebhook } from "@/lib/services/webhooks/ping-webhook";

/** Queues a webhook.ping delivery; the dispatcher sends it within seconds. */
export const POST = apiRoute({ permission: "webhooks.manage", auth: "session" }, async (ctx, _input, _req, params) => {
  const delivery = await pingWebhook(ctx, { id: String(params.id) });
  return Response.json({ deliveryId: delivery.id, status: delivery.status, eventType: delivery.eventType }, { status: 202 });
});
