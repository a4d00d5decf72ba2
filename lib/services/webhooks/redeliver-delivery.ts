import { eq } from "drizzle-orm";
import { z } from "zod";
import { webhookDeliveries, webhooks } from "@/db/schema";
import { auditedReceiver } from "@/lib/domain/webhook-receiver";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { Conflict, NotFound } from "../errors";
import { auditOnCommit } from "../audit/emit";
import { parseInput } from "../parse";

const ZRedeliverSchema = z.object({ deliveryId: z.uuid("Unknown delivery.") });

/**
 * Gives a delivery that failed for good one more attempt, now, with the same body (and so the
 * same event id: receivers deduplicate on it). Its attempt count carries on, so a failure marks
 * it failed again rather than restarting the whole backoff schedule.
 */
export async function redeliverDelivery(ctx: ServiceContext, input: z.input<typeof ZRedeliverSchema>) {
  authorize(ctx, "webhooks.manage");
  const data = parseInput(ZRedeliverSchema, input);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .select({ delivery: webhookDeliveries, url: webhooks.url, active: webhooks.active })
      .from(webhookDeliveries)
      .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
      .where(eq(webhookDeliveries.id, data.deliveryId))
      .for("update", { of: webhookDeliveries });
    if (!row) throw new NotFound("The delivery");
    if (row.delivery.status !== "failed") throw new Conflict(`Only a failed delivery can be sent again; this one is ${row.delivery.status}.`);
    if (!row.active) throw new Conflict("This webhook is inactive: activate it before retrying its deliveries.");
    const [updated] = await tx.update(webhookDeliveries).set({ status: "pending", nextAttemptAt: new Date() }).where(eq(webhookDeliveries.id, row.delivery.id)).returning();
    await auditOnCommit(tx, ctx, {
      action: "webhook.redelivered",
      entityType: "webhook",
      entityId: row.delivery.webhookId,
      data: { receiver: auditedReceiver(row.url), deliveryId: row.delivery.id, eventType: row.delivery.eventType, attempts: row.delivery.attempts },
    });
    return updated!;
  });
}
