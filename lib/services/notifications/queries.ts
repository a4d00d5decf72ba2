import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notifications } from "@/db/schema";

/** A user's most recent notifications and how many are unread (the bell's number). */
export async function notificationsOf(db: Db, userId: string, { limit = 20 }: { limit?: number } = {}) {
  const [items, [unread]] = await Promise.all([
    db
      .select({ id: notifications.id, kind: notifications.kind, title: notifications.title, body: notifications.body, link: notifications.link, createdAt: notifications.createdAt, readAt: notifications.readAt })
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit),
    db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt))),
  ]);
  return { items, unread: Number(unread?.n ?? 0) };
}

export type TNotificationList = Awaited<ReturnType<typeof notificationsOf>>;
