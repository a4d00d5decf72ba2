import type { Metadata } from "next";
import { getDb } from "@/db/instance";
import { CreateWebhookForm } from "@/components/webhooks/create-webhook-form";
import { EditWebhookForm } from "@/components/webhooks/edit-webhook-form";
import { RedeliverButton } from "@/components/webhooks/redeliver-button";
import { WebhookActions } from "@/components/webhooks/webhook-actions";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Disclosure } from "@/components/ui/disclosure";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireActor } from "@/lib/auth/session";
import { deliveriesOfWebhook, listWebhooks, type TDeliveryRow, type TWebhookRow } from "@/lib/services/webhooks/queries";

export const metadata: Metadata = { title: "Webhooks" };

const STATUS_TONES: Record<string, BadgeTone> = { delivered: "success", pending: "warning", failed: "danger" };

export default async function WebhooksPage() {
  await requireActor("webhooks.manage");
  const db = await getDb();
  const hooks = await listWebhooks(db);
  const logs = await Promise.all(hooks.map((hook) => deliveriesOfWebhook(db, hook.id, 20)));

  return (
    <>
      <PageHeader
        eyebrow="Administration"
        title="Webhooks"
        description="Attest POSTs a signed JSON body to each receiver when a version is submitted, decided, invalidated, deployed or retired. Failed deliveries are retried with backoff for about seven hours."
      />
      <Disclosure summary="New webhook" hint="Add a receiver">
        <CreateWebhookForm />
      </Disclosure>
      {hooks.length === 0 ? (
        <EmptyState title="No webhooks yet">
          Add one to let a pipeline, chat channel or ticketing system react to reviews and deployments. Open “New webhook” above, then send a test event to check the receiver verifies the signature.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          {hooks.map((hook, i) => (
            <WebhookSection key={hook.id} hook={hook} deliveries={logs[i]!} />
          ))}
        </div>
      )}
    </>
  );
}

function WebhookSection({ hook, deliveries }: { hook: TWebhookRow; deliveries: TDeliveryRow[] }) {
  const headingId = `webhook-${hook.id}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-line bg-surface shadow-xs">
      <header className="space-y-3 border-b border-line px-5 py-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h2 id={headingId} className="break-all font-mono text-sm font-semibold text-ink">{hook.url}</h2>
            {hook.description && <p className="mt-0.5 text-sm text-ink-muted">{hook.description}</p>}
            <p className="mt-1 text-xs text-ink-muted">Added {formatDateTime(hook.createdAt)}</p>
          </div>
          <div className="flex flex-wrap gap-1.5">
            {hook.active ? <Badge tone="success">Active</Badge> : <Badge>Inactive</Badge>}
            {hook.pending > 0 && <Badge tone="warning">{hook.pending} pending</Badge>}
            {hook.failed > 0 && <Badge tone="danger">{hook.failed} failed</Badge>}
          </div>
        </div>
        <ul aria-label="Events it receives" className="flex flex-wrap gap-1">
          {hook.events.map((event) => (
            <li key={event}><Badge tone="brand" className="font-mono">{event}</Badge></li>
          ))}
        </ul>
        <WebhookActions id={hook.id} url={hook.url} active={hook.active} />
        <EditWebhookForm hook={hook} />
      </header>
      <div className="p-5">
        <h3 className="mb-2 text-sm font-semibold">Delivery log</h3>
        {deliveries.length === 0 ? (
          <p className="text-sm text-ink-muted">Nothing sent yet. “Send test event” queues a <code className="font-mono">webhook.ping</code>; reviews and deployments appear here as they happen.</p>
        ) : (
          <Table caption={`Deliveries to ${hook.url}, newest first`}>
            <thead>
              <tr>
                <Th>Event</Th>
                <Th>Status</Th>
                <Th>Attempts</Th>
                <Th>Last answer</Th>
                <Th className="whitespace-nowrap">Next attempt</Th>
                <Th><span className="sr-only">Actions</span></Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {deliveries.map((d) => (
                <tr key={d.id}>
                  <Td>
                    <p className="font-mono text-xs font-medium">{d.eventType}</p>
                    <p className="text-xs text-ink-muted">{formatDateTime(d.createdAt)}{d.auditSeq !== null && <> · audit #{d.auditSeq}</>}</p>
                  </Td>
                  <Td><Badge tone={STATUS_TONES[d.status] ?? "neutral"}>{d.status}</Badge></Td>
                  <Td className="tabular-nums">{d.attempts}</Td>
                  <Td className="max-w-sm">
                    {d.lastAttemptAt ? (
                      <>
                        <p className="text-xs">{d.lastStatusCode !== null ? `HTTP ${d.lastStatusCode}` : "No response"} · {formatDateTime(d.lastAttemptAt)}</p>
                        {d.lastError && <p className="break-words text-xs text-danger">{d.lastError}</p>}
                      </>
                    ) : (
                      <span className="text-xs text-ink-muted">Not tried yet</span>
                    )}
                  </Td>
                  <Td className="whitespace-nowrap text-xs">{d.status === "pending" ? formatDateTime(d.nextAttemptAt) : <span className="text-ink-muted">—</span>}</Td>
                  <Td className="text-right">{d.status === "failed" && hook.active && <RedeliverButton deliveryId={d.id} eventType={d.eventType} />}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </div>
    </section>
  );
}
