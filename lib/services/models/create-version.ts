import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { models, modelVersions } from "@/db/schema";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { Conflict, NotFound } from "../errors";
import { emitAudit } from "../audit/emit";
import { parseInput } from "../parse";
import { assertCanEditModel } from "./access";

const ZCreateVersionSchema = z.object({
  slug: z.string(),
  version: z.string().trim().min(1, "Give the version a label, e.g. 2.1.0.").max(64).regex(/^[\w.+-]+$/, "Use letters, digits, dots, plus, minus and underscores."),
  artifactUri: z.string().trim().max(2000).nullable().optional(),
  framework: z.string().trim().max(80).nullable().optional(),
});

export async function createModelVersion(ctx: ServiceContext, input: z.input<typeof ZCreateVersionSchema>) {
  authorize(ctx, "models.write");
  const data = parseInput(ZCreateVersionSchema, input);
  return withTransaction(ctx, async (tx) => {
    const [model] = await tx.select().from(models).where(eq(models.slug, data.slug));
    if (!model) throw new NotFound("The model");
    await assertCanEditModel(tx, ctx, model);
    const [clash] = await tx.select({ id: modelVersions.id }).from(modelVersions).where(and(eq(modelVersions.modelId, model.id), eq(modelVersions.version, data.version)));
    if (clash) throw new Conflict(`Version ${data.version} of ${model.name} already exists.`);
    const [version] = await tx
      .insert(modelVersions)
      .values({ modelId: model.id, version: data.version, artifactUri: data.artifactUri ?? null, framework: data.framework ?? null, createdBy: ctx.actor.kind === "user" ? ctx.actor.userId : null })
      .returning();
    await emitAudit(tx, ctx, {
      action: "model_version.created",
      entityType: "model_version",
      entityId: version!.id,
      data: { slug: model.slug, version: data.version, artifactUri: data.artifactUri ?? null, framework: data.framework ?? null },
    });
    return version!;
  });
}
