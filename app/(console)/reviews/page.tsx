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
        description="Versions waiting for a decision and approved versions whose periodic review is overdue, most urgent first: high risk before limited and minimal, then the longest waiting. Refreshes every 30 seconds."
      />
      <ReviewQueue />
    </>
  );
}
