"use client";

import { signOut } from "next-auth/react";
import Link from "next/link";

export function UserMenu({ name, email, roleLabels }: { name: string; email: string; roleLabels: string[] }) {
  return (
    <div className="flex items-center gap-4">
      {/* On a phone the header holds the menu, the bell, Account and Sign out; the name waits on the Account page. */}
      <div className="hidden text-right leading-tight sm:block">
        <p className="text-sm font-medium text-ink">{name}</p>
        <p className="text-xs text-ink-muted">
          <span className="sr-only">Signed in as {email}, </span>
          {roleLabels.join(" · ")}
        </p>
      </div>
      <Link href="/account" className="text-sm font-medium text-ink-muted hover:text-ink">Account</Link>
      <button type="button" onClick={() => signOut({ callbackUrl: "/login" })} className="rounded-md border border-line bg-white px-3 py-1.5 text-sm font-medium text-ink hover:bg-slate-50">
        Sign out
      </button>
    </div>
  );
}
