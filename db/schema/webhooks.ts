import { bigint, boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * An admin-configured receiver of review and deployment events. The signing secret is kept
 * encrypted with the app secret (it must be recoverable to sign, unlike a password).
 */
export const webhooks = pgTable("webhooks", {
  id: uuid("id").primaryKey().defaultRandom(),
  url: text("url").notNull(),
  description: text("description").notNull().default(""),
  secretCiphertext: text("secret_ciphertext").notNull(),
  // The event types it receives, e.g. {review.submitted, version.deployed}.
  events: text("events").array().notNull(),
  active: boolean("active").notNull().default(true),
  createdBy: uuid("created_by"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The outbox and delivery log in one: a row is written in the transaction of the audit event it
 * announces (so nothing is announced that did not happen, and nothing that happened is lost), and
 * a background dispatcher sends it, retrying with backoff.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    webhookId: uuid("webhook_id").notNull().references(() => webhooks.id),
    eventType: text("event_type").notNull(),
    // The exact body sent (and signed) on every attempt.
    payload: text("payload").notNull(),
    auditSeq: bigint("audit_seq", { mode: "number" }),
    // "pending" | "delivered" | "failed" (gave up after the last retry)
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt), index("webhook_deliveries_webhook_idx").on(t.webhookId, t.createdAt)],
);

export type TWebhook = typeof webhooks.$inferSelect;
export type TWebhookDelivery = typeof webhookDeliveries.$inferSelect;
