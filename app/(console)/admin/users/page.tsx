import type { Metadata } from "next";
import { getDb } from "@/db/instance";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UserRow } from "@/components/users/user-row";
import { UserStatus } from "@/components/users/user-status";
import { Badge } from "@/components/ui/badge";
import { Disclosure } from "@/components/ui/disclosure";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { isRole, ROLE_LABELS } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { listUsers } from "@/lib/services/users/queries";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requireActor("users.manage");
  const users = await listUsers(await getDb());
  const now = new Date();
  const active = users.filter((u) => u.active).length;

  return (
    <>
      <PageHeader
        eyebrow="Administration"
        title="Users"
        description="Who can sign in to Attest and what each person may do. Every change here is recorded in the audit log and takes effect on the person's next request."
      />
      <Disclosure summary="New user" hint="Create an account and choose its roles">
        <CreateUserForm />
      </Disclosure>
      <p className="mb-2 text-sm text-ink-muted">{active} active of {users.length} accounts, by name.</p>
      <Table caption="User accounts, by name">
        <thead>
          <tr>
            <Th>User</Th>
            <Th>Roles</Th>
            <Th>Status</Th>
            <Th><span className="sr-only">Actions</span></Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {users.map((user) => (
            <UserRow
              key={user.id}
              user={{ id: user.id, email: user.email, name: user.name, roles: user.roles, active: user.active, auditorExpiresAt: user.auditorExpiresAt?.toISOString() ?? null }}
              cells={
                <>
                  <Td className="align-middle">
                    <div className="flex min-w-56 items-center gap-3">
                      <span aria-hidden className="grid h-9 w-9 shrink-0 place-items-center rounded-full bg-brand-soft text-sm font-semibold text-brand">{initials(user.name)}</span>
                      <div className="min-w-0">
                        <p className="truncate font-medium">
                          {user.name}
                          {user.id === actor.userId && <span className="ml-1.5 text-xs font-normal text-ink-muted">(you)</span>}
                        </p>
                        <p className="truncate text-ink-muted">{user.email}</p>
                      </div>
                    </div>
                  </Td>
                  <Td className="align-middle">
                    <ul className="flex flex-wrap gap-1.5">
                      {user.roles.map((role) => (
                        <li key={role}>
                          <Badge tone={role === "admin" ? "brand" : "neutral"}>{isRole(role) ? ROLE_LABELS[role] : role}</Badge>
                        </li>
                      ))}
                    </ul>
                  </Td>
                  <Td className="align-middle">
                    <UserStatus user={user} now={now} />
                  </Td>
                </>
              }
            />
          ))}
        </tbody>
      </Table>
    </>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");
}
