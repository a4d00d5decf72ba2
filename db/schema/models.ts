import { sql } from "drizzle-orm";
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("models_owner_idx").on(t.ownerId), index("models_risk_tier_idx").on(t.riskTier)],
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
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("model_versions_model_version_idx").on(t.modelId, t.version)],
);

export type TModel = typeof models.$inferSelect;
export type TModelVersion = typeof modelVersions.$inferSelect;
