/**
 * Dashboard benchmark: `npm run bench:dashboard [-- --models 10000 --events 1000000 --runs 20 --no-pglite --explain]`.
 * Prints one JSON object on stdout (progress, and query plans with --explain, go to stderr).
 *
 * Seeds a portfolio in bulk SQL (generate_series): 10,000 models with 1–3 versions each, tiers,
 * stages, documentation bands and review dates; evaluations (some failing, some waived);
 * review requests with their decisions over the last year; issued documents; and 1,000,000
 * audit events, among them sign-ins. The audit events are inserted straight into the table with
 * placeholder hashes: they do not chain, which a read benchmark does not need (the audit
 * benchmark measures the chain). Then ANALYZE, and every query the dashboard runs is timed
 * (p50/p95 over `runs` runs each), as is each role's whole page (loadDashboard), beside a baseline
 * in the same run: `SELECT count(*) FROM models`.
 *
 * It runs on PostgreSQL when DATABASE_URL is set (a throw-away database created and dropped on
 * that server), and on PGlite in a temporary DATA_DIR unless --no-pglite.
 */
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { onThrowawayPglite, onThrowawayPostgres } from "./bench-databases";
import { explainTo, timeRuns } from "./bench-timing";
import { queryRows, type DatabaseHandle, type Db } from "@/db/client";
import { migrate } from "@/db/migrate";
import { auditHeadState, listAuditEvents } from "@/lib/services/audit/queries";
import {
  completenessDistribution,
  decisionsPerWeek,
  draftReadiness,
  evaluationResults,
  modelsByTier,
  newSince,
  officerTasks,
  overdueReviewsByTier,
  ownerTasks,
  portfolioTotals,
  previousSignIn,
  timeToDecision,
  versionsByStage,
} from "@/lib/services/dashboard/queries";
import { classificationsAwaitingOfficers } from "@/lib/services/risk/queries";
import { loadDashboard } from "@/lib/services/dashboard/load-dashboard";
import type { Role } from "@/lib/auth/permissions";

const { values: args } = parseArgs({
  options: {
    models: { type: "string", default: "10000" },
    events: { type: "string", default: "1000000" },
    runs: { type: "string", default: "20" },
    "no-pglite": { type: "boolean", default: false },
    explain: { type: "boolean", default: false },
  },
});
const MODELS = Number(args.models);
const EVENTS = Number(args.events);
const RUNS = Number(args.runs);
const OWNERS = 25;
// The page's target on PostgreSQL is the sum of its queries well under 200 ms; one query over this is worth a look.
const SLOW_P50_MS = 25;

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/**
 * The portfolio, all in SQL. Pseudo-randomness comes from hashes of the row numbers, so both
 * databases get the same data whatever connection runs which statement.
 */
