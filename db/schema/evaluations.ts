import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { modelVersions } from "./models";
import { users } from "./users";

/**
 * An evaluation of a model version from a predictions file (or counts a pipeline posted). The
 * rows themselves are never stored: the input's SHA-256, the column mapping and the per-group
 * confusion counts are, and every metric is recomputed from those. The computed metrics are kept
 * too (with the thresholds they were judged against), because ROC-AUC needs the scores, which
 * are not kept.
 */
export const evaluations = pgTable(
  "evaluations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    versionId: uuid("version_id").notNull().references(() => modelVersions.id),
    name: text("name").notNull(),
    source: text("source").notNull(), // "csv" | "counts"
    inputSha256: text("input_sha256").notNull(),
    rows: integer("rows").notNull(),
    mapping: jsonb("mapping").notNull(),
    counts: jsonb("counts").notNull(),
    metrics: jsonb("metrics").notNull(),
    thresholds: jsonb("thresholds").notNull(),
    judgement: jsonb("judgement").notNull(),
    // "pass" | "fail" as judged; a waiver shows on top of a "fail" while it lasts.
    result: text("result").notNull(),
    latencyMs: real("latency_ms"),
    createdBy: uuid("created_by").references(() => users.id),
    createdByEmail: text("created_by_email").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("evaluations_version_idx").on(t.versionId, t.createdAt),
    // "The latest run of each name on each version" (DISTINCT ON in the inventory and dashboard)
    // reads this index in order instead of sorting every evaluation.
    index("evaluations_latest_idx").on(t.versionId, sql`name COLLATE "C"`, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
  ],
);

/** A compliance officer's waiver of a failing evaluation: justified, dated, and lapsing by itself. */
export const evaluationWaivers = pgTable(
  "evaluation_waivers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    evaluationId: uuid("evaluation_id").notNull().references(() => evaluations.id),
    justification: text("justification").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    waivedBy: uuid("waived_by").references(() => users.id),
    waivedByEmail: text("waived_by_email").notNull(),
    waivedAt: timestamp("waived_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("evaluation_waivers_evaluation_idx").on(t.evaluationId, t.waivedAt)],
);

/** Policy an admin sets (fairness thresholds per tier, later approval rules): one row per key. */
export const policySettings = pgTable("policy_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedByEmail: text("updated_by_email").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type TEvaluation = typeof evaluations.$inferSelect;
export type TEvaluationWaiver = typeof evaluationWaivers.$inferSelect;

/**
 * How far an upload in flight has got, for the uploading browser to poll: a browser reads no
 * response before it has sent the whole request, so progress cannot travel on the upload's own
 * response. Operational telemetry, not governance data: it is not audited, and rows are replaced.
 */
export const uploadProgress = pgTable("upload_progress", {
  id: uuid("id").primaryKey(),
  userId: uuid("user_id").notNull(),
  bytes: integer("bytes").notNull().default(0),
  rows: integer("rows").notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
