"use client";

import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { NotificationList } from "./notification-list";
import { useMarkRead, useNotifications } from "./use-notifications";

/** The /notifications page's list: the last hundred, refreshing by itself. */
export function NotificationsPageList() {
  const query = useNotifications(100);
  const markRead = useMarkRead();
  if (query.isPending) return <p className="text-sm text-ink-muted">Loading…</p>;
  if (query.isError) return <p role="alert" className="text-sm text-danger">Notifications could not be loaded. They will be retried in a moment.</p>;
  if (query.data.items.length === 0) {
    return (
      <EmptyState title="No notifications yet">
        You are told here when a version is submitted for your review, when a review of something you own or maintain is decided, when an approval is invalidated, and when a periodic review falls overdue.
      </EmptyState>
    );
  }
  return (
    <section aria-label="Notifications" className="rounded-lg border border-line bg-surface shadow-xs">
      <div className="flex items-center justify-between border-b border-line px-4 py-3">
        <p className="text-sm text-ink-muted" aria-live="polite">{query.data.unread} unread</p>
        <Button variant="secondary" size="sm" disabled={query.data.unread === 0 || markRead.isPending} onClick={() => markRead.mutate({ all: true })}>Mark all read</Button>
      </div>
      <NotificationList items={query.data.items} onOpen={(item) => {
          if (!item.readAt) markRead.mutate({ ids: [item.id] });
        }} />
    </section>
  );
}