async function seed(db: Db) {
  const started = performance.now();
  const step = async (label: string, query: ReturnType<typeof sql>) => {
    const t = performance.now();
    await db.execute(query);
    log(`  ${label}: ${Math.round(performance.now() - t)} ms`);
  };
  // h(x, n): a stable pseudo-random integer in [0, n) from any text.
  await step("helper", sql.raw(`CREATE FUNCTION bench_h(x text, n int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT (abs(hashtext(x)) % n)::int $$`));
  await step(
    "users",
    sql.raw(`INSERT INTO users (email, name, password_hash, roles)
      SELECT 'owner' || g || '@bank.example', 'Owner ' || g, 'scrypt$bench$not-a-real-hash', ARRAY['model_owner'] FROM generate_series(1, ${OWNERS}) g
      UNION ALL SELECT 'officer' || g || '@bank.example', 'Officer ' || g, 'scrypt$bench$not-a-real-hash', ARRAY['compliance_officer'] FROM generate_series(1, 3) g
      UNION ALL SELECT 'auditor@bank.example', 'Auditor', 'scrypt$bench$not-a-real-hash', ARRAY['auditor']`),
  );
  await step(
    "models",
    sql.raw(`INSERT INTO models (slug, name, purpose, business_unit, owner_id, tags, risk_tier, doc_percent, doc_band, created_at, updated_at)
      SELECT 'model-' || g, 'Model ' || lpad(g::text, 5, '0'), 'A benchmark model.', 'Unit ' || bench_h('u' || g, 12),
        (SELECT id FROM users WHERE email = 'owner' || (1 + g % ${OWNERS}) || '@bank.example'), ARRAY['bench'],
        (ARRAY[NULL, 'minimal', 'minimal', 'limited', 'limited', 'high', 'high', 'high', NULL, 'prohibited'])[1 + bench_h('t' || g, 10)],
        p, CASE WHEN p = 100 THEN 'complete' WHEN p >= 75 THEN 'nearly' WHEN p >= 25 THEN 'partial' ELSE 'empty' END,
        now() - interval '700 days', now() - (bench_h('d' || g, 700) || ' days')::interval
      FROM generate_series(1, ${MODELS}) g, LATERAL (SELECT CASE WHEN bench_h('c' || g, 7) = 0 THEN 100 ELSE bench_h('p' || g, 100) END AS p) pct`),
  );
  await step(
    "versions",
    sql.raw(`INSERT INTO model_versions (model_id, version, stage, created_at, approved_at, next_review_due)
      SELECT m.id, v || '.0.0', s.stage, m.created_at + (v || ' days')::interval,
        CASE WHEN s.stage IN ('approved', 'deployed', 'retired') THEN now() - (bench_h('a' || m.id || v, 600) || ' days')::interval END,
        CASE WHEN s.stage IN ('approved', 'deployed') THEN now() + ((bench_h('r' || m.id || v, 400) - 60) || ' days')::interval END
      FROM models m, generate_series(1, 3) v,
        LATERAL (SELECT (ARRAY['draft', 'draft', 'draft', 'in_review', 'approved', 'approved', 'deployed', 'deployed', 'deployed', 'retired'])[1 + bench_h('s' || m.id || v, 10)] AS stage) s
      WHERE v <= 1 + bench_h('n' || m.id, 3)`),
  );
  await step(
    "evaluations",
    sql.raw(`INSERT INTO evaluations (version_id, name, source, input_sha256, rows, mapping, counts, metrics, thresholds, judgement, result, created_by_email, created_at)
      SELECT v.id, 'Holdout ' || e, 'counts', repeat('0', 64), 10000, '{}', '{}', '{}', '{}', '{}',
        CASE WHEN bench_h('e' || v.id || e, 5) = 0 THEN 'fail' ELSE 'pass' END, 'owner1@bank.example', v.created_at + (e || ' hours')::interval
      FROM model_versions v, generate_series(1, 2) e
      WHERE bench_h('x' || v.id || e, 10) < 6`),
  );
  await step(
    "waivers",
    sql.raw(`INSERT INTO evaluation_waivers (evaluation_id, justification, expires_at, waived_by_email, waived_at)
      SELECT id, 'Mitigated by a human review.', now() + ((bench_h('w' || id, 200) - 50) || ' days')::interval, 'officer1@bank.example', created_at + interval '1 day'
      FROM evaluations WHERE result = 'fail' AND bench_h('y' || id, 2) = 0`),
  );
  await step(
    "review requests",
    sql.raw(`INSERT INTO review_requests (version_id, submitted_by_email, submitted_at, dossier_hash, dossier, status, closed_at)
      SELECT v.id, 'owner1@bank.example', now() - (bench_h('q' || v.id, 360) || ' days')::interval - (bench_h('qh' || v.id, 24) || ' hours')::interval, repeat('d', 64), '{}',
        CASE WHEN v.stage = 'in_review' THEN 'open' ELSE 'closed' END, CASE WHEN v.stage = 'in_review' THEN NULL ELSE now() END
      FROM model_versions v WHERE v.stage <> 'draft' OR bench_h('z' || v.id, 4) = 0`),
  );
  await step(
    "review decisions",
    sql.raw(`INSERT INTO review_decisions (review_request_id, version_id, decision, comment, approver_id, approver_email, approver_roles, dossier_hash, dossier, decided_at)
      SELECT r.id, r.version_id,
        CASE WHEN v.stage = 'draft' THEN (ARRAY['request_changes', 'reject'])[1 + bench_h('k' || r.id, 2)] ELSE 'approve' END,
        '', (SELECT id FROM users WHERE email = 'officer' || o || '@bank.example'), 'officer' || o || '@bank.example', ARRAY['compliance_officer'], repeat('d', 64), '{}',
        least(now(), r.submitted_at + ((1 + bench_h('dt' || r.id || o, 240)) || ' hours')::interval)
      FROM review_requests r JOIN model_versions v ON v.id = r.version_id, generate_series(1, 2) o
      WHERE v.stage <> 'in_review' AND (o = 1 OR (v.stage IN ('approved', 'deployed', 'retired') AND bench_h('two' || r.id, 3) = 0))`),
  );
  await step(
    "issued documents",
    sql.raw(`INSERT INTO issued_documents (id, kind, model_version_id, model_slug, version_label, sha256, size_bytes, issued_by_email, issued_at, audit_seq)
      SELECT 'ATT-BENCH-' || g, 'technical_documentation', v.id, 'model-' || g, '1.0.0', md5(g::text) || md5((g + 1)::text), 100000, 'auditor@bank.example', now() - (g || ' hours')::interval, ${EVENTS} + g
      FROM generate_series(1, 500) g JOIN LATERAL (SELECT id FROM model_versions ORDER BY id OFFSET g LIMIT 1) v ON true`),
  );
  // A million events in batches, so PGlite's single connection never holds one huge statement.
  const batch = 100_000;
  for (let from = 1; from <= EVENTS; from += batch) {
    const to = Math.min(EVENTS, from + batch - 1);
    await step(
      `audit events ${from}–${to}`,
      sql.raw(`INSERT INTO audit_events (seq, at, actor_id, actor_email, actor_roles, action, entity_type, entity_id, data, prev_hash, hash)
        SELECT g, now() - ((${EVENTS} - g) * interval '30 seconds'),
          NULL, CASE WHEN g % 50 = 0 THEN 'auditor@bank.example' ELSE 'owner' || (1 + g % ${OWNERS}) || '@bank.example' END, ARRAY['model_owner'],
          CASE WHEN g % 50 = 0 THEN 'auth.login_succeeded' ELSE (ARRAY['model_card.saved', 'model_version.created', 'evaluation.created', 'auth.login_succeeded', 'model.updated'])[1 + g % 5] END,
          'model_version', md5(g::text), '{"bench":true}', repeat('0', 64), repeat('0', 64)
        FROM generate_series(${from}, ${to}) g`),
    );
  }
  await db.execute(sql.raw(`UPDATE audit_head SET seq = ${EVENTS}, hash = repeat('0', 64) WHERE id = 1`));
  await db.execute(sql`ANALYZE`);
  const [counts] = await queryRows<Record<string, number>>(
    db,
    sql.raw(`SELECT (SELECT count(*) FROM models)::int AS models, (SELECT count(*) FROM model_versions)::int AS versions, (SELECT count(*) FROM evaluations)::int AS evaluations,
      (SELECT count(*) FROM evaluation_waivers)::int AS waivers, (SELECT count(*) FROM review_requests)::int AS "reviewRequests", (SELECT count(*) FROM review_decisions)::int AS "reviewDecisions",
      (SELECT count(*) FROM issued_documents)::int AS "issuedDocuments", (SELECT count(*) FROM audit_events)::int AS "auditEvents"`),
  );
  const userId = async (email: string) => (await queryRows<{ id: string }>(db, sql`SELECT id FROM users WHERE email = ${email}`))[0]!.id;
  const [ownerId, officerId, auditorId] = [await userId("owner1@bank.example"), await userId("officer1@bank.example"), await userId("auditor@bank.example")];
  return { counts: counts!, ownerId, officerId, auditorId, seconds: Math.round(performance.now() - started) / 1000 };
}

