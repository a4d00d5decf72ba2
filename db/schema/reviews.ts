import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { modelVersions } from "./models";

/**
 * A submission of a version for review, with the dossier exactly as it was submitted. Open until
 * a decision ends it (approval complete, changes requested or rejection); an invalidation keeps
 * it open, so the reviewers get the same request back with the new dossier.
 */
export const reviewRequests = pgTable(
  "review_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    versionId: uuid("version_id").notNull().references(() => modelVersions.id),
    // Copied, not referenced: a token acts as its owner, and the row outlives the account.
    submittedBy: uuid("submitted_by"),
    submittedByEmail: text("submitted_by_email").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    dossierHash: text("dossier_hash").notNull(),
    dossier: jsonb("dossier").notNull(),
    // "submission" (the owner asked) | "periodic" (the next-review date came round, Art. 9 / 72)
    reason: text("reason").notNull().default("submission"),
    // "open" | "closed"
    status: text("status").notNull().default("open"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  // The queue reads open requests oldest first.
  (t) => [index("review_requests_version_idx").on(t.versionId, t.submittedAt), index("review_requests_status_idx").on(t.status, t.submittedAt)],
);

/**
 * A compliance officer's decision on a review. Immutable except for its invalidation, which a
 * trigger lets happen once: a later dossier change sets invalidated_at and says which change.
 */
export const reviewDecisions = pgTable(
  "review_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reviewRequestId: uuid("review_request_id").notNull().references(() => reviewRequests.id),
    versionId: uuid("version_id").notNull().references(() => modelVersions.id),
    // "approve" | "request_changes" | "reject"
    decision: text("decision").notNull(),
    comment: text("comment").notNull().default(""),
    approverId: uuid("approver_id").notNull(),
    approverEmail: text("approver_email").notNull(),
    approverRoles: text("approver_roles").array().notNull(),
    // The dossier this decision was taken on: an approval is valid only while it is current.
    dossierHash: text("dossier_hash").notNull(),
    // The dossier itself, so an invalidation can say what changed since (dossierDiff).
    dossier: jsonb("dossier").notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
    invalidatedAt: timestamp("invalidated_at", { withTimezone: true }),
    // dossierDiff's wording of what changed, e.g. "card revision 4 → 5".
    invalidatedByChange: text("invalidated_by_change"),
    // The audit seq of the change that invalidated it (the event is written after, in the same transaction).
    invalidationSeq: integer("invalidation_seq"),
  },
  (t) => [index("review_decisions_version_idx").on(t.versionId, t.decidedAt), index("review_decisions_request_idx").on(t.reviewRequestId)],
);

/** A deployment of an approved version: where, how, and who or which token did it. Immutable. */
export const deployments = pgTable(
  "deployments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    versionId: uuid("version_id").notNull().references(() => modelVersions.id),
    environment: text("environment").notNull(),
    // "direct" | "canary" | "blue-green" | "shadow"
    strategy: text("strategy").notNull().default("direct"),
    deployedBy: uuid("deployed_by"),
    deployedByEmail: text("deployed_by_email").notNull(),
    tokenId: uuid("token_id"),
    dossierHash: text("dossier_hash").notNull(),
    deployedAt: timestamp("deployed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("deployments_version_idx").on(t.versionId, t.deployedAt)],
);

/**
 * A reviewer's comment on one card field (a thread root), or an answer in its thread (parentId).
 * Only the resolution of a root ever changes; the text is never edited.
 */
export const reviewComments = pgTable(
  "review_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    versionId: uuid("version_id").notNull().references(() => modelVersions.id),
    reviewRequestId: uuid("review_request_id").references(() => reviewRequests.id),
    // The card field's path, e.g. "intendedUse.primaryUses"; null for an answer (it inherits its root's).
    fieldPath: text("field_path"),
    parentId: uuid("parent_id"),
    body: text("body").notNull(),
    authorId: uuid("author_id"),
    authorEmail: text("author_email").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedByEmail: text("resolved_by_email"),
  },
  (t) => [index("review_comments_version_idx").on(t.versionId, t.createdAt), index("review_comments_parent_idx").on(t.parentId)],
);

export type TReviewComment = typeof reviewComments.$inferSelect;
export type TReviewRequest = typeof reviewRequests.$inferSelect;
export type TReviewDecision = typeof reviewDecisions.$inferSelect;
export type TDeployment = typeof deployments.$inferSelect;
