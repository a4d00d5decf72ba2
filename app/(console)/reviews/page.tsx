import { ReviewQueue } from "@/components/reviews/review-queue";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";

export const metadata = { title: "Reviews" };

/** The compliance officer's review queue. */
export default async function ReviewsPage() {
  await requireActor("reviews.decide");
  return (
    <>
      <PageHeader
        title="Reviews"
        description="Versions waiting for a decision, periodic re-reviews in progress (the version stays in service meanwhile) and approved versions whose re-review is overdue and not started yet, most urgent first: high risk before limited and minimal, then the longest waiting. Refreshes every 30 seconds."
      />
      <ReviewQueue />
    </>
  );
}
