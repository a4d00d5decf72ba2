import { Badge, type BadgeTone } from "@/components/ui/badge";

// The lifecycle stages a version moves through; unknown stages still show, in plain words.
const STAGES: Record<string, { label: string; tone: BadgeTone }> = {
  draft: { label: "Draft", tone: "neutral" },
  in_review: { label: "In review", tone: "brand" },
  changes_requested: { label: "Changes requested", tone: "warning" },
  approved: { label: "Approved", tone: "success" },
  rejected: { label: "Rejected", tone: "danger" },
  deployed: { label: "Deployed", tone: "accent" },
  retired: { label: "Retired", tone: "neutral" },
};

export function stageLabel(stage: string): string {
  return STAGES[stage]?.label ?? stage.replace(/_/g, " ");
}

export function StageBadge({ stage }: { stage: string }) {
  return <Badge tone={STAGES[stage]?.tone ?? "neutral"}>{stageLabel(stage)}</Badge>;
}
