"use client";

import { useRef, useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { useApiMutation } from "@/components/forms/use-api-mutation";
import { Button, buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { TextArea } from "@/components/ui/text-area";
import { postReviewApi } from "./api";

/** A compliance officer's "Comment" on one card field: a button that opens a small form in place. */
export function NewComment({ api, fieldPath, fieldLabel }: { api: string; fieldPath: string; fieldLabel: string }) {
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState("");
  const opener = useRef<HTMLButtonElement>(null);
  const id = `comment-${fieldPath.replace(".", "-")}`;
  const mutation = useApiMutation(
    (text: string) => postReviewApi(`${api}/comments`, { fieldPath, body: text }),
    () => {
      setBody("");
      setOpen(false);
      opener.current?.focus();
    },
  );
  if (!open) {
    return (
      <button ref={opener} type="button" className={buttonClass("secondary", "sm")} onClick={() => setOpen(true)} aria-label={`Comment on ${fieldLabel}`}>
        Comment
      </button>
    );
  }
  return (
    <form
      className="mt-2 w-full space-y-2"
      aria-label={`New comment on ${fieldLabel}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (body.trim() !== "") mutation.mutate(body);
      }}
    >
      <FormError error={mutation.error} shownFields={["body"]} />
      <Field id={id} label={`Comment on ${fieldLabel}`} help="The owner and maintainers answer and resolve it. Comments are not part of the dossier." error={mutation.fieldErrors.body}>
        <TextArea id={id} value={body} onChange={(e) => setBody(e.target.value)} maxLength={5_000} rows={3} autoFocus error={mutation.fieldErrors.body} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={mutation.isPending || body.trim() === ""}>Post comment</Button>
        <Button variant="secondary" size="sm" onClick={() => setOpen(false)}>Cancel</Button>
      </div>
    </form>
  );
}
