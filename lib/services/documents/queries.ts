import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { ISSUED_DOCUMENT_KINDS, issuedDocuments, models, modelVersions } from "@/db/schema";

/** The issued document with exactly these bytes (by their SHA-256, lower-case hex), or null. */
export async function issuedDocumentBySha256(db: Db, sha256: string) {
  const [row] = await db.select().from(issuedDocuments).where(eq(issuedDocuments.sha256, sha256.toLowerCase())).orderBy(asc(issuedDocuments.issuedAt)).limit(1);
  return row ?? null;
}

/** The public answer to "did Attest issue this file?": the same shape for the API and the page. */
export function verificationAnswer(row: Awaited<ReturnType<typeof issuedDocumentBySha256>>) {
  if (!row) return { issued: false as const };
  return {
    issued: true as const,
    documentId: row.id,
    kind: row.kind,
    model: row.modelSlug,
    version: row.versionLabel,
    issuedAt: row.issuedAt.toISOString(),
    issuedBy: row.issuedByEmail,
  };
}

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/** The register's URL parameters: the same for the auditor's workspace and GET /api/v1/documents. */
export const ZIssuedDocumentsQuerySchema = z.object({
  model: optional(z.string().trim().toLowerCase().max(200)),
  kind: optional(z.enum(ISSUED_DOCUMENT_KINDS)),
  page: optional(z.coerce.number().int().min(1).max(10_000)).transform((v) => v ?? 1),
  pageSize: optional(z.coerce.number().int().min(1).max(200)).transform((v) => v ?? 25),
});
export type TIssuedDocumentsQuery = z.output<typeof ZIssuedDocumentsQuerySchema>;

/** One page of the register of issued documents, newest first. */
export async function listIssuedDocuments(db: Db, q: TIssuedDocumentsQuery) {
  const conditions: SQL[] = [];
  if (q.model) conditions.push(eq(issuedDocuments.modelSlug, q.model));
  if (q.kind) conditions.push(eq(issuedDocuments.kind, q.kind));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(issuedDocuments)
      .where(where)
      .orderBy(desc(issuedDocuments.issuedAt), desc(issuedDocuments.auditSeq))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(issuedDocuments).where(where),
  ]);
  return { documents: rows.map(issuedDocumentView), total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

/** An issued document as the API and the workspace show it. */
export function issuedDocumentView(row: NonNullable<Awaited<ReturnType<typeof issuedDocumentBySha256>>>) {
  return {
    documentId: row.id,
    kind: row.kind,
    model: row.modelSlug,
    version: row.versionLabel,
    sha256: row.sha256,
    sizeBytes: row.sizeBytes,
    issuedAt: row.issuedAt.toISOString(),
    issuedBy: row.issuedByEmail,
    auditSeq: row.auditSeq,
  };
}

/** The versions whose technical documentation can be issued, for the auditor's workspace: searchable, one page at a time. */
export async function documentableVersions(db: Db, q: { search?: string; page: number; pageSize: number }) {
  // Escape LIKE wildcards so a search for "2.3_0" means that text.
  const pattern = q.search ? `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = pattern ? or(ilike(models.name, pattern), ilike(models.slug, pattern), ilike(modelVersions.version, pattern)) : undefined;
  const lastIssued = sql<Date | null>`(SELECT max(${issuedDocuments.issuedAt}) FROM ${issuedDocuments} WHERE ${issuedDocuments.modelVersionId} = ${modelVersions.id})`;
  const [rows, [total]] = await Promise.all([
    db
      .select({ slug: models.slug, name: models.name, riskTier: models.riskTier, version: modelVersions.version, stage: modelVersions.stage, createdAt: modelVersions.createdAt, lastIssuedAt: lastIssued })
      .from(modelVersions)
      .innerJoin(models, eq(models.id, modelVersions.modelId))
      .where(where)
      .orderBy(asc(models.name), desc(modelVersions.createdAt), asc(modelVersions.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(modelVersions).innerJoin(models, eq(models.id, modelVersions.modelId)).where(where),
  ]);
  return { versions: rows.map((r) => ({ ...r, lastIssuedAt: r.lastIssuedAt ? new Date(r.lastIssuedAt) : null })), total: Number(total?.n ?? 0) };
}
