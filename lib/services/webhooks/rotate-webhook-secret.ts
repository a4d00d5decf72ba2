import { eq } from "drizzle-orm";
import { z } from "zod";
import { webhooks } from "@/db/schema";
import { auditedReceiver } from "@/lib/domain/webhook-receiver";
import { sealSecret } from "@/lib/auth/sealed-secret";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { auditOnCommit } from "../audit/emit";
import { parseInput } from "../parse";
import { lockWebhook } from "./load";
import { newWebhookSecret, WEBHOOK_SECRET_PURPOSE, ZWebhookSecretSchema } from "./schemas";

const ZRotateSchema = z.object({ id: z.uuid("Unknown webhook."), secret: ZWebhookSecretSchema.optional() });

/**
 * Replaces the signing secret at once: deliveries from now on (retries included) are signed with
 * the new one, which is returned once, here.
 */
export async function rotateWebhookSecret(ctx: ServiceContext, input: z.input<typeof ZRotateSchema>) {
  authorize(ctx, "webhooks.manage");
  const data = parseInput(ZRotateSchema, input);
  const secret = data.secret ?? newWebhookSecret();
  return withTransaction(ctx, async (tx) => {
    const webhook = await lockWebhook(tx, data.id);
    await tx.update(webhooks).set({ secretCiphertext: sealSecret(secret, WEBHOOK_SECRET_PURPOSE), updatedAt: new Date() }).where(eq(webhooks.id, webhook.id));
    await auditOnCommit(tx, ctx, { action: "webhook.secret_rotated", entityType: "webhook", entityId: webhook.id, data: { receiver: auditedReceiver(webhook.url), secretSupplied: data.secret !== undefined } });
    return { id: webhook.id, secret };
  });
}
