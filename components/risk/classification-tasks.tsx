import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { classificationsAwaitingOfficers } from "@/lib/services/risk/queries";

type Task = Awaited<ReturnType<typeof classificationsAwaitingOfficers>>[number];

/** A compliance officer's risk-classification work: proposals to decide, decisions to review again. */
export function ClassificationTasks({ tasks }: { tasks: Task[] }) {
  return (
    <Card title="Risk classifications waiting for you" description="Proposals to confirm or override, and decisions a model card change put back under review." className="mt-6">
      {tasks.length === 0 ? (
        <p className="text-sm text-ink-muted">Nothing is waiting. New proposals and classifications needing review appear here.</p>
      ) : (
        <ul className="divide-y divide-line">
          {tasks.map((task) => (
            <li key={task.id} className="flex flex-wrap items-baseline justify-between gap-3 py-2.5">
              <div className="min-w-0">
                <Link href={`/models/${task.slug}/risk`} className="text-sm font-medium text-ink hover:text-brand">{task.name}</Link>
                <p className="text-xs text-ink-muted">
                  {task.kind === "decide" ? `Proposed by ${task.proposedBy}` : task.reason}
                </p>
              </div>
              {task.kind === "decide" ? <Badge tone="brand">To decide</Badge> : <Badge tone="warning">Needs review</Badge>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
