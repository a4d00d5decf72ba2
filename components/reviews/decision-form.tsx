"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { useApiMutation } from "@/components/forms/use-api-mutation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { TextArea } from "@/components/ui/text-area";
import { postReviewApi } from "./api";

type Decision = "approve" | "request_changes" | "reject";
const DONE: Record<Decision, string> = { approve: "Approval recorded.", request_changes: "Changes requested: the version is back with its owner.", reject: "Rejected: the version is back with its owner." };

/** A compliance officer's decision. Separation of duties is the server's: a 403 says why. */
export function DecisionForm({ api, dossierHash, pageHref }: { api: string; dossierHash: string; pageHref: string }) {
  const router = useRouter();
  const [comment, setComment] = useState("");
  const [missing, setMissing] = useState(false);
  const mutation = useApiMutation(
    (body: { decision: Decision; comment: string }) => postReviewApi<{ stage: string }>(`${api}/decisions`, body),
    () => {
      setComment("");
      // Stay on this version once it leaves review (the page's default is the version in review).
      router.replace(pageHref, { scroll: false });
    },
  );
  const decide = (decision: Decision) => {
    if (decision !== "approve" && comment.trim() === "") {
      setMissing(true);
      document.getElementById("decision-comment")?.focus();
      return;
    }
    setMissing(false);
    mutation.mutate({ decision, comment });
  };
  const commentError = missing ? "Say what must change: a comment is required to request changes or reject." : mutation.fieldErrors.comment;
  return (
    <form className="space-y-4" aria-label="Decision" onSubmit={(e) => e.preventDefault()}>
      {mutation.error?.status === 403 ? (
        <Alert tone="danger" title="You may not decide on this review">
          <p>{mutation.error.message}</p>
          <p className="mt-1">Separation of duties: another compliance officer has to take this decision.</p>
        </Alert>
      ) : (
        <FormError error={mutation.error} shownFields={["comment"]} />
      )}
      {mutation.isSuccess && mutation.variables && <p role="status" className="text-sm font-medium text-success">{DONE[mutation.variables.decision]}</p>}
      <Field id="decision-comment" label="Comment" help="Optional for an approval; required to request changes or reject." error={commentError}>
        <TextArea id="decision-comment" value={comment} onChange={(e) => setComment(e.target.value)} maxLength={10_000} error={commentError} />
      </Field>
      <p className="text-xs text-ink-muted">Your decision is recorded against dossier <code className="font-mono">{dossierHash.slice(0, 16)}…</code></p>
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => decide("approve")} disabled={mutation.isPending}>Approve</Button>
        <Button variant="secondary" onClick={() => decide("request_changes")} disabled={mutation.isPending}>Request changes</Button>
        <Button variant="danger" onClick={() => decide("reject")} disabled={mutation.isPending}>Reject</Button>
      </div>
    </form>
  );
}
