"use client";

import Link from "next/link";
import { relativeTime } from "@/components/reviews/relative-time";
import { formatDateTime } from "@/components/ui/format";
import { cx } from "@/components/ui/cx";
import type { TNotificationItem } from "./use-notifications";

/** Notifications as a list of links; unread ones marked by a dot and said so to screen readers. */
export function NotificationList({ items, onOpen, compact = false }: { items: TNotificationItem[]; onOpen: (item: TNotificationItem) => void; compact?: boolean }) {
  return (
    <ul className="divide-y divide-line">
      {items.map((item) => {
        const content = (
          <>
            <span aria-hidden className={cx("mt-1.5 h-2 w-2 shrink-0 rounded-full", item.readAt ? "bg-transparent" : "bg-brand")} />
            <span className="min-w-0 flex-1">
              <span className={cx("block text-sm text-ink", !item.readAt && "font-semibold")}>
                {!item.readAt && <span className="sr-only">Unread: </span>}
                {item.title}
              </span>
              {item.body && <span className={cx("mt-0.5 block text-xs text-ink-muted", compact && "line-clamp-2")}>{item.body}</span>}
              <time dateTime={item.createdAt} title={formatDateTime(item.createdAt)} className="mt-0.5 block text-xs text-ink-muted">{relativeTime(item.createdAt)}</time>
            </span>
          </>
        );
        const className = "flex gap-2.5 px-4 py-3 text-left hover:bg-slate-50 focus-visible:bg-slate-50";
        return (
          <li key={item.id}>
            {item.link ? (
              <Link href={item.link} className={className} onClick={() => onOpen(item)}>{content}</Link>
            ) : (
              <div className={className}>{content}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
