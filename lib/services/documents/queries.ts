import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { issuedDocuments } from "@/db/schema";

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
