import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhooks } from "@/db/schema";
import { NotFound } from "../errors";

/** The webhook, locked for the rest of the caller's transaction; 404 when there is none. */
export async function lockWebhook(tx: Db, id: string) {
  const [webhook] = await tx.select().from(webhooks).where(eq(webhooks.id, id)).for("update");
  if (!webhook) throw new NotFound("The webhook");
  return webhook;
}
