import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { models, modelVersions } from "@/db/schema";
import { NotFound } from "../errors";

/**
 * A model and one of its versions by slug and label; when asked, both rows locked, the model
 * first. Model-wide changes (a reclassification, an obligation) lock the model and then its
 * versions (to invalidate their approvals), so a version change must take the same order or the
 * two can deadlock.
 */
export async function loadModelVersion(tx: Db, slug: string, version: string, options: { lock?: boolean } = {}) {
  const modelQuery = tx.select().from(models).where(eq(models.slug, slug));
  const [model] = options.lock ? await modelQuery.for("update") : await modelQuery;
  if (!model) throw new NotFound("The model");
  const query = tx.select().from(modelVersions).where(and(eq(modelVersions.modelId, model.id), eq(modelVersions.version, version)));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw new NotFound(`Version ${version} of ${model.name}`);
  return { model, version: row };
}
