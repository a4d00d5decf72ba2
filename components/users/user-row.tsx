"use client";

import { useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Chevron } from "@/components/ui/disclosure";
import { Td } from "@/components/ui/table";
import { ManageUserPanel, type ManagedUser } from "./manage-user-panel";

/** One account in the table; "Manage" opens its editor in place, in a full-width row below. */
export function UserRow({ user, cells }: { user: ManagedUser; cells: ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <>
      <tr className={open ? "bg-slate-50" : undefined}>
        {cells}
        <Td className="text-right align-middle">
          <Button variant="secondary" size="sm" aria-expanded={open} aria-controls={open ? panelId : undefined} onClick={() => setOpen(!open)}>
            Manage<span className="sr-only"> {user.name}</span>
            <Chevron open={open} />
          </Button>
        </Td>
      </tr>
      {open && (
        <tr id={panelId} className="bg-slate-50">
          <td colSpan={4} className="px-4 pb-6 pt-1">
            <p className="mb-4 text-sm text-ink-muted">
              Changes to <span className="font-medium text-ink">{user.email}</span> take effect on their next request and are recorded in the audit log.
            </p>
            <ManageUserPanel user={user} />
          </td>
        </tr>
      )}
    </>
  );
}
