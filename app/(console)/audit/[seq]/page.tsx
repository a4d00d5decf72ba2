import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getDb } from "@/db/instance";
import { actionLabel, formatTime } from "@/components/audit/audit-event-list";
import { entityTypeLabel, matchesEventSchema } from "@/components/audit/vocabulary";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { isRole, ROLE_LABELS } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { auditEventBySeq, auditHeadState } from "@/lib/services/audit/queries";

type Params = { params: Promise<{ seq: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Audit event #${(await params).seq}` };
}

export default async function AuditEventPage({ params }: Params) {
  await requireActor("audit.read");
  const { seq: raw } = await params;
  const seq = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(seq) || seq < 1) notFound();
  const db = await getDb();
  const [event, head] = await Promise.all([auditEventBySeq(db, seq), auditHeadState(db)]);
  if (!event) notFound();

  return (
    <>
      <Link href="/audit" className="mb-3 inline-block text-sm font-medium text-brand hover:underline">← Back to audit log</Link>
      <PageHeader
        eyebrow={`Audit event #${event.seq}`}
        title={actionLabel(event.action)}
        description={<time dateTime={event.at}>{formatTime(event.at)}</time>}
        actions={
          <nav aria-label="Neighbouring events" className="flex gap-2">
            {seq > 1 && <Link href={`/audit/${seq - 1}`} className={buttonClass("secondary", "sm")}>← Event #{seq - 1}</Link>}
            {seq < head.seq && <Link href={`/audit/${seq + 1}`} className={buttonClass("secondary", "sm")}>Event #{seq + 1} →</Link>}
          </nav>
        }
      />
      {!matchesEventSchema(event) && (
        <Alert tone="danger" title="This event's data does not match the schema for its action" className="mb-6">
          It is shown exactly as stored. Verify the chain from the audit log and report the event to your administrator.
        </Alert>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Event">
          <dl className="divide-y divide-line text-sm">
            <Row term="Sequence number"><span className="font-mono">{event.seq}</span></Row>
            <Row term="Time"><time dateTime={event.at}>{event.at}</time></Row>
            <Row term="Action">{actionLabel(event.action)} <code className="ml-1 font-mono text-xs text-ink-muted">{event.action}</code></Row>
            <Row term="Entity type">{entityTypeLabel(event.entityType)} <code className="ml-1 font-mono text-xs text-ink-muted">{event.entityType}</code></Row>
            <Row term="Entity id"><Mono value={event.entityId} /></Row>
          </dl>
        </Card>
        <Card title="Actor and request">
          <dl className="divide-y divide-line text-sm">
            <Row term="Actor email">{event.actorEmail}</Row>
            <Row term="Actor id"><Mono value={event.actorId} /></Row>
            <Row term="Roles at the time">{event.actorRoles.length ? event.actorRoles.map((r) => (isRole(r) ? ROLE_LABELS[r] : r)).join(", ") : <None />}</Row>
            <Row term="API token id"><Mono value={event.tokenId} /></Row>
            <Row term="Request id"><Mono value={event.requestId} /></Row>
            <Row term="IP address"><Mono value={event.ip} /></Row>
            <Row term="User agent">{event.userAgent ? <span className="break-all">{event.userAgent}</span> : <None />}</Row>
          </dl>
        </Card>
      </div>
      <Card title="Data" description="The event's payload exactly as stored and hashed." className="mt-6">
        <pre className="max-h-[32rem] overflow-auto rounded-md bg-slate-50 p-4 font-mono text-xs leading-relaxed text-ink">{JSON.stringify(event.data, null, 2)}</pre>
      </Card>
      <Card title="Chain" description="hash = SHA-256(previous hash ‖ canonical JSON of this event without its hash)" className="mt-6">
        <dl className="divide-y divide-line text-sm">
          <Row term="Previous hash"><Mono value={event.prevHash} /></Row>
          <Row term="Hash"><Mono value={event.hash} /></Row>
        </dl>
      </Card>
    </>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2.5 first:pt-0 last:pb-0 sm:grid-cols-[10rem_minmax(0,1fr)] sm:gap-4">
      <dt className="text-ink-muted">{term}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

function Mono({ value }: { value: string | null }) {
  return value ? <code className="break-all font-mono text-xs">{value}</code> : <None />;
}

function None() {
  return <span className="text-ink-muted">—</span>;
}
