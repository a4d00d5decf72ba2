import { requireActor } from "@/lib/auth/session";
import { UpcomingIcon, UpcomingPanel } from "@/components/models/upcoming-panel";

export const metadata = { title: "Reviews" };

export default async function ModelReviewsPage() {
  await requireActor("models.read");
  return (
    <UpcomingPanel title="Reviews and approvals come with the approval workflow" icon={<UpcomingIcon name="reviews" />}
      items={[
        "Each version submitted for review, with the dossier it was judged on",
        "Approvals, rejections and requested changes, with the reviewer's comment",
        "Whether an approval still holds, or which later change invalidated it",
      ]}
    >
      A compliance officer will approve a version against the exact card revision, classification and evaluations it was shown; any later change to them invalidates the approval.
    </UpcomingPanel>
  );
}
