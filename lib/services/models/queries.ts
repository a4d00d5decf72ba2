import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { datasetRefs, modelMaintainers, models, modelVersions, users } from "@/db/schema";
import { latestCardRevision } from "../model-cards/queries";

export async function modelBySlug(db: Db, slug: string) {
  const [row] = await db
    .select({ model: models, ownerEmail: users.email, ownerName: users.name })
    .from(models)
    .innerJoin(users, eq(users.id, models.ownerId))
    .where(eq(models.slug, slug));
  if (!row) return null;
  const [versions, maintainers] = await Promise.all([
    db.select().from(modelVersions).where(eq(modelVersions.modelId, row.model.id)).orderBy(asc(modelVersions.createdAt)),
    db.select({ email: users.email, name: users.name }).from(modelMaintainers).innerJoin(users, eq(users.id, modelMaintainers.userId)).where(eq(modelMaintainers.modelId, row.model.id)).orderBy(asc(users.name)),
  ]);
  return { ...row.model, ownerEmail: row.ownerEmail, ownerName: row.ownerName, maintainers, versions };
}

/** May this user edit the model? The same rule as the verbs' assertCanEditModel, for the UI. */
export async function isOwnerOrMaintainer(db: Db, model: { id: string; ownerId: string }, userId: string): Promise<boolean> {
  if (model.ownerId === userId) return true;
  const [row] = await db
    .select({ userId: modelMaintainers.userId })
    .from(modelMaintainers)
    .where(and(eq(modelMaintainers.modelId, model.id), eq(modelMaintainers.userId, userId)));
  return row !== undefined;
}

/** A version with its lineage and current card, as the version page and the API show it. */
export async function versionDetail(db: Db, slug: string, label: string) {
  const model = await modelBySlug(db, slug);
  const version = model?.versions.find((v) => v.version === label);
  if (!model || !version) return null;
  const [datasets, card] = await Promise.all([
    db.select().from(datasetRefs).where(eq(datasetRefs.versionId, version.id)).orderBy(asc(datasetRefs.position)),
    latestCardRevision(db, version.id),
  ]);
  return { model, version, datasets, card };
}
