import { boolean, customType, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { models } from "./models";
import { users } from "./users";

/**
 * One record per classification attempt. A reclassification adds a record; earlier ones stay
 * with who proposed and decided them, when and why. The model's current classification is its
 * newest decided record (models.risk_tier caches its final tier).
 */
export const riskClassifications = pgTable(
  "risk_classifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    modelId: uuid("model_id").notNull().references(() => models.id),
    rulesetVersion: text("ruleset_version").notNull(),
    answers: jsonb("answers").notNull(),
    // What the ruleset concluded from the answers.
    computedTier: text("computed_tier").notNull(),
    flags: jsonb("flags").notNull(),
    legalBasis: jsonb("legal_basis").notNull(),
    obligations: jsonb("obligations").notNull(),
    rationale: text("rationale").notNull(),
    // proposed → confirmed | overridden; a newer decision makes an older one superseded.
    status: text("status").notNull().default("proposed"),
    // The tier that applies: the computed one, or the compliance officer's override.
    finalTier: text("final_tier"),
    overrideJustification: text("override_justification"),
    proposedBy: uuid("proposed_by").references(() => users.id),
    proposedByEmail: text("proposed_by_email").notNull(),
    proposedAt: timestamp("proposed_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedByEmail: text("decided_by_email"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    // Set when the intended purpose or deployment context changed after the decision.
    needsReview: boolean("needs_review").notNull().default(false),
    needsReviewReason: text("needs_review_reason"),
  },
  (t) => [index("risk_classifications_model_idx").on(t.modelId, t.proposedAt)],
);

export const obligations = pgTable(
  "obligations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    modelId: uuid("model_id").notNull().references(() => models.id),
    article: text("article").notNull(),
    title: text("title").notNull(),
    checklist: jsonb("checklist").notNull(),
    appliesFrom: date("applies_from", { mode: "string" }).notNull(),
    legalStatus: text("legal_status").notNull(),
    // False once a later classification no longer gives rise to it; kept for the record.
    applicable: boolean("applicable").notNull().default(true),
    status: text("status").notNull().default("not_started"),
    note: text("note").notNull().default(""),
    ownerId: uuid("owner_id").references(() => users.id),
    dueDate: date("due_date", { mode: "string" }),
    position: integer("position").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("obligations_model_idx").on(t.modelId, t.position)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

/** Evidence for an obligation: a note, a link or a file (kept in the database with its SHA-256). */
export const obligationEvidence = pgTable(
  "obligation_evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    obligationId: uuid("obligation_id").notNull().references(() => obligations.id),
    kind: text("kind").notNull(),
    note: text("note").notNull().default(""),
    url: text("url"),
    fileName: text("file_name"),
    contentType: text("content_type"),
    sizeBytes: integer("size_bytes"),
    sha256: text("sha256"),
    content: bytea("content"),
    addedBy: uuid("added_by").references(() => users.id),
    addedByEmail: text("added_by_email").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("obligation_evidence_obligation_idx").on(t.obligationId)],
);

export type TRiskClassification = typeof riskClassifications.$inferSelect;
export type TObligation = typeof obligations.$inferSelect;
