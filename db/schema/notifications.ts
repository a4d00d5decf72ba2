import { bigint, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * In-app notifications (the bell). Written in the same transaction as the audit event that caused
 * them, so a notification never announces a change that rolled back. Only read_at ever changes.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id),
    // e.g. "review.submitted", "review.decided", "approval.invalidated", "review.overdue"
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    // An app path, e.g. /models/credit-scoring/reviews?version=2.3.0
    link: text("link"),
    // The audit event that caused it; null for the overdue sweep, which changes nothing.
    auditSeq: bigint("audit_seq", { mode: "number" }),
    // Set when one notification per user and subject is enough (e.g. "overdue:<versionId>:<due date>").
    dedupeKey: text("dedupe_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt), uniqueIndex("notifications_dedupe_idx").on(t.userId, t.dedupeKey)],
);

export type TNotification = typeof notifications.$inferSelect;
