import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/instance";
import { currentModel } from "@/components/models/current-model";
import { ModelHistory } from "@/components/models/model-history";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { allows } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { listAuditEvents } from "@/lib/services/audit/queries";

export const metadata = { title: "History" };

const PAGE_SIZE = 50;

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ before?: string }> };

/** Everything the audit log recorded about this model and its versions, newest first. */
export default async function ModelHistoryPage({ params, searchParams }: Props) {
  const actor = await requireActor("models.read");
  const model = await currentModel((await params).slug);
  if (!model) notFound();
  const before = Number((await searchParams).before);
  const beforeSeq = Number.isInteger(before) && before > 0 ? before : undefined;
  const entityIds = [model.id, ...model.versions.map((v) => v.id)];
  const { events, nextBeforeSeq } = await listAuditEvents(await getDb(), { entityIds }, { beforeSeq, limit: PAGE_SIZE });
  const base = `/models/${model.slug}/history`;

  return (
    <>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-4">
        <div>
          <h2 className="text-lg font-semibold">History</h2>
          <p className="text-sm text-ink-muted">Every recorded change to this model, its versions and its cards, from the tamper-evident audit log.</p>
        </div>
        {beforeSeq && <Link href={base} className="text-sm font-medium text-brand hover:underline">Back to the newest</Link>}
      </div>
      {events.length === 0 ? (
        <EmptyState title={beforeSeq ? "Nothing older" : "Nothing recorded yet"}>
          {beforeSeq ? "This is the beginning of the model's history." : "Changes to this model and its versions will appear here as they happen."}
        </EmptyState>
      ) : (
        <ModelHistory events={events} linksToAudit={allows(actor.roles, "audit.read")} />
      )}
      {nextBeforeSeq && (
        <div className="mt-4 flex justify-center">
          <Link href={`${base}?before=${nextBeforeSeq}`} className={buttonClass("secondary", "sm")}>Older events</Link>
        </div>
      )}
    </>
  );
}
