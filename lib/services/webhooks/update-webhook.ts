import { eq } from "drizzle-orm";
import { z } from "zod";
import { webhooks } from "@/db/schema";
import { auditedReceiver } from "@/lib/domain/webhook-receiver";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { InvalidInput } from "../errors";
import { auditOnCommit } from "../audit/emit";
import { parseInput } from "../parse";
import { lockWebhook } from "./load";
import { refuseNonPublicReceiver } from "./receiver-address";
import { ZWebhookDescriptionSchema, ZWebhookEventsSchema, ZWebhookUrlSchema } from "./schemas";

const ZUpdateWebhookSchema = z.object({
  id: z.uuid("Unknown webhook."),
  url: ZWebhookUrlSchema.optional(),
  events: ZWebhookEventsSchema.optional(),
  description: ZWebhookDescriptionSchema.optional(),
  active: z.boolean().optional(),
});

const FIELDS = ["url", "events", "description", "active"] as const;

/** Changes what a webhook receives and where; reactivating one is done here too. */
export async function updateWebhook(ctx: ServiceContext, input: z.input<typeof ZUpdateWebhookSchema>) {
  authorize(ctx, "webhooks.manage");
  const data = parseInput(ZUpdateWebhookSchema, input);
  if (data.url !== undefined) await refuseNonPublicReceiver(data.url);
  return withTransaction(ctx, async (tx) => {
    const before = await lockWebhook(tx, data.id);
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const field of FIELDS) {
      const after = data[field];
      if (after === undefined || JSON.stringify(after) === JSON.stringify(before[field])) continue;
      changes[field] = field === "url" ? { before: auditedReceiver(before.url), after: auditedReceiver(after as string) } : { before: before[field], after };
    }
    if (Object.keys(changes).length === 0) throw new InvalidInput("Nothing to change: every field is as it was.");
    const [updated] = await tx
      .update(webhooks)
      .set({ url: data.url, events: data.events, description: data.description, active: data.active, updatedAt: new Date() })
      .where(eq(webhooks.id, before.id))
      .returning();
    await auditOnCommit(tx, ctx, { action: "webhook.updated", entityType: "webhook", entityId: before.id, data: { receiver: auditedReceiver(updated!.url), changes } });
    return updated!;
  });
}
