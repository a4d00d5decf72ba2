import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/instance";
import { AuditEventList } from "@/components/audit/audit-event-list";
import { CHART_COLOURS } from "@/components/charts/chart-kit";
import { CategoryChart, type CategoryBar } from "@/components/dashboard/category-chart";
import { DecisionsChart } from "@/components/dashboard/decisions-chart";
import { AuditorNews, OfficerTasks, OwnerTasks } from "@/components/dashboard/task-lists";
import { BAND_LABELS } from "@/components/models/completeness-meter";
import { TIERS } from "@/components/models/risk-tier-badge";
import { stageLabel } from "@/components/models/stage-badge";
import { ClassificationTasks } from "@/components/risk/classification-tasks";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { allows } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { DASHBOARD_WEEKS } from "@/lib/services/dashboard/queries";
import { loadDashboard, NEWS_WINDOW_DAYS } from "@/lib/services/dashboard/load-dashboard";

export const metadata: Metadata = { title: "Dashboard" };

// Severity reads from the labels; the colours only repeat it (red for prohibited, amber for high).
const TIER_COLOURS: Record<string, string> = { prohibited: CHART_COLOURS.danger, high: CHART_COLOURS.secondary, limited: CHART_COLOURS.primary, minimal: "#15803d", unclassified: "#64748b" };
const BAND_COLOURS: Record<string, string> = { complete: "#15803d", nearly: CHART_COLOURS.primary, partial: CHART_COLOURS.secondary, empty: CHART_COLOURS.danger };
const EVALUATION_COLOURS: Record<string, string> = { pass: "#15803d", fail: CHART_COLOURS.danger, waived: CHART_COLOURS.secondary };

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

