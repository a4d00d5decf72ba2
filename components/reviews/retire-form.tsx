"use client";

import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { useApiMutation } from "@/components/forms/use-api-mutation";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { TextArea } from "@/components/ui/text-area";
import { postReviewApi } from "./api";

/** Takes the version out of service for a stated reason; it becomes read-only and is kept ten years. */
export function RetireForm({ api }: { api: string }) {
  const [reason, setReason] = useState("");
  const mutation = useApiMutation((body: { reason: string }) => postReviewApi(`${api}/retire`, body));
  return (
    <form
      className="space-y-3"
      aria-label="Retire"
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate({ reason });
      }}
    >
      <FormError error={mutation.error} shownFields={["reason"]} />
      <Field id="retire-reason" label="Reason" help="Retiring cannot be undone: the version becomes read-only and its record is kept for ten years." error={mutation.fieldErrors.reason}>
        <TextArea id="retire-reason" value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={5000} error={mutation.fieldErrors.reason} />
      </Field>
      <Button type="submit" variant="danger" disabled={mutation.isPending}>{mutation.isPending ? "Retiring…" : "Retire"}</Button>
    </form>
  );
}
