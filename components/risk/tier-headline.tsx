import { TIERS, type RiskTier } from "@/components/models/risk-tier-badge";
import { cx } from "@/components/ui/cx";

// Solid for prohibited: the one tier that must never be mistaken for another, red wherever it shows.
const STYLES: Record<RiskTier | "unclassified", string> = {
  prohibited: "bg-danger text-white ring-danger",
  high: "bg-warning-soft text-warning ring-amber-300",
  limited: "bg-brand-soft text-brand ring-indigo-300",
  minimal: "bg-success-soft text-success ring-green-300",
  unclassified: "bg-slate-100 text-slate-700 ring-slate-300",
};

/** The tier as a page's headline: a large pill with the tier's colour and name. */
export function TierHeadline({ tier, className }: { tier: string | null; className?: string }) {
  const key = (tier && tier in TIERS ? tier : "unclassified") as RiskTier | "unclassified";
  return (
    <span className={cx("inline-flex items-center rounded-lg px-4 py-2 text-xl font-semibold ring-1 ring-inset", STYLES[key], className)}>
      {TIERS[key].label}
    </span>
  );
}