function duration(hours: number): string {
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  if (hours < 48) return `${Math.round(hours * 10) / 10} h`;
  return `${Math.round((hours / 24) * 10) / 10} days`;
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ denied?: string }> }) {
  const actor = await requireActor();
  const { denied } = await searchParams;
  const db = await getDb();
  const now = new Date();
  const reviews = allows(actor.roles, "reviews.decide");
  const owns = allows(actor.roles, "models.write");
  const readsAudit = allows(actor.roles, "audit.read");
  const { totals, tiers, stages, bands, evaluations, weeks, decisionTime, overdue, classificationTasks, officer, owner, drafts, recent, head, lastVisit, since, news } = await loadDashboard(db, actor, now);
  const overdueTotal = overdue.reduce((sum, o) => sum + o.versions, 0);
  const medianText = decisionTime.medianHours === null ? "No decisions in these weeks, so no median time to decision." : `Median time from submission to decision: ${duration(decisionTime.medianHours)} over ${plural(decisionTime.decisions, "decision")}.`;

  return (
    <>
      <PageHeader eyebrow="Overview" title={`Good to see you, ${actor.name.split(" ")[0]}`} description="Where your AI portfolio stands today, and what waits for you." />
      {denied && <Alert tone="warning" className="mb-6">That page is not available to your role.</Alert>}

      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Models in the inventory" value={totals.models.toLocaleString("en-GB")} href="/models" />
        <Stat label="Model versions" value={totals.versions.toLocaleString("en-GB")} />
        <Stat label="Open review requests" value={totals.openReviews.toLocaleString("en-GB")} href={reviews ? "/reviews" : "/models?stage=in_review"} />
        <Stat label="Overdue periodic reviews" value={overdueTotal.toLocaleString("en-GB")} href="/models?review=overdue" tone={overdueTotal > 0 ? "warning" : undefined} />
      </div>

      <div className="mt-6 space-y-6">
        {owner && drafts && <OwnerTasks tasks={owner} drafts={drafts} />}
        {classificationTasks && <ClassificationTasks tasks={classificationTasks} />}
        {officer && <OfficerTasks {...officer} now={now} />}
        {news && <AuditorNews news={news} since={since} sinceLabel={lastVisit ? "your last sign-in" : `the last ${NEWS_WINDOW_DAYS} days`} />}
      </div>

      <h2 className="mt-10 text-lg font-semibold text-ink">Portfolio</h2>
      {totals.models === 0 ? (
        <div className="mt-3">
          <EmptyState
            title="No models in the inventory yet"
            action={owns ? <Link href="/models" className={buttonClass("primary", "sm")}>Register a model</Link> : <Link href="/models" className={buttonClass("secondary", "sm")}>Open the inventory</Link>}
          >
            {owns
              ? "Register your first model. Its risk tier, documentation, evaluations and approvals will be charted here as they come in."
              : "Model owners register their models. As they do, this page charts risk tiers, lifecycle stages, documentation, evaluations and approvals, each linked to the models behind it."}
          </EmptyState>
        </div>
      ) : (
        <div className="mt-3 grid gap-6 lg:grid-cols-2">
          <CategoryChart
            id="chart-tiers"
            title="Models by risk tier"
            description="The confirmed EU AI Act tier of each model."
            unit="models"
            emptyText="No models yet."
            bars={tiers.map((t): CategoryBar => ({ key: t.tier, label: TIERS[t.tier].label, value: t.models, href: `/models?tier=${t.tier}`, linkText: plural(t.models, "model"), colour: TIER_COLOURS[t.tier]! }))}
          />
          <CategoryChart
            id="chart-stages"
            title="Versions by lifecycle stage"
            description="Every version of every model; the links open the models with a version in that stage."
            unit="versions"
            emptyText="No versions yet. Owners add versions to their models; each starts as a draft."
            bars={stages.map((s): CategoryBar => ({ key: s.stage, label: stageLabel(s.stage), value: s.versions, href: `/models?stage=${s.stage}`, linkText: plural(s.models, "model"), colour: CHART_COLOURS.primary }))}
          />
          <CategoryChart
            id="chart-completeness"
            title="Documentation completeness"
            description="How much of what its tier requires each model's latest card documents: complete 100%, nearly complete 75–99%, partial 25–74%, sparse under 25%."
            unit="models"
            emptyText="No models yet."
            bars={bands.map((b): CategoryBar => ({ key: b.band, label: BAND_LABELS[b.band], value: b.models, href: `/models?completeness=${b.band}`, linkText: plural(b.models, "model"), colour: BAND_COLOURS[b.band]! }))}
          />
          <CategoryChart
            id="chart-evaluations"
            title="Evaluations by result"
            description="The latest evaluation of each name on each version; a failure counts as waived while its waiver lasts."
            unit="evaluations"
            emptyText="No evaluations yet. Owners upload predictions or confusion counts on a version's Evaluations tab; limited- and high-risk models need at least one."
            bars={evaluations.map((e): CategoryBar => ({ key: e.status, label: { pass: "Passing", fail: "Failing", waived: "Waived" }[e.status], value: e.evaluations, href: `/models?evaluation=${e.status}`, linkText: plural(e.models, "model"), colour: EVALUATION_COLOURS[e.status]! }))}
          />
          <Card title="Review decisions per week" description={`Approvals, requests for changes and rejections over the last ${DASHBOARD_WEEKS} weeks.`} actions={reviews ? <Link href="/reviews" className="whitespace-nowrap text-sm font-medium text-brand hover:underline">Review queue</Link> : undefined}>
            <p className="mb-3 text-sm text-ink">
              Median time from submission to decision:{" "}
              <span className="font-semibold tabular-nums">{decisionTime.medianHours === null ? "no decisions yet" : duration(decisionTime.medianHours)}</span>
              {decisionTime.decisions > 0 && <span className="text-ink-muted"> over {plural(decisionTime.decisions, "decision")}</span>}
            </p>
            <DecisionsChart weeks={weeks} medianText={medianText} />
          </Card>
          <CategoryChart
            id="chart-overdue"
            title="Overdue periodic reviews"
            description="Approved or deployed versions whose next review date has passed, by their model's tier."
            unit="versions"
            emptyText="No periodic review is overdue. An approved version falls due for review 180 days (high risk), 365 days (limited) or 730 days (minimal) after its approval, by default."
            bars={overdue.map((o): CategoryBar => ({ key: o.tier, label: TIERS[o.tier].label, value: o.versions, href: `/models?review=overdue&tier=${o.tier}`, linkText: plural(o.models, "model"), colour: CHART_COLOURS.danger }))}
          />
        </div>
      )}

      {readsAudit && (
        <Card
          title="Recent activity"
          description={head ? `Audit chain head: event ${head.seq}` : undefined}
          actions={<Link href="/audit" className="text-sm font-medium text-brand hover:underline">Open audit log</Link>}
          className="mt-6"
        >
          <AuditEventList events={recent} compact />
        </Card>
      )}
    </>
  );
}

function Stat({ label, value, href, tone }: { label: string; value: string; href?: string; tone?: "warning" }) {
  const body = (
    <div className={`h-full rounded-lg border bg-white p-5 shadow-xs ${tone === "warning" ? "border-amber-300" : "border-line"}`}>
      <p className="text-sm text-ink-muted">{label}</p>
      <p className="mt-2 text-3xl font-semibold tabular-nums">{value}</p>
    </div>
  );
  return href ? <Link href={href} className="block rounded-lg hover:ring-2 hover:ring-brand/20">{body}</Link> : body;
}
