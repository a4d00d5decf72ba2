import { eq } from "drizzle-orm";
import { z } from "zod";
import { webhooks } from "@/db/schema";
import { auditedReceiver } from "@/lib/domain/webhook-receiver";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { Conflict } from "../errors";
import { auditOnCommit } from "../audit/emit";
import { parseInput } from "../parse";
import { lockWebhook } from "./load";

const ZDeactivateSchema = z.object({ id: z.uuid("Unknown webhook.") });

/**
 * Stops a webhook: no new deliveries are written for it and the dispatcher leaves its pending
 * ones alone. Webhooks are never deleted, so their delivery log is kept.
 */
export async function deactivateWebhook(ctx: ServiceContext, input: z.input<typeof ZDeactivateSchema>) {
  authorize(ctx, "webhooks.manage");
  const data = parseInput(ZDeactivateSchema, input);
  return withTransaction(ctx, async (tx) => {
    const webhook = await lockWebhook(tx, data.id);
    if (!webhook.active) throw new Conflict("This webhook is already inactive.");
    const [updated] = await tx.update(webhooks).set({ active: false, updatedAt: new Date() }).where(eq(webhooks.id, webhook.id)).returning();
    await auditOnCommit(tx, ctx, { action: "webhook.deactivated", entityType: "webhook", entityId: webhook.id, data: { receiver: auditedReceiver(webhook.url) } });
    return updated!;
  });
}
