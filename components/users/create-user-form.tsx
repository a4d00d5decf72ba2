"use client";

import { useRef, useState, type FormEvent } from "react";
import { FormError } from "@/components/forms/form-error";
import { useApiMutation } from "@/components/forms/use-api-mutation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { Field, TextInput } from "@/components/ui/field";
import { OneTimeSecret } from "@/components/ui/one-time-secret";
import { callApi } from "@/lib/api/client";
import { endOfDayUtc, ROLE_OPTIONS } from "./role-options";

type CreateUserBody = { email: string; name: string; roles: string[]; auditorExpiresAt: string | null; password?: string };
type CreatedUser = { user: { id: string; email: string; name: string }; oneTimePassword: string | null };

const FIELDS = ["email", "name", "roles", "auditorExpiresAt", "password"];

export function CreateUserForm() {
  const form = useRef<HTMLFormElement>(null);
  const [roles, setRoles] = useState<string[]>([]);
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const create = useApiMutation(
    (body: CreateUserBody) => callApi<CreatedUser>("/api/v1/admin/users", { method: "POST", body }),
    (result) => {
      setCreated(result);
      form.current?.reset();
      setRoles([]);
    },
  );
  const errors = create.fieldErrors;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const expiry = String(data.get("auditorExpiresAt") ?? "");
    const password = String(data.get("password") ?? "");
    setCreated(null);
    create.mutate({
      email: String(data.get("email") ?? ""),
      name: String(data.get("name") ?? ""),
      roles,
      auditorExpiresAt: roles.includes("auditor") && expiry ? endOfDayUtc(expiry) : null,
      ...(password ? { password } : {}),
    });
  }

  return (
    <div className="space-y-5">
      {created &&
        (created.oneTimePassword ? (
          <OneTimeSecret title={`One-time password for ${created.user.email}`} secret={created.oneTimePassword} testId="one-time-password" onDismiss={() => setCreated(null)}>
            Give it to {created.user.name} through a channel you trust. It is shown only now, and it must be changed at first sign-in.
          </OneTimeSecret>
        ) : (
          <Alert tone="success">Account created for {created.user.email}. They sign in with the password you set.</Alert>
        ))}
      <form ref={form} onSubmit={onSubmit} noValidate className="space-y-5">
        <FormError error={create.error} shownFields={FIELDS} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="email" label="Email" error={errors.email}>
            <TextInput id="email" type="email" autoComplete="off" required error={errors.email} />
          </Field>
          <Field id="name" label="Full name" error={errors.name}>
            <TextInput id="name" autoComplete="off" required error={errors.name} />
          </Field>
        </div>
        <CheckboxGroup id="roles" legend="Roles" options={ROLE_OPTIONS} value={roles} onChange={setRoles} error={errors.roles} />
        <div className="grid gap-4 sm:grid-cols-2">
          {roles.includes("auditor") && (
            <Field id="auditorExpiresAt" label="Auditor access until" help="Access ends at the close of this day (UTC). Leave empty for no end date." error={errors.auditorExpiresAt}>
              <TextInput id="auditorExpiresAt" type="date" error={errors.auditorExpiresAt} />
            </Field>
          )}
          <Field id="password" label="Password (optional)" help="Leave blank to generate a one-time password, shown once here." error={errors.password}>
            <TextInput id="password" type="password" autoComplete="new-password" error={errors.password} />
          </Field>
        </div>
        <Button type="submit" disabled={create.isPending}>{create.isPending ? "Creating…" : "Create user"}</Button>
      </form>
    </div>
  );
}
