import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { models, modelVersions } from "@/db/schema";
import { NotFound } from "../errors";

/** A model and one of its versions by slug and label; the version row locked when asked. */
export async function loadModelVersion(tx: Db, slug: string, version: string, options: { lock?: boolean } = {}) {
  const [model] = await tx.select().from(models).where(eq(models.slug, slug));
  if (!model) throw new NotFound("The model");
  const query = tx.select().from(modelVersions).where(and(eq(modelVersions.modelId, model.id), eq(modelVersions.version, version)));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw new NotFound(`Version ${version} of ${model.name}`);
  return { model, version: row };
}
