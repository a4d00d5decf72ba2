import type { Metadata } from "next";
import { NotificationsPageList } from "@/components/notifications/notifications-page-list";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  await requireActor("notifications.read");
  return (
    <>
      <PageHeader title="Notifications" description="What needs your attention: submissions and periodic reviews to decide, decisions, comments and invalidated approvals on models you are involved in, and overdue periodic reviews." />
      <NotificationsPageList />
    </>
  );
}
