import { sql } from "drizzle-orm";
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const models = pgTable(
  "models",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    purpose: text("purpose").notNull().default(""),
    businessUnit: text("business_unit").notNull().default(""),
    ownerId: uuid("owner_id").notNull().references(() => users.id),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    // The tier of the current confirmed classification, kept here so the inventory can filter
    // 10,000 models by tier without a join; null means unclassified.
    riskTier: text("risk_tier"),
    // Completeness of the latest version's current card against the model's tier, kept here so
    // the inventory can filter by band over 10,000 models; recomputed on every save and reclassification.
    docPercent: integer("doc_percent").notNull().default(0),
    docBand: text("doc_band").notNull().default("empty"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("models_owner_idx").on(t.ownerId),
    index("models_risk_tier_idx").on(t.riskTier),
    index("models_business_unit_idx").on(t.businessUnit),
    index("models_doc_band_idx").on(t.docBand),
    // The inventory's default order, and keyset-friendly.
    index("models_name_idx").on(t.name, t.id),
  ],
);

export const modelMaintainers = pgTable(
  "model_maintainers",
  {
    modelId: uuid("model_id").notNull().references(() => models.id),
    userId: uuid("user_id").notNull().references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.modelId, t.userId] })],
);

export const modelVersions = pgTable(
  "model_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    modelId: uuid("model_id").notNull().references(() => models.id),
    version: text("version").notNull(),
    artifactUri: text("artifact_uri"),
    framework: text("framework"),
    stage: text("stage").notNull().default("draft"),
    // An MLflow run id or similar: where the training run that produced the artifact is recorded.
    experimentRef: text("experiment_ref"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // Set by the approval that completed the review; the periodic re-review counts from it.
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    nextReviewDue: timestamp("next_review_due", { withTimezone: true }),
    // Set on retirement: the record is kept until retention_until (EU AI Act Art. 18).
    leftServiceAt: timestamp("left_service_at", { withTimezone: true }),
    retentionUntil: timestamp("retention_until", { withTimezone: true }),
    retiredReason: text("retired_reason"),
  },
  (t) => [uniqueIndex("model_versions_model_version_idx").on(t.modelId, t.version), index("model_versions_stage_idx").on(t.stage)],
);

export const DATASET_ROLES = ["training", "validation", "test", "monitoring"] as const;

/** Data lineage of a version: which datasets (at which version and hash) it was built and tested on. */
export const datasetRefs = pgTable(
  "dataset_refs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    versionId: uuid("version_id").notNull().references(() => modelVersions.id),
    position: integer("position").notNull(),
    role: text("role").notNull(),
    name: text("name").notNull(),
    datasetVersion: text("dataset_version"),
    uri: text("uri"),
    contentHash: text("content_hash"),
  },
  (t) => [uniqueIndex("dataset_refs_version_position_idx").on(t.versionId, t.position)],
);

export type TDatasetRef = typeof datasetRefs.$inferSelect;

export type TModel = typeof models.$inferSelect;
export type TModelVersion = typeof modelVersions.$inferSelect;
