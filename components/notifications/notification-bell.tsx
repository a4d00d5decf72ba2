"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { Icon } from "@/components/shell/icons";
import { NotificationList } from "./notification-list";
import { useMarkRead, useNotifications } from "./use-notifications";

/** The bell in the shell's header: the unread count, and a panel with the latest notifications. */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const query = useNotifications(10);
  const markRead = useMarkRead();
  const unread = query.data?.unread ?? 0;

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [open]);

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-label={`Notifications, ${unread} unread`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="relative grid h-9 w-9 place-items-center rounded-md border border-line bg-white text-ink-muted hover:bg-slate-50 hover:text-ink"
      >
        <Icon name="bell" className="h-5 w-5" />
        {unread > 0 && (
          <span aria-hidden className="absolute -right-1.5 -top-1.5 min-w-5 rounded-full bg-danger px-1 text-center text-[11px] font-semibold leading-5 text-white">
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {/* The button's name changes silently; this says a new count out loud when the poll brings one. */}
      <span className="sr-only" aria-live="polite">{unread > 0 ? `${unread} unread notifications` : ""}</span>
      {open && (
        <div id={panelId} role="region" aria-label="Notifications" className="absolute right-0 z-40 mt-2 w-96 max-w-[calc(100vw-2rem)] overflow-hidden rounded-lg border border-line bg-white shadow-lg">
          <div className="flex items-center justify-between border-b border-line px-4 py-2.5">
            <h2 className="text-sm font-semibold">Notifications</h2>
            <button
              type="button"
              disabled={unread === 0 || markRead.isPending}
              onClick={() => markRead.mutate({ all: true })}
              className="text-xs font-medium text-brand hover:underline disabled:cursor-not-allowed disabled:text-ink-muted disabled:no-underline"
            >
              Mark all read
            </button>
          </div>
          <div className="max-h-96 overflow-y-auto">
            {query.isPending ? (
              <p className="px-4 py-6 text-center text-sm text-ink-muted">Loading…</p>
            ) : query.isError ? (
              <p role="alert" className="px-4 py-6 text-center text-sm text-danger">Notifications could not be loaded. They will be retried in a moment.</p>
            ) : query.data.items.length === 0 ? (
              <p className="px-4 py-6 text-center text-sm text-ink-muted">Nothing yet. You will be told here when a review needs you or something you own is decided.</p>
            ) : (
              <NotificationList compact items={query.data.items} onOpen={(item) => {
                  setOpen(false);
                  if (!item.readAt) markRead.mutate({ ids: [item.id] });
                }} />
            )}
          </div>
          <Link href="/notifications" onClick={() => setOpen(false)} className="block border-t border-line px-4 py-2.5 text-center text-sm font-medium text-brand hover:bg-slate-50">
            See all notifications
          </Link>
        </div>
      )}
    </div>
  );
}
