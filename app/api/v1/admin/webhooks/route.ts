import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { createWebhook } from "@/lib/services/webhooks/create-webhook";
import { listWebhooks } from "@/lib/services/webhooks/queries";

const ZCreateWebhookBody = z.object({ url: z.string(), events: z.array(z.string()), description: z.string().optional(), secret: z.string().optional() });

export const GET = apiRoute({ permission: "webhooks.manage", auth: "session" }, async (ctx) => ({ webhooks: await listWebhooks(ctx.db) }));

/** Adds a receiver; the signing secret is in this response and nowhere else, ever. */
export const POST = apiRoute({ permission: "webhooks.manage", auth: "session", input: ZCreateWebhookBody }, async (ctx, input) => {
  const { webhook, secret } = await createWebhook(ctx, input);
  const { secretCiphertext: _sealed, ...shown } = webhook;
  return Response.json({ webhook: shown, secret }, { status: 201, headers: { "Cache-Control": "no-store" } });
});