const time = <T>(run: () => Promise<T>) => timeRuns(RUNS, run);
const explain = (db: Db, label: string, query: string) => explainTo(log, db, label, query);

async function benchOn(handle: DatabaseHandle, storage: string) {
  const { db, kind } = handle;
  await migrate(db);
  log(`${kind}: seeding ${MODELS} models and ${EVENTS} audit events`);
  const seeded = await seed(db);
  log(`${kind}: seeded in ${seeded.seconds} s`);
  const now = new Date();
  const monthAgo = new Date(now.getTime() - 30 * 86_400_000);

  // Each query as the page calls it; the audit reads are the page's too (recent activity, chain head, last sign-in).
  const queries: Record<string, () => Promise<unknown>> = {
    portfolioTotals: () => portfolioTotals(db),
    modelsByTier: () => modelsByTier(db),
    versionsByStage: () => versionsByStage(db),
    completenessDistribution: () => completenessDistribution(db),
    evaluationResults: () => evaluationResults(db, now),
    decisionsPerWeek: () => decisionsPerWeek(db, now),
    timeToDecision: () => timeToDecision(db, now),
    overdueReviewsByTier: () => overdueReviewsByTier(db, now),
    officerTasks: () => officerTasks(db, now),
    classificationsAwaitingOfficers: () => classificationsAwaitingOfficers(db),
    "ownerTasks (an owner of 400 models)": () => ownerTasks(db, seeded.ownerId, now),
    "draftReadiness (their 5 newest drafts)": () => draftReadiness(db, seeded.ownerId),
    "previousSignIn (audit_events, actor index range)": () => previousSignIn(db, "auditor@bank.example"),
    "newSince (30 days)": () => newSince(db, monthAgo),
    "listAuditEvents (recent activity, 8)": () => listAuditEvents(db, {}, { limit: 8 }),
    auditHeadState: () => auditHeadState(db),
  };
  const { p50: baseP50, p95: baseP95 } = await time(() => queryRows(db, sql`SELECT count(*) FROM models`));
  const results: Record<string, { p50: number; p95: number }> = {};
  for (const [label, run] of Object.entries(queries)) {
    const { p50, p95 } = await time(run);
    results[label] = { p50, p95 };
    log(`${kind}: ${label}: p50 ${results[label]!.p50} ms, p95 ${results[label]!.p95} ms`);
  }
  // Each role's whole page as the page loads it (loadDashboard issues its queries at once:
  // overlapped on PostgreSQL's pool; PGlite has one connection and runs them in turn).
  const readers: Record<string, { userId: string; email: string; roles: Role[] }> = {
    compliance_officer: { userId: seeded.officerId, email: "officer1@bank.example", roles: ["compliance_officer"] },
    auditor: { userId: seeded.auditorId, email: "auditor@bank.example", roles: ["auditor"] },
    model_owner: { userId: seeded.ownerId, email: "owner1@bank.example", roles: ["model_owner"] },
  };
  const wholePage: Record<string, { p50: number; p95: number }> = {};
  for (const [role, reader] of Object.entries(readers)) {
    const { p50, p95 } = await time(() => loadDashboard(db, reader, now));
    wholePage[role] = { p50, p95 };
    log(`${kind}: whole dashboard (${role}): p50 ${p50} ms`);
  }
  if (args.explain) {
    await explain(db, "evaluation results", `SELECT ce.status, count(*) FROM (SELECT c.id, v.model_id, CASE WHEN c.result = 'pass' THEN 'pass' WHEN lw.expires_at > now() THEN 'waived' ELSE 'fail' END AS status FROM (SELECT DISTINCT ON (version_id, name COLLATE "C") id, version_id, result FROM evaluations ORDER BY version_id, name COLLATE "C", created_at DESC, id DESC) c JOIN model_versions v ON v.id = c.version_id LEFT JOIN (SELECT DISTINCT ON (evaluation_id) evaluation_id, expires_at FROM evaluation_waivers ORDER BY evaluation_id, waived_at DESC, id DESC) lw ON lw.evaluation_id = c.id) ce GROUP BY 1`);
    await explain(db, "previous sign-in", `SELECT at FROM audit_events WHERE actor_email = 'auditor@bank.example' AND action = 'auth.login_succeeded' ORDER BY seq DESC LIMIT 2`);
    await explain(db, "decisions per week", `SELECT date_trunc('week', decided_at), count(*) FILTER (WHERE decision = 'approve') FROM review_decisions WHERE decided_at >= now() - interval '182 days' GROUP BY 1`);
  }
  const slow = kind === "postgres" ? Object.entries(results).filter(([, v]) => v.p50 > SLOW_P50_MS).map(([k]) => k) : undefined;
  return {
    storage,
    seed: { ...seeded.counts, seconds: seeded.seconds, auditEventsChained: false },
    runsPerQuery: RUNS,
    baseline: { query: "SELECT count(*) FROM models", p50: baseP50, p95: baseP95 },
    queries: results,
    wholeDashboard: wholePage,
    ...(slow ? { [`slowerThan${SLOW_P50_MS}msP50`]: slow } : {}),
    // The machine is shared: its load while the queries ran says how far to trust the figures.
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

async function main() {
  const report: Record<string, unknown> = { node: process.version, cpus: cpus().length, models: MODELS, auditEvents: EVENTS };
  const url = process.env.DATABASE_URL;
  report.postgres = url ? await onThrowawayPostgres(url, "attest-bench-dashboard", benchOn) : { skipped: "set DATABASE_URL to also run on PostgreSQL" };
  report.pglite = args["no-pglite"] ? { skipped: "--no-pglite" } : await onThrowawayPglite("attest-bench-dashboard", benchOn);
  process.stdout.write(JSON.stringify(report, null, 2) + "\n");
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
