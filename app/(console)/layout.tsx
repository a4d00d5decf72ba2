import Link from "next/link";
import type { ReactNode } from "react";
import { getDb } from "@/db/instance";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { MobileNav } from "@/components/shell/mobile-nav";
import { navFor } from "@/components/shell/nav";
import { Sidebar } from "@/components/shell/sidebar";
import { UserMenu } from "@/components/shell/user-menu";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { getUserById } from "@/lib/services/users/queries";

// Every console page re-reads the signed-in user from the database on each request.
export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const nav = navFor(actor.roles);
  const user = await getUserById(await getDb(), actor.userId);
  return (
    <div className="flex min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <aside className="hidden w-60 shrink-0 bg-brand-strong md:block">
        <div className="sticky top-0 h-screen overflow-y-auto">
          <Sidebar items={nav} />
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-16 items-center justify-end gap-4 border-b border-line bg-white px-4 sm:px-6">
          <MobileNav items={nav} />
          <NotificationBell />
          <UserMenu name={actor.name} email={actor.email} roleLabels={actor.roles.map((r) => ROLE_LABELS[r])} />
        </header>
        {user?.mustChangePassword && (
          <div role="status" className="border-b border-amber-200 bg-warning-soft px-6 py-2.5 text-sm text-warning">
            <strong className="font-semibold">You are using a one-time password.</strong>{" "}
            <Link href="/account" className="font-semibold underline underline-offset-2 hover:no-underline">Choose your own now.</Link>
          </div>
        )}
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-8 sm:px-6">
          {children}
        </main>
      </div>
    </div>
  );
}
