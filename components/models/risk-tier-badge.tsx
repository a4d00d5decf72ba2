import { Badge, type BadgeTone } from "@/components/ui/badge";

export type RiskTier = "prohibited" | "high" | "limited" | "minimal";

export const TIERS: Record<RiskTier | "unclassified", { label: string; tone: BadgeTone }> = {
  prohibited: { label: "Prohibited", tone: "danger" },
  high: { label: "High risk", tone: "warning" },
  limited: { label: "Limited risk", tone: "brand" },
  minimal: { label: "Minimal risk", tone: "success" },
  unclassified: { label: "Unclassified", tone: "neutral" },
};

export function RiskTierBadge({ tier }: { tier: string | null }) {
  const t = TIERS[(tier as RiskTier) ?? "unclassified"] ?? TIERS.unclassified;
  return <Badge tone={t.tone}>{t.label}</Badge>;
}
