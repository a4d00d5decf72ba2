"use client";

import { useRouter } from "next/navigation";
import { FormError } from "@/components/forms/form-error";
import { useApiMutation } from "@/components/forms/use-api-mutation";
import { Button } from "@/components/ui/button";
import { postReviewApi } from "./api";
import { versionApi } from "./links";

/** "Start re-review": opens the periodic review of a version that is due; then shows its review page. */
export function StartPeriodicReview({ slug, version, label }: { slug: string; version: string; label?: string }) {
  const router = useRouter();
  const reviewPage = `/models/${encodeURIComponent(slug)}/reviews?version=${encodeURIComponent(version)}`;
  const mutation = useApiMutation(() => postReviewApi(`${versionApi(slug, version)}/periodic-review`, {}), () => router.push(reviewPage));
  return (
    <div className="space-y-2">
      <Button size="sm" onClick={() => mutation.mutate(undefined)} disabled={mutation.isPending} aria-label={label}>
        {mutation.isPending ? "Starting…" : "Start re-review"}
      </Button>
      <FormError error={mutation.error} />
    </div>
  );
}
