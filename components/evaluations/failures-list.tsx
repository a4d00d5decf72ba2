import type { TFairnessFailure } from "@/lib/domain/fairness/judge";
import type { TFairnessThresholds } from "@/lib/domain/fairness/thresholds";
import { attributeLabel, formatCount, groupLabel, sectionId } from "./format";
import { DISPARITY_INFO } from "./metric-info";

/** One failure in a sentence: which metric, its value against the threshold, and which groups. */
export function failureSentence(failure: TFairnessFailure, intersection: boolean, thresholds: TFairnessThresholds): string {
  const groups = failure.groups.map((g) => `“${groupLabel(g, intersection)}”`);
  if (failure.metric === "judgedGroups") {
    const count = failure.value ?? 0;
    return `Only ${count === 1 ? "1 group has" : `${count} groups have`} at least ${formatCount(thresholds.minGroupSize)} rows${groups.length ? ` (${groups.join(", ")})` : ""}; two are needed to compare groups, so nothing shows the model treats them alike.`;
  }
  const info = DISPARITY_INFO[failure.metric];
  const bound = info.threshold?.bound === "min" ? "minimum" : "maximum";
  if (failure.value === null) {
    return `${info.label} cannot be computed over the judged groups: it is undefined for ${groups.join(", ") || "every group"} (for instance a group without positives). Missing evidence is not a pass.`;
  }
  const comparison = info.threshold?.bound === "min" ? "below" : "above";
  const between = groups.length === 2 ? ` The widest gap is between ${groups[0]} (lowest) and ${groups[1]} (highest).` : groups.length ? ` Groups: ${groups.join(", ")}.` : "";
  return `${info.label} is ${failure.value.toFixed(3)}, ${comparison} the ${bound} of ${failure.threshold.toFixed(2)}.${between}`;
}

/** Why the evaluation fails: every failed check, by attribute, linked to its section. */
export function FailuresList({ failures, intersections, thresholds, waived }: { failures: TFairnessFailure[]; intersections: Set<string>; thresholds: TFairnessThresholds; waived?: string | null }) {
  return (
    <section aria-labelledby="failures-title" className="rounded-lg border border-red-200 bg-danger-soft/40 px-5 py-4">
      <h2 id="failures-title" className="text-sm font-semibold text-danger">
        {failures.length === 1 ? "1 check fails" : `${failures.length} checks fail`}
      </h2>
      {waived && <p className="mt-1 text-sm text-ink">{waived}</p>}
      <ul className="mt-2 space-y-2 text-sm">
        {failures.map((f, i) => {
          const intersection = intersections.has(f.attribute);
          return (
            <li key={i} className="flex gap-2">
              <span aria-hidden className="mt-1.5 h-1.5 w-1.5 shrink-0 rounded-full bg-danger" />
              <span>
                <a href={`#${sectionId(f.attribute, intersection)}`} className="font-semibold text-ink underline-offset-2 hover:underline">
                  {attributeLabel(f.attribute, intersection)}
                </a>
                : <span className="text-ink">{failureSentence(f, intersection, thresholds)}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
