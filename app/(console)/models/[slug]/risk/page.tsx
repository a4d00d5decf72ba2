import { requireActor } from "@/lib/auth/session";
import { UpcomingIcon, UpcomingPanel } from "@/components/models/upcoming-panel";

export const metadata = { title: "Risk" };

export default async function ModelRiskPage() {
  await requireActor("models.read");
  return (
    <UpcomingPanel title="Risk classification comes with the risk questionnaire" icon={<UpcomingIcon name="risk" />}
      items={[
        "The EU AI Act tier, with the legal basis and the rationale behind it",
        "The questionnaire answers, who proposed the tier and which compliance officer confirmed it",
        "The obligations the tier brings, each with an owner, evidence and a due date",
      ]}
    >
      Model owners and compliance officers will answer the questionnaire here, and a compliance officer confirms the tier it leads to. A model without a confirmed tier shows as Unclassified, and its card is held to the high-risk requirements so nothing is under-documented.
    </UpcomingPanel>
  );
}
