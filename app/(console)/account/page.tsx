import type { Metadata } from "next";
import { getDb } from "@/db/instance";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { PERMISSIONS, ROLE_LABELS } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { getUserById } from "@/lib/services/users/queries";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await requireActor();
  const user = await getUserById(await getDb(), actor.userId);
  const granted = Object.values(PERMISSIONS).filter((rule) => actor.roles.some((role) => (rule.roles as readonly string[]).includes(role)));

  return (
    <>
      <PageHeader eyebrow="Account" title="Your account" description="Who Attest knows you as, and your password." />
      {user?.mustChangePassword && (
        <Alert tone="warning" title="You are using a one-time password" className="mb-6">
          Your administrator created it for you. Choose your own password below; the one-time password then stops working.
        </Alert>
      )}
      <div className="grid gap-6 lg:grid-cols-5">
        <Card title="Profile" className="lg:col-span-2">
          <dl className="space-y-4 text-sm">
            <div>
              <dt className="text-ink-muted">Name</dt>
              <dd className="mt-0.5 font-medium">{actor.name}</dd>
            </div>
            <div>
              <dt className="text-ink-muted">Email</dt>
              <dd className="mt-0.5 font-medium break-all">{actor.email}</dd>
            </div>
            <div>
              <dt className="text-ink-muted">Roles</dt>
              <dd className="mt-1 flex flex-wrap gap-1.5">
                {actor.roles.map((role) => (
                  <Badge key={role} tone="brand">{ROLE_LABELS[role]}</Badge>
                ))}
              </dd>
            </div>
            {user?.auditorExpiresAt && actor.roles.includes("auditor") && (
              <div>
                <dt className="text-ink-muted">Auditor access ends</dt>
                <dd className="mt-0.5 font-medium">{formatDate(user.auditorExpiresAt)}</dd>
              </div>
            )}
          </dl>
          <div className="mt-5 border-t border-line pt-4">
            <h3 className="text-sm font-semibold">What your roles allow</h3>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-ink-muted">
              {granted.map((rule) => (
                <li key={rule.description}>{rule.description}</li>
              ))}
            </ul>
          </div>
        </Card>
        <Card title="Change password" className="lg:col-span-3">
          <ChangePasswordForm />
        </Card>
      </div>
    </>
  );
}
