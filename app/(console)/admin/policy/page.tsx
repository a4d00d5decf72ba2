import type { Metadata } from "next";
import { getDb } from "@/db/instance";
import { FairnessPolicyForm } from "@/components/evaluations/fairness-policy-form";
import { FOUR_FIFTHS_CAVEAT } from "@/components/evaluations/metric-info";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { DEFAULT_THRESHOLDS } from "@/lib/domain/fairness/thresholds";
import { fairnessPolicy } from "@/lib/services/evaluations/policy";

export const metadata: Metadata = { title: "Policy" };

/** The admin's fairness thresholds per risk tier. */
export default async function PolicyPage() {
  await requireActor("settings.manage");
  const policy = await fairnessPolicy(await getDb());
  return (
    <>
      <PageHeader
        eyebrow="Administration"
        title="Fairness policy"
        description="The thresholds an evaluation must meet to pass, per risk tier of its model. Only groups with at least the minimum group size are judged; smaller groups are reported and flagged. Every change is audited."
      />
      <details className="mb-6 rounded-lg border border-line bg-surface px-5 py-3 text-sm shadow-xs">
        <summary className="cursor-pointer font-medium text-brand">How the thresholds are used</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-ink-muted">
          <li>An evaluation fails when, for any sensitive attribute or intersection, the demographic parity ratio is below its minimum, or a difference is above its maximum, over the judged groups; or when fewer than two groups are large enough to compare.</li>
          <li>The result stores the thresholds it was judged with. Changing them here affects evaluations uploaded from now on; earlier results and their approvals stay as they were.</li>
          <li>A minimum demographic parity ratio of 0.8 mirrors the four-fifths rule. {FOUR_FIFTHS_CAVEAT}</li>
        </ul>
      </details>
      <FairnessPolicyForm policy={policy} defaults={{ ...DEFAULT_THRESHOLDS }} />
    </>
  );
}
