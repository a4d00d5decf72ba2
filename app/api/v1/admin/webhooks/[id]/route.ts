import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { updateWebhook } from "@/lib/services/webhooks/update-webhook";

const ZUpdateWebhookBody = z.object({ url: z.string().optional(), events: z.array(z.string()).optional(), description: z.string().optional(), active: z.boolean().optional() });

export const PATCH = apiRoute({ permission: "webhooks.manage", auth: "session", input: ZUpdateWebhookBody }, async (ctx, input, _req, params) => {
  const { secretCiphertext: _sealed, ...webhook } = await updateWebhook(ctx, { ...input, id: String(params.id) });
  return { webhook };
});
