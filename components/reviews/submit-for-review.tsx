"use client";

import Link from "next/link";
import { FormError } from "@/components/forms/form-error";
import { useApiMutation } from "@/components/forms/use-api-mutation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { postReviewApi, ReviewApiError } from "./api";
import { preconditionHref, versionApi } from "./links";

/** The owner's "Submit for review"; a 422 lists the unmet preconditions with where to fix each. */
/** shownCodes: the checklist already on the page; a refusal that lists the same items points to it rather than repeating it. */
export function SubmitForReview({ slug, version, shownCodes = [] }: { slug: string; version: string; shownCodes?: readonly string[] }) {
  const api = versionApi(slug, version);
  const mutation = useApiMutation(() => postReviewApi<{ stage: string }>(`${api}/submit`, {}));
  const refused = mutation.error instanceof ReviewApiError ? mutation.error.preconditions : [];
  const sameAsShown = refused.length > 0 && refused.map((p) => `${p.code}:${p.link.anchor ?? ""}`).join("|") === shownCodes.join("|");
  return (
    <div className="space-y-3">
      <Button onClick={() => mutation.mutate(undefined)} disabled={mutation.isPending}>
        {mutation.isPending ? "Submitting…" : "Submit for review"}
      </Button>
      {mutation.error && refused.length === 0 && <FormError error={mutation.error} />}
      {sameAsShown && (
        <Alert tone="danger" title={mutation.error?.message ?? "The submission was refused."}>
          <p>Each unmet precondition is in the checklist above, with a link to where it is fixed.</p>
        </Alert>
      )}
      {refused.length > 0 && !sameAsShown && (
        <Alert tone="danger" title={mutation.error?.message ?? "The submission was refused."}>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {refused.map((p, i) => (
              <li key={`${p.code}-${i}`}>
                {p.message}{" "}
                <Link className="font-medium underline" href={preconditionHref(slug, version, p.link)}>Fix this</Link>
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </div>
  );
}
