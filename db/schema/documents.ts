import { bigint, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { modelVersions } from "./models";

export const ISSUED_DOCUMENT_KINDS = ["technical_documentation", "portfolio"] as const;
export type TIssuedDocumentKind = (typeof ISSUED_DOCUMENT_KINDS)[number];

/**
 * Every PDF Attest hands out, recorded in the same transaction as its "document.issued" audit
 * event: whoever holds a file can ask whether Attest issued exactly those bytes (by SHA-256).
 * Append-only: a trigger rejects UPDATE and DELETE. The model's slug and the version's label are
 * copied so the record reads the same whatever happens to the model later.
 */
export const issuedDocuments = pgTable(
  "issued_documents",
  {
    // "ATT-2026-7K3QX9M2": printed on every page of the document, so known before it is rendered.
    id: text("id").primaryKey(),
    kind: text("kind").notNull(),
    // Null for the portfolio report, which covers every model.
    modelVersionId: uuid("model_version_id").references(() => modelVersions.id),
    modelSlug: text("model_slug"),
    versionLabel: text("version_label"),
    sha256: text("sha256").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    issuedBy: uuid("issued_by"),
    issuedByEmail: text("issued_by_email").notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
    // The seq of the document.issued event written in the same transaction.
    auditSeq: bigint("audit_seq", { mode: "number" }).notNull().unique(),
  },
  (t) => [index("issued_documents_sha256_idx").on(t.sha256), index("issued_documents_version_idx").on(t.modelVersionId, t.issuedAt), index("issued_documents_issued_at_idx").on(t.issuedAt)],
);

export type TIssuedDocument = typeof issuedDocuments.$inferSelect;
