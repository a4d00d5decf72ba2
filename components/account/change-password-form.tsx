"use client";

import { useRef, useState, type FormEvent } from "react";
import { FormError } from "@/components/forms/form-error";
import { useApiMutation } from "@/components/forms/use-api-mutation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { callApi } from "@/lib/api/client";

type Body = { currentPassword: string; newPassword: string };

export function ChangePasswordForm() {
  const form = useRef<HTMLFormElement>(null);
  const [mismatch, setMismatch] = useState(false);
  const change = useApiMutation((body: Body) => callApi("/api/v1/account/password", { method: "POST", body }), () => form.current?.reset());
  const errors = change.fieldErrors;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const newPassword = String(data.get("newPassword") ?? "");
    // Checked here only: the server never sees the confirmation, it guards against a typo.
    const confirmed = newPassword === String(data.get("confirmPassword") ?? "");
    setMismatch(!confirmed);
    if (!confirmed) return change.reset();
    change.mutate({ currentPassword: String(data.get("currentPassword") ?? ""), newPassword });
  }

  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
      <FormError error={change.error} shownFields={["currentPassword", "newPassword"]} />
      {change.isSuccess && <Alert tone="success">Password changed. Use it the next time you sign in.</Alert>}
      <Field id="currentPassword" label="Current password" error={errors.currentPassword}>
        <TextInput id="currentPassword" type="password" autoComplete="current-password" required error={errors.currentPassword} />
      </Field>
      <Field id="newPassword" label="New password" help="At least 12 characters. A short sentence is easy to remember and hard to guess." error={errors.newPassword}>
        <TextInput id="newPassword" type="password" autoComplete="new-password" required minLength={12} error={errors.newPassword} />
      </Field>
      <Field id="confirmPassword" label="Confirm new password" error={mismatch ? "The two new passwords differ." : undefined}>
        <TextInput id="confirmPassword" type="password" autoComplete="new-password" required error={mismatch ? "The two new passwords differ." : undefined} />
      </Field>
      <Button type="submit" disabled={change.isPending}>{change.isPending ? "Changing…" : "Change password"}</Button>
    </form>
  );
}
