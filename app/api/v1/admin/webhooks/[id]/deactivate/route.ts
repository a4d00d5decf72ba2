import { apiRoute } from "@/lib/api/route";
import { deactivateWebhook } from "@/lib/services/webhooks/deactivate-webhook";

export const POST = apiRoute({ permission: "webhooks.manage", auth: "session" }, async (ctx, _input, _req, params) => {
  const webhook = await deactivateWebhook(ctx, { id: String(params.id) });
  return { id: webhook.id, active: webhook.active };
});
