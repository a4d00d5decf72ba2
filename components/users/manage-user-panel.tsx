"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { FormError } from "@/components/forms/form-error";
import { useApiMutation } from "@/components/forms/use-api-mutation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { Field, TextInput } from "@/components/ui/field";
import { callApi } from "@/lib/api/client";
import { endOfDayUtc, ROLE_OPTIONS } from "./role-options";

export type ManagedUser = { id: string; email: string; name: string; roles: string[]; active: boolean; auditorExpiresAt: string | null };

/** Roles, auditor expiry and deactivation: three separate changes, each its own audit event. */
export function ManageUserPanel({ user }: { user: ManagedUser }) {
  const base = `/api/v1/admin/users/${user.id}`;
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <RolesEditor user={user} endpoint={`${base}/roles`} />
      <AuditorExpiryEditor user={user} endpoint={`${base}/auditor-expiry`} />
      <ActiveToggle user={user} endpoint={`${base}/active`} />
    </div>
  );
}

function Section({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <section className="min-w-0 space-y-3">
      {title && <h3 className="text-sm font-semibold text-ink">{title}</h3>}
      {children}
    </section>
  );
}

function Saved({ when, children }: { when: boolean; children: ReactNode }) {
  return <p aria-live="polite" className="text-sm font-medium text-success">{when ? children : ""}</p>;
}

function RolesEditor({ user, endpoint }: { user: ManagedUser; endpoint: string }) {
  const [roles, setRoles] = useState(user.roles);
  const save = useApiMutation((body: { roles: string[] }) => callApi(endpoint, { method: "PUT", body }));
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ roles });
  }
  return (
    <Section>
      <form onSubmit={onSubmit} className="space-y-3">
        <FormError error={save.error} shownFields={["roles"]} />
        <CheckboxGroup id={`roles-${user.id}`} legend="Roles" options={ROLE_OPTIONS.map(({ value, label }) => ({ value, label }))} value={roles} onChange={setRoles} error={save.fieldErrors.roles} columns={1} legendClassName="font-semibold" />
        <Button type="submit" size="sm" disabled={save.isPending}>{save.isPending ? "Saving…" : "Save roles"}</Button>
        <Saved when={save.isSuccess}>Roles saved.</Saved>
      </form>
    </Section>
  );
}

function AuditorExpiryEditor({ user, endpoint }: { user: ManagedUser; endpoint: string }) {
  const id = `expiry-${user.id}`;
  const save = useApiMutation((body: { expiresAt: string | null }) => callApi(endpoint, { method: "PUT", body }));
  if (!user.roles.includes("auditor")) {
    return (
      <Section title="Auditor access">
        <p className="text-sm text-ink-muted">Only auditors have an access end date. Give this person the Auditor role first.</p>
      </Section>
    );
  }
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const day = String(new FormData(event.currentTarget).get("expiresAt") ?? "");
    save.mutate({ expiresAt: day ? endOfDayUtc(day) : null });
  }
  return (
    <Section title="Auditor access">
      <form onSubmit={onSubmit} className="space-y-3">
        <FormError error={save.error} shownFields={["expiresAt"]} />
        <Field id={id} label="Auditor access until" help="Access ends at the close of this day (UTC). Empty: no end date." error={save.fieldErrors.expiresAt}>
          <TextInput id={id} name="expiresAt" type="date" defaultValue={user.auditorExpiresAt?.slice(0, 10)} error={save.fieldErrors.expiresAt} />
        </Field>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" size="sm" disabled={save.isPending}>{save.isPending ? "Saving…" : "Save expiry"}</Button>
          {user.auditorExpiresAt && (
            <Button variant="ghost" size="sm" disabled={save.isPending} onClick={() => save.mutate({ expiresAt: null })}>Remove end date</Button>
          )}
        </div>
        <Saved when={save.isSuccess}>Auditor access updated.</Saved>
      </form>
    </Section>
  );
}

function ActiveToggle({ user, endpoint }: { user: ManagedUser; endpoint: string }) {
  const toggle = useApiMutation((body: { active: boolean }) => callApi(endpoint, { method: "PUT", body }));
  return (
    <Section title="Account">
      <p className="text-sm text-ink-muted">
        {user.active
          ? "Deactivation signs the person out at their next request and stops their API tokens. Their history stays in the audit log."
          : "The person cannot sign in and their API tokens do not work until the account is reactivated."}
      </p>
      <FormError error={toggle.error} />
      {user.active ? (
        <Button variant="danger" size="sm" disabled={toggle.isPending} onClick={() => toggle.mutate({ active: false })}>
          {toggle.isPending ? "Deactivating…" : "Deactivate"}
        </Button>
      ) : (
        <Button variant="secondary" size="sm" disabled={toggle.isPending} onClick={() => toggle.mutate({ active: true })}>
          {toggle.isPending ? "Reactivating…" : "Reactivate"}
        </Button>
      )}
      {/* Worded without "deactivated": the row's status badge is the one place that word appears. */}
      {toggle.isSuccess && <Alert tone="success">{toggle.variables?.active ? "Access restored." : "Access removed."}</Alert>}
    </Section>
  );
}
