import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { modelCardRevisions } from "@/db/schema";

export async function latestCardRevision(db: Db, versionId: string) {
  const [row] = await db.select().from(modelCardRevisions).where(eq(modelCardRevisions.versionId, versionId)).orderBy(desc(modelCardRevisions.revision)).limit(1);
  return row ?? null;
}

/** The current card of each of these versions, keyed by version id (versions without a card are absent). */
export async function latestCardRevisions(db: Db, versionIds: string[]) {
  if (versionIds.length === 0) return new Map<string, typeof modelCardRevisions.$inferSelect>();
  const rows = await db
    .selectDistinctOn([modelCardRevisions.versionId])
    .from(modelCardRevisions)
    .where(inArray(modelCardRevisions.versionId, versionIds))
    .orderBy(modelCardRevisions.versionId, desc(modelCardRevisions.revision));
  return new Map(rows.map((row) => [row.versionId, row]));
}

export async function cardRevision(db: Db, versionId: string, revision: number) {
  const [row] = await db.select().from(modelCardRevisions).where(and(eq(modelCardRevisions.versionId, versionId), eq(modelCardRevisions.revision, revision)));
  return row ?? null;
}

/** Newest first, without contents: the revisions list. */
export function listCardRevisions(db: Db, versionId: string) {
  return db
    .select({
      revision: modelCardRevisions.revision,
      contentHash: modelCardRevisions.contentHash,
      authorEmail: modelCardRevisions.authorEmail,
      summary: modelCardRevisions.summary,
      changedFields: modelCardRevisions.changedFields,
      createdAt: modelCardRevisions.createdAt,
    })
    .from(modelCardRevisions)
    .where(eq(modelCardRevisions.versionId, versionId))
    .orderBy(desc(modelCardRevisions.revision));
}
