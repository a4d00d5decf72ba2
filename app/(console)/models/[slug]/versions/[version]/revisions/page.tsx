import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/instance";
import { CardDiff } from "@/components/model-card/card-diff";
import { loadVersion, type VersionParams } from "@/components/models/version-params";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { Table, Td, Th } from "@/components/ui/table";
import { requireActor } from "@/lib/auth/session";
import { diffCards } from "@/lib/domain/model-card/diff";
import { cardRevision, listCardRevisions } from "@/lib/services/model-cards/queries";

export async function generateMetadata({ params }: VersionParams): Promise<Metadata> {
  return { title: `Card revisions ${decodeURIComponent((await params).version)}` };
}

type Props = VersionParams & { searchParams: Promise<{ from?: string; to?: string }> };

/** Every saved revision of the card, and a field-level comparison of any two (by default the last two). */
export default async function RevisionsPage({ params, searchParams }: Props) {
  await requireActor("models.read");
  const { version, path } = await loadVersion(params);
  const db = await getDb();
  const revisions = await listCardRevisions(db, version.id);
  const query = await searchParams;
  const pick = (value: string | undefined, fallback: number | undefined) => {
    const n = Number(value);
    return revisions.some((r) => r.revision === n) ? n : fallback;
  };
  const from = pick(query.from, revisions[1]?.revision);
  const to = pick(query.to, revisions[0]?.revision);
  const unknown = (query.from !== undefined && from !== Number(query.from)) || (query.to !== undefined && to !== Number(query.to));
  const [before, after] = from !== undefined && to !== undefined ? await Promise.all([cardRevision(db, version.id, from), cardRevision(db, version.id, to)]) : [null, null];
  const changes = before && after ? diffCards(before.content, after.content) : [];

  return (
    <>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 className="text-xl font-semibold">Card revisions <span className="font-normal text-ink-muted">· version <span className="font-mono">{version.version}</span></span></h2>
          <p className="mt-0.5 text-sm text-ink-muted">Every save is an immutable revision. Choose two to see what changed between them, field by field.</p>
        </div>
        <Link href={`${path}/card`} className={buttonClass("secondary", "sm")}>Back to the card</Link>
      </div>

      {revisions.length < 2 ? (
        <EmptyState title={revisions.length === 0 ? "No revisions yet" : "Only one revision so far"}>
          {revisions.length === 0 ? "The card's first save creates revision 1." : "Once the card is saved again, you can compare the two revisions here."}
        </EmptyState>
      ) : (
        <>
          <form method="get" action={`${path}/revisions`}>
            <Table caption="Revisions of the model card, newest first">
              <thead>
                <tr>
                  <Th className="w-16 text-center">From</Th>
                  <Th className="w-16 text-center">To</Th>
                  <Th>Revision</Th>
                  <Th>Author</Th>
                  <Th>Saved</Th>
                  <Th>Summary</Th>
                  <Th className="text-right">Fields changed</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {revisions.map((r) => (
                  <tr key={r.revision} className={r.revision === from || r.revision === to ? "bg-brand-soft/30" : undefined}>
                    <Td className="text-center">
                      <input type="radio" name="from" value={r.revision} defaultChecked={r.revision === from} aria-label={`From revision ${r.revision}`} className="h-4 w-4 accent-brand" />
                    </Td>
                    <Td className="text-center">
                      <input type="radio" name="to" value={r.revision} defaultChecked={r.revision === to} aria-label={`To revision ${r.revision}`} className="h-4 w-4 accent-brand" />
                    </Td>
                    <Td className="font-medium tabular-nums">{r.revision}</Td>
                    <Td className="max-w-56 truncate" title={r.authorEmail}>{r.authorEmail}</Td>
                    <Td className="whitespace-nowrap tabular-nums">{formatDateTime(r.createdAt)}</Td>
                    <Td className="min-w-48 max-w-md">{r.summary ? <p className="line-clamp-2 break-words" title={r.summary}>{r.summary}</p> : <span className="text-ink-muted">—</span>}</Td>
                    <Td className="text-right tabular-nums">{r.changedFields.length}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <div className="mt-3 flex justify-end">
              <button type="submit" className={buttonClass("primary", "sm")}>Compare</button>
            </div>
          </form>

          <section aria-labelledby="comparison-heading" className="mt-8">
            <h3 id="comparison-heading" className="mb-3 text-base font-semibold">
              Revision {from} → revision {to}
              <span className="ml-2 text-sm font-normal text-ink-muted">{changes.length === 1 ? "1 field changed" : `${changes.length} fields changed`}</span>
            </h3>
            {unknown && <Alert tone="warning" className="mb-4">One of the revisions asked for does not exist, so the comparison uses the nearest defaults.</Alert>}
            {from === to ? (
              <EmptyState title="The same revision on both sides">Choose two different revisions to compare.</EmptyState>
            ) : changes.length === 0 ? (
              <EmptyState title="No differences">These two revisions have the same content.</EmptyState>
            ) : (
              <CardDiff changes={changes} fromLabel={`revision ${from}`} toLabel={`revision ${to}`} />
            )}
          </section>
        </>
      )}
    </>
  );
}
