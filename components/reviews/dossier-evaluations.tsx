import Link from "next/link";
import { SelectionRateChart } from "@/components/charts/selection-rate-chart";
import { selectionRateChartProps } from "@/components/evaluations/attribute-section";
import { byName } from "@/components/evaluations/format";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { TAttributeMetrics } from "@/lib/domain/fairness/attribute-metrics";

const TONES: Record<string, BadgeTone> = { pass: "success", waived: "warning", fail: "danger" };
const LABELS: Record<string, string> = { pass: "Pass", waived: "Waived", fail: "Fail" };

export type DossierEvaluation = { id: string; name: string; status: string; attributes: Record<string, TAttributeMetrics> };

/**
 * The dossier's evaluations as the reviewer must weigh them: each one's result and, per sensitive
 * attribute, the selection rates against the four-fifths line. Intersections and the full tables
 * stay on the evaluation's own page, one link away.
 */
export function DossierEvaluations({ evaluations, versionPath }: { evaluations: DossierEvaluation[]; versionPath: string }) {
  if (evaluations.length === 0) return <p className="text-sm text-ink-muted">No evaluation has been uploaded for this version.</p>;
  return (
    <ul className="space-y-6">
      {evaluations.map((e) => {
        const attributes = Object.keys(e.attributes).sort(byName);
        return (
          <li key={e.id} id={`evaluation-${e.id}`} className="scroll-mt-20">
            <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <Link href={`${versionPath}/evaluations/${encodeURIComponent(e.id)}`} className="min-w-0 break-words font-medium text-brand hover:underline">{e.name}</Link>
              <Badge tone={TONES[e.status] ?? "neutral"}>{LABELS[e.status] ?? e.status}</Badge>
            </div>
            {attributes.length === 0 ? (
              <p className="mt-2 text-sm text-ink-muted">No sensitive attribute was mapped in this evaluation.</p>
            ) : (
              <div className="mt-3 grid gap-4 xl:grid-cols-2">
                {attributes.map((name) => <SelectionRateChart key={name} {...selectionRateChartProps(name, e.attributes[name]!, false)} />)}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
