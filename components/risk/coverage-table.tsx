import { Fragment } from "react";
import { Table, Td, Th } from "@/components/ui/table";
import type { TCoverageItem, TFrameworkCoverage } from "@/lib/domain/risk/frameworks";

/** The framework's own top level: NIST's four functions; ISO's management-system clauses and Annex A controls. */
function partOf(ref: string): string {
  if (ref.startsWith("Clause")) return "Management system (clauses 4–10)";
  if (ref.startsWith("A.")) return "Annex A controls";
  const fn = ref.split(" ")[0]!;
  return fn.charAt(0) + fn.slice(1).toLowerCase();
}

function byPart(items: readonly TCoverageItem[]): { part: string; items: TCoverageItem[] }[] {
  const parts: { part: string; items: TCoverageItem[] }[] = [];
  for (const item of items) {
    const part = partOf(item.ref);
    const last = parts[parts.length - 1];
    if (last?.part === part) last.items.push(item);
    else parts.push({ part, items: [item] });
  }
  return parts;
}

/** One framework's categories or controls with the obligations that map to them and how many are done. */
export function CoverageTable({ framework }: { framework: TFrameworkCoverage }) {
  return (
    <Table caption={`${framework.name}: obligations mapped to each category or control, and how many are met`}>
      <thead>
        <tr>
          <Th>Category or control</Th>
          <Th>EU AI Act articles</Th>
          <Th className="text-right">Obligations</Th>
          <Th className="min-w-48">Met</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-line">
        {byPart(framework.items).map(({ part, items }) => (
          <Fragment key={part}>
            <tr className="bg-slate-50/70">
              <th scope="colgroup" colSpan={4} className="px-4 py-2 text-left text-sm font-semibold text-ink">
                {part} <span className="font-normal text-ink-muted">· {items.filter((i) => i.covered).length} of {items.length} fully covered</span>
              </th>
            </tr>
            {items.map((item) => (
              <tr key={item.ref}>
                <Td className="min-w-72">
                  <p className="font-mono text-xs font-semibold text-ink">{item.ref}</p>
                  <p className="text-ink-muted">{item.title}</p>
                </Td>
                <Td className="min-w-32 text-xs">{item.articles.join(", ")}</Td>
                <Td className="text-right tabular-nums">{item.total}</Td>
                <Td>
                  <ProgressBar done={item.met} notApplicable={item.notApplicable} total={item.total} />
                </Td>
              </tr>
            ))}
          </Fragment>
        ))}
      </tbody>
    </Table>
  );
}

/** Met in green, not applicable in grey beside it; the text says the same for those who cannot see the bar. */
export function ProgressBar({ done, notApplicable = 0, total }: { done: number; notApplicable?: number; total: number }) {
  const pct = (n: number) => (total === 0 ? 0 : (n / total) * 100);
  return (
    <div className="space-y-1">
      <p className="text-xs tabular-nums text-ink">
        <span className="font-semibold">{done}</span> of {total} met
        {notApplicable > 0 && <span className="text-ink-muted"> · {notApplicable} not applicable</span>}
      </p>
      <div aria-hidden className="flex h-1.5 w-full max-w-48 overflow-hidden rounded-full bg-slate-200">
        <div className="h-full bg-success" style={{ width: `${pct(done)}%` }} />
        <div className="h-full bg-slate-400" style={{ width: `${pct(notApplicable)}%` }} />
      </div>
    </div>
  );
}
