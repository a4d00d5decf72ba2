import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { modelCardRevisions } from "@/db/schema";

export async function latestCardRevision(db: Db, versionId: string) {
  const [row] = await db.select().from(modelCardRevisions).where(eq(modelCardRevisions.versionId, versionId)).orderBy(desc(modelCardRevisions.revision)).limit(1);
  return row ?? null;
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
