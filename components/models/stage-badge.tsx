import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { TLifecycleStage } from "@/lib/domain/approvals/lifecycle";

// The lifecycle stages a version moves through (lifecycle.ts); unknown stages still show, in plain words.
// "Changes requested" and "rejected" are decisions, not stages: both send the version back to draft.
const STAGES: Record<TLifecycleStage, { label: string; tone: BadgeTone }> = {
  draft: { label: "Draft", tone: "neutral" },
  in_review: { label: "In review", tone: "brand" },
  approved: { label: "Approved", tone: "success" },
  deployed: { label: "Deployed", tone: "accent" },
  retired: { label: "Retired", tone: "neutral" },
};

const stageOf = (stage: string) => (Object.hasOwn(STAGES, stage) ? STAGES[stage as TLifecycleStage] : undefined);

export function stageLabel(stage: string): string {
  return stageOf(stage)?.label ?? stage.replace(/_/g, " ");
}

export function StageBadge({ stage }: { stage: string }) {
  return <Badge tone={stageOf(stage)?.tone ?? "neutral"}>{stageLabel(stage)}</Badge>;
}
