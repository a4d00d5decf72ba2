import { requireActor } from "@/lib/auth/session";
import { UpcomingIcon, UpcomingPanel } from "@/components/models/upcoming-panel";

export const metadata = { title: "Evaluations" };

export default async function ModelEvaluationsPage() {
  await requireActor("models.read");
  return (
    <UpcomingPanel title="Evaluations arrive with the fairness evidence" icon={<UpcomingIcon name="evaluations" />}
      items={[
        "Each evaluation run per version: the dataset hash, the rows and the positive label",
        "Performance and fairness metrics per group and intersection, against the policy thresholds",
        "Failing checks, and any waiver with its justification",
      ]}
    >
      Model owners will upload evaluation results here, or send them from their pipelines through the API. They also feed the model card&apos;s quantitative analyses and its exports.
    </UpcomingPanel>
  );
}
