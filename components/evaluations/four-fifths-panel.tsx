import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import type { TAttributeMetrics } from "@/lib/domain/fairness/attribute-metrics";
import { byName, formatCount, formatRate } from "./format";
import { FOUR_FIFTHS_CAVEAT } from "./metric-info";

/* The four-fifths screen of one attribute: each judged group's selection rate against the highest. */

export function FourFifthsPanel({ metrics, label, highestRate }: { metrics: TAttributeMetrics; label: (g: string) => string; highestRate: number | null }) {
  const { highestGroup, passes, failingGroups } = metrics.fourFifths;
  return (
    <div className={cx("rounded-lg border px-5 py-4", passes === false ? "border-red-200 bg-danger-soft/40" : "border-line bg-surface")}>
      <div className="flex flex-wrap items-center gap-3">
        <h4 className="text-sm font-semibold text-ink">Four-fifths screen</h4>
        {passes === null ? (
          <Badge>Not applicable</Badge>
        ) : passes ? (
          <Badge tone="success">No judged group below four-fifths</Badge>
        ) : (
          <Badge tone="danger">{failingGroups.length === 1 ? "1 group" : `${failingGroups.length} groups`} below four-fifths</Badge>
        )}
      </div>
      {highestGroup === null || highestRate === null ? (
        <p className="mt-2 text-sm text-ink-muted">No group has enough rows to be judged, so there is no highest-rate group to compare with.</p>
      ) : (
        <>
          <p className="mt-2 text-sm text-ink">
            Each judged group&apos;s selection rate is compared with that of the group with the highest rate,{" "}
            <span className="font-semibold">{label(highestGroup)}</span> ({formatRate(highestRate)}, n = {formatCount(metrics.groups[highestGroup]!.n)}). Below four-fifths of it, {formatRate(0.8 * highestRate)}, a group is flagged.
          </p>
          <FourFifthsGroups metrics={metrics} label={label} highestRate={highestRate} />
        </>
      )}
      <p className="mt-3 text-xs text-ink-muted">
        <span className="font-semibold text-ink">A screening heuristic, not a verdict.</span> {FOUR_FIFTHS_CAVEAT}
      </p>
    </div>
  );
}

/** Past this many judged groups, the screen shows the highest and the lowest rates, and the rest on request. */
const GROUPS_SHOWN = 12;

/**
 * Every judged group's rate against the highest, by name. With many groups (an attribute such as
 * region may have hundreds) the list would run for screens: it then shows the highest group and the
 * lowest rates first (the groups flagged, worst first), and every group behind a disclosure.
 */
function FourFifthsGroups({ metrics, label, highestRate }: { metrics: TAttributeMetrics; label: (g: string) => string; highestRate: number }) {
  const failing = new Set(metrics.fourFifths.failingGroups);
  const ratioOf = (group: string) => {
    const rate = metrics.groups[group]!.selectionRate;
    return rate !== null && highestRate > 0 ? rate / highestRate : null;
  };
  const chip = (group: string) => {
    const g = metrics.groups[group]!;
    const ratio = ratioOf(group);
    return (
      <li key={group} className={cx("rounded-md border px-2.5 py-1.5", failing.has(group) ? "border-red-300 bg-white text-danger" : "border-line bg-white text-ink")}>
        <span className="font-semibold">{label(group)}</span>: {formatRate(g.selectionRate)} · {ratio === null ? "—" : `${(ratio * 100).toFixed(0)}% of highest`} · n = {formatCount(g.n)}
        {failing.has(group) && <span className="sr-only"> (below four-fifths)</span>}
      </li>
    );
  };
  const byNameOrder = [...metrics.judgedGroups].sort((a, b) => byName(label(a), label(b)));
  const list = (groups: string[]) => <ul className="mt-2 flex flex-wrap gap-2 text-xs">{groups.map(chip)}</ul>;
  if (byNameOrder.length <= GROUPS_SHOWN) return list(byNameOrder);
  const lowestFirst = [...metrics.judgedGroups].sort((a, b) => (ratioOf(a) ?? Infinity) - (ratioOf(b) ?? Infinity) || byName(label(a), label(b)));
  const highest = metrics.fourFifths.highestGroup!;
  const shown = [highest, ...lowestFirst.filter((g) => g !== highest).slice(0, GROUPS_SHOWN - 1)];
  return (
    <>
      <p className="mt-2 text-xs text-ink-muted">{`The highest rate and the ${GROUPS_SHOWN - 1} lowest of ${formatCount(byNameOrder.length)} judged groups${failing.size > GROUPS_SHOWN - 1 ? ` (${formatCount(failing.size)} are below four-fifths)` : ""}:`}</p>
      {list(shown)}
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer font-medium text-brand">{`All ${formatCount(byNameOrder.length)} judged groups, by name`}</summary>
        {list(byNameOrder)}
      </details>
    </>
  );
}
