import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookDeliveries, webhooks } from "@/db/schema";

/** Every webhook, newest first, with counts of its deliveries by status (never its secret). */
export async function listWebhooks(db: Db) {
  return db
    .select({
      id: webhooks.id,
      url: webhooks.url,
      description: webhooks.description,
      events: webhooks.events,
      active: webhooks.active,
      createdAt: webhooks.createdAt,
      updatedAt: webhooks.updatedAt,
      pending: sql<number>`(SELECT count(*)::int FROM webhook_deliveries d WHERE d.webhook_id = ${webhooks.id} AND d.status = 'pending')`,
      failed: sql<number>`(SELECT count(*)::int FROM webhook_deliveries d WHERE d.webhook_id = ${webhooks.id} AND d.status = 'failed')`,
    })
    .from(webhooks)
    .orderBy(desc(webhooks.createdAt));
}

/** One webhook's public fields (never its secret), or null. */
export async function findWebhook(db: Db, id: string) {
  const [webhook] = await db.select({ id: webhooks.id, url: webhooks.url, active: webhooks.active }).from(webhooks).where(eq(webhooks.id, id));
  return webhook ?? null;
}

/** A webhook's delivery log, newest first (the payload is left out: it can be large). */
export async function deliveriesOfWebhook(db: Db, webhookId: string, limit = 50) {
  return db
    .select({
      id: webhookDeliveries.id,
      eventType: webhookDeliveries.eventType,
      auditSeq: webhookDeliveries.auditSeq,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      lastAttemptAt: webhookDeliveries.lastAttemptAt,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      lastError: webhookDeliveries.lastError,
      deliveredAt: webhookDeliveries.deliveredAt,
      createdAt: webhookDeliveries.createdAt,
    })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.webhookId, webhookId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
}

export type TWebhookRow = Awaited<ReturnType<typeof listWebhooks>>[number];
export type TDeliveryRow = Awaited<ReturnType<typeof deliveriesOfWebhook>>[number];
