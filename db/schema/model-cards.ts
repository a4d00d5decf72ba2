import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { modelVersions } from "./models";

// Immutable (a trigger rejects UPDATE and DELETE): a save adds a revision, it never edits one.
export const modelCardRevisions = pgTable(
  "model_card_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    versionId: uuid("version_id").notNull().references(() => modelVersions.id),
    revision: integer("revision").notNull(),
    content: jsonb("content").notNull(),
    // SHA-256 of the canonical JSON of content: what approvals and the documentation cite.
    contentHash: text("content_hash").notNull(),
    authorId: uuid("author_id"),
    authorEmail: text("author_email").notNull(),
    summary: text("summary").notNull().default(""),
    changedFields: text("changed_fields").array().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("model_card_revisions_version_revision_idx").on(t.versionId, t.revision), index("model_card_revisions_author_idx").on(t.authorId)],
);

export type TModelCardRevision = typeof modelCardRevisions.$inferSelect;
