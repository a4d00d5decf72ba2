import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { rotateWebhookSecret } from "@/lib/services/webhooks/rotate-webhook-secret";

/** The new secret is in this response and nowhere else, ever. */
export const POST = apiRoute({ permission: "webhooks.manage", auth: "session", input: z.object({ secret: z.string().optional() }) }, async (ctx, input, _req, params) => {
  const rotated = await rotateWebhookSecret(ctx, { id: String(params.id), secret: input.secret });
  return Response.json(rotated, { headers: { "Cache-Control": "no-store" } });
});
