import type { Metadata } from "next";
import Link from "next/link";
import { count, desc, sql } from "drizzle-orm";
import { getDb } from "@/db/instance";
import { models, modelVersions } from "@/db/schema";
import { RiskTierBadge } from "@/components/models/risk-tier-badge";
import { AuditEventList } from "@/components/audit/audit-event-list";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { allows } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { auditHeadState, listAuditEvents } from "@/lib/services/audit/queries";
import { classificationsAwaitingOfficers } from "@/lib/services/risk/queries";
import { ClassificationTasks } from "@/components/risk/classification-tasks";

export const metadata: Metadata = { title: "Dashboard" };

const TIER_ORDER = ["prohibited", "high", "limited", "minimal", null] as const;

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ denied?: string }> }) {
  const actor = await requireActor();
  const { denied } = await searchParams;
  const db = await getDb();
  const tiers = await db.select({ tier: models.riskTier, n: count() }).from(models).groupBy(models.riskTier).orderBy(desc(count()));
  const [versions] = await db.select({ n: count(), drafts: sql<number>`count(*) filter (where ${modelVersions.stage} = 'draft')` }).from(modelVersions);
  const totalModels = tiers.reduce((sum, t) => sum + Number(t.n), 0);
  const readsAudit = allows(actor.roles, "audit.read");
  const recent = readsAudit ? (await listAuditEvents(db, {}, { limit: 8 })).events : [];
  const head = readsAudit ? await auditHeadState(db) : null;
  const classificationTasks = allows(actor.roles, "risk.decide") ? await classificationsAwaitingOfficers(db) : null;

  return (
    <>
      <PageHeader eyebrow="Overview" title={`Good to see you, ${actor.name.split(" ")[0]}`} description="Where your AI portfolio stands today." />
      {denied && <Alert tone="warning" className="mb-6">That page is not available to your role.</Alert>}
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Models in the inventory" value={totalModels} href="/models" />
        <Stat label="Model versions" value={Number(versions?.n ?? 0)} />
        <Stat label="Versions in draft" value={Number(versions?.drafts ?? 0)} />
      </div>
      {classificationTasks && <ClassificationTasks tasks={classificationTasks} />}
      <div className="mt-6 grid gap-6 lg:grid-cols-5">
        <Card title="Models by risk tier" description="The confirmed EU AI Act tier of each model." className="lg:col-span-2">
          {totalModels === 0 ? (
            <p className="text-sm text-ink-muted">No models yet. Model owners register models from the Models page.</p>
          ) : (
            <ul className="space-y-3">
              {TIER_ORDER.map((tier) => {
                const n = Number(tiers.find((t) => t.tier === tier)?.n ?? 0);
                return (
                  <li key={tier ?? "none"} className="flex items-center gap-3">
                    <span className="w-28"><RiskTierBadge tier={tier} /></span>
                    <span className="h-2 flex-1 rounded-full bg-slate-100">
                      <span className="block h-2 rounded-full bg-brand" style={{ width: `${(n / totalModels) * 100}%` }} />
                    </span>
                    <span className="w-8 text-right text-sm font-medium tabular-nums">{n}</span>
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
        {readsAudit ? (
          <Card
            title="Recent activity"
            description={head ? `Audit chain head: event ${head.seq}` : undefined}
            actions={<Link href="/audit" className="text-sm font-medium text-brand hover:underline">Open audit log</Link>}
            className="lg:col-span-3"
          >
            <AuditEventList events={recent} compact />
          </Card>
        ) : (
          <Card title="Your work" className="lg:col-span-3">
            <p className="text-sm text-ink-muted">
              Open <Link href="/models" className="font-medium text-brand hover:underline">Models</Link> to see the models you own and their versions.
            </p>
          </Card>
        )}
      </div>
    </>
  );
}

function Stat({ label, value, href }: { label: string; value: number; href?: string }) {
  const body = (
    <div className="rounded-lg border border-line bg-white p-5 shadow-xs">
      <p className="text-sm text-ink-muted">{label}</p>
      <p className="mt-2 text-3xl font-semibold tabular-nums">{value.toLocaleString("en")}</p>
    </div>
  );
  return href ? <Link href={href} className="block rounded-lg hover:ring-2 hover:ring-brand/20">{body}</Link> : body;
}
