import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { actorEmail, type Actor } from "@/lib/auth/actor";
import type { TRiskTier } from "@/lib/domain/model-card/template";
import type { TPortfolioModel, TPortfolioReportData } from "@/lib/pdf/portfolio-report-data";
import { documentSigningKey } from "../audit/checkpoint-queries";
import { auditHeadState } from "../audit/queries";
import type { TGatherOptions } from "./gather-technical-documentation";

/*
 * The portfolio report's data: every model with its latest version (by creation), in a handful of
 * set-based queries (no per-model round trips, so 10,000 models stay one read).
 * Evaluations count the latest run of each name of the latest version, as the dossier does;
 * approvals count the latest version's approvals, valid or invalidated.
 */

type TRow = {
  name: string;
  slug: string;
  owner: string;
  business_unit: string;
  risk_tier: string | null;
  doc_percent: number;
  versions: string | number;
  latest_version: string | null;
  stage: string | null;
  next_review_due: Date | string | null;
  approvals_valid: string | number | null;
  approvals_invalidated: string | number | null;
  last_approved_at: Date | string | null;
  eval_pass: string | number | null;
  eval_fail: string | number | null;
  eval_waived: string | number | null;
  obligations_met: string | number | null;
  obligations_applicable: string | number | null;
};

const toIso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

export async function gatherPortfolioReport(db: Db, actor: Actor, options: TGatherOptions): Promise<TPortfolioReportData> {
  const now = options.generatedAt.toISOString();
  const rows = await queryRows<TRow>(
    db,
    sql`WITH latest AS (
        SELECT DISTINCT ON (model_id) id, model_id, version, stage, next_review_due
        FROM model_versions ORDER BY model_id, created_at DESC, id DESC),
      counts AS (SELECT model_id, count(*) AS versions FROM model_versions GROUP BY model_id),
      approvals AS (
        SELECT d.version_id, count(*) FILTER (WHERE d.invalidated_at IS NULL) AS valid, count(*) FILTER (WHERE d.invalidated_at IS NOT NULL) AS invalidated,
          max(d.decided_at) FILTER (WHERE d.invalidated_at IS NULL) AS last_approved_at
        FROM review_decisions d JOIN latest l ON l.id = d.version_id WHERE d.decision = 'approve' GROUP BY d.version_id),
      runs AS (
        SELECT DISTINCT ON (e.version_id, e.name) e.id, e.version_id, e.result
        FROM evaluations e JOIN latest l ON l.id = e.version_id ORDER BY e.version_id, e.name, e.created_at DESC, e.id DESC),
      judged AS (
        SELECT r.version_id, CASE WHEN r.result = 'pass' THEN 'pass'
          WHEN (SELECT w.expires_at FROM evaluation_waivers w WHERE w.evaluation_id = r.id ORDER BY w.waived_at DESC LIMIT 1) > ${now}::timestamptz THEN 'waived'
          ELSE 'fail' END AS status
        FROM runs r),
      evals AS (
        SELECT version_id, count(*) FILTER (WHERE status = 'pass') AS pass, count(*) FILTER (WHERE status = 'fail') AS fail, count(*) FILTER (WHERE status = 'waived') AS waived
        FROM judged GROUP BY version_id),
      duties AS (
        SELECT model_id, count(*) FILTER (WHERE status = 'met') AS met, count(*) AS applicable
        FROM obligations WHERE applicable GROUP BY model_id)
    SELECT m.name, m.slug, u.email AS owner, m.business_unit, m.risk_tier, m.doc_percent,
      coalesce(c.versions, 0) AS versions, l.version AS latest_version, l.stage, l.next_review_due,
      a.valid AS approvals_valid, a.invalidated AS approvals_invalidated, a.last_approved_at,
      e.pass AS eval_pass, e.fail AS eval_fail, e.waived AS eval_waived,
      o.met AS obligations_met, o.applicable AS obligations_applicable
    FROM models m
    JOIN users u ON u.id = m.owner_id
    LEFT JOIN latest l ON l.model_id = m.id
    LEFT JOIN counts c ON c.model_id = m.id
    LEFT JOIN approvals a ON a.version_id = l.id
    LEFT JOIN evals e ON e.version_id = l.id
    LEFT JOIN duties o ON o.model_id = m.id
    ORDER BY m.name, m.id`,
  );
  const n = (v: string | number | null) => Number(v ?? 0);
  const models: TPortfolioModel[] = rows.map((r) => ({
    name: r.name,
    slug: r.slug,
    owner: r.owner,
    businessUnit: r.business_unit,
    tier: r.risk_tier as TRiskTier | null,
    latestVersion: r.latest_version,
    stage: r.stage,
    versions: n(r.versions),
    approvals: { valid: n(r.approvals_valid), invalidated: n(r.approvals_invalidated), lastApprovedAt: toIso(r.last_approved_at) },
    evaluations: { pass: n(r.eval_pass), fail: n(r.eval_fail), waived: n(r.eval_waived) },
    obligations: { met: n(r.obligations_met), applicable: n(r.obligations_applicable) },
    cardPercent: n(r.doc_percent),
    nextReviewDate: toIso(r.next_review_due)?.slice(0, 10) ?? null,
  }));
  const [head, signingKey] = await Promise.all([auditHeadState(db), documentSigningKey(db)]);
  return {
    documentId: options.documentId,
    generatedAt: options.generatedAt.toISOString(),
    generatedBy: actorEmail(actor),
    asOf: options.generatedAt.toISOString().slice(0, 10),
    organisation: null,
    auditHead: head.seq > 0 ? { seq: head.seq, hash: head.hash } : null,
    signingKey,
    models,
  };
}
