import { z } from "zod";
import { webhooks } from "@/db/schema";
import { auditedReceiver } from "@/lib/domain/webhook-receiver";
import { sealSecret } from "@/lib/auth/sealed-secret";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { auditOnCommit } from "../audit/emit";
import { parseInput } from "../parse";
import { refuseNonPublicReceiver } from "./receiver-address";
import { newWebhookSecret, WEBHOOK_SECRET_PURPOSE, ZWebhookDescriptionSchema, ZWebhookEventsSchema, ZWebhookSecretSchema, ZWebhookUrlSchema } from "./schemas";

const ZCreateWebhookSchema = z.object({
  url: ZWebhookUrlSchema,
  events: ZWebhookEventsSchema,
  description: ZWebhookDescriptionSchema.default(""),
  secret: ZWebhookSecretSchema.optional(),
});

/** An admin adds a receiver. The signing secret is returned once, here; Attest keeps it sealed. */
export async function createWebhook(ctx: ServiceContext, input: z.input<typeof ZCreateWebhookSchema>) {
  authorize(ctx, "webhooks.manage");
  const data = parseInput(ZCreateWebhookSchema, input);
  await refuseNonPublicReceiver(data.url);
  const secret = data.secret ?? newWebhookSecret();
  const webhook = await withTransaction(ctx, async (tx) => {
    const [webhook] = await tx
      .insert(webhooks)
      .values({ url: data.url, description: data.description, events: data.events, secretCiphertext: sealSecret(secret, WEBHOOK_SECRET_PURPOSE), createdBy: ctx.actor.kind === "user" ? ctx.actor.userId : null })
      .returning();
    await auditOnCommit(tx, ctx, {
      action: "webhook.created",
      entityType: "webhook",
      entityId: webhook!.id,
      data: { receiver: auditedReceiver(data.url), description: data.description, events: data.events, secretSupplied: data.secret !== undefined },
    });
    return webhook!;
  });
  return { webhook, secret };
}
