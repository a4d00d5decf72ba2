import { randomUUID } from "node:crypto";
import { z } from "zod";
import { webhookDeliveries } from "@/db/schema";
import { WEBHOOK_PING, type TWebhookBody } from "@/lib/domain/webhook-events";
import { auditedReceiver } from "@/lib/domain/webhook-receiver";
import { actorEmail } from "@/lib/auth/actor";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { Conflict } from "../errors";
import { emitAudit } from "../audit/emit";
import { parseInput } from "../parse";
import { lockWebhook } from "./load";

const ZPingSchema = z.object({ id: z.uuid("Unknown webhook.") });

/** "Send a test event": a webhook.ping delivery to this webhook only, sent by the dispatcher like any other. */
export async function pingWebhook(ctx: ServiceContext, input: z.input<typeof ZPingSchema>) {
  authorize(ctx, "webhooks.manage");
  const data = parseInput(ZPingSchema, input);
  return withTransaction(ctx, async (tx) => {
    const webhook = await lockWebhook(tx, data.id);
    if (!webhook.active) throw new Conflict("This webhook is inactive: activate it before sending a test event.");
    const body: TWebhookBody = { id: randomUUID(), type: WEBHOOK_PING, occurredAt: new Date().toISOString(), auditSeq: null, data: { webhookId: webhook.id, requestedBy: actorEmail(ctx.actor) } };
    const [delivery] = await tx.insert(webhookDeliveries).values({ webhookId: webhook.id, eventType: WEBHOOK_PING, payload: JSON.stringify(body) }).returning();
    const event = await emitAudit(tx, ctx, { action: "webhook.pinged", entityType: "webhook", entityId: webhook.id, data: { receiver: auditedReceiver(webhook.url), deliveryId: delivery!.id } });
    return { ...delivery!, auditSeq: event.seq };
  });
}
