import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { DATASET_ROLES, datasetRefs, models, modelVersions } from "@/db/schema";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { Conflict, InvalidInput, isUniqueViolation, NotFound } from "../errors";
import { auditOnCommit } from "../audit/emit";
import { parseInput } from "../parse";
import { latestCardRevision } from "../model-cards/queries";
import { insertRevision } from "../model-cards/save-card";
import { refreshModelCompleteness } from "../model-cards/refresh-completeness";
import { assertCanEditModel } from "./access";

const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => v || null);

export const ZDatasetRefSchema = z.object({
  role: z.enum(DATASET_ROLES, { message: `A dataset's role is one of ${DATASET_ROLES.join(", ")}.` }),
  name: z.string().trim().min(1, "Name the dataset.").max(200),
  version: optionalText(100),
  uri: optionalText(2000),
  contentHash: z
    .string()
    .trim()
    .regex(/^(sha256:)?[0-9a-f]{64}$|^$/i, "A content hash is a SHA-256 in hex, optionally prefixed sha256:.")
    .nullish()
    .transform((v) => (v ? v.toLowerCase().replace(/^sha256:/, "") : null)),
});

export const ZVersionLabelSchema = z
  .string()
  .trim()
  .min(1, "Give the version a label, e.g. 2.1.0.")
  .max(64, "A version label has at most 64 characters.")
  .regex(/^[\w.+-]+$/, "Use letters, digits, dots, plus, minus and underscores.");

const ZCreateVersionSchema = z.object({
  slug: z.string(),
  version: ZVersionLabelSchema,
  artifactUri: optionalText(2000),
  framework: optionalText(80),
  experimentRef: optionalText(200),
  datasets: z.array(ZDatasetRefSchema).max(50, "At most 50 datasets per version.").default([]),
  // The label of an earlier version whose current card becomes this version's first revision.
  copyCardFrom: ZVersionLabelSchema.nullish(),
});

export async function createModelVersion(ctx: ServiceContext, input: z.input<typeof ZCreateVersionSchema>) {
  authorize(ctx, "models.write");
  const data = parseInput(ZCreateVersionSchema, input);
  return withTransaction(ctx, async (tx) => {
    const [model] = await tx.select().from(models).where(eq(models.slug, data.slug));
    if (!model) throw new NotFound("The model");
    await assertCanEditModel(tx, ctx, model);
    const sameLabel = (label: string) => and(eq(modelVersions.modelId, model.id), eq(modelVersions.version, label));
    const [clash] = await tx.select({ id: modelVersions.id }).from(modelVersions).where(sameLabel(data.version));
    const taken = () => new Conflict(`Version ${data.version} of ${model.name} already exists.`);
    if (clash) throw taken();
    let source = null;
    if (data.copyCardFrom) {
      const [from] = await tx.select().from(modelVersions).where(sameLabel(data.copyCardFrom));
      if (!from) throw new InvalidInput("Some fields need attention.", { fields: { copyCardFrom: `${model.name} has no version ${data.copyCardFrom}.` } });
      source = await latestCardRevision(tx, from.id);
    }
    const [version] = await tx
      .insert(modelVersions)
      .values({
        modelId: model.id,
        version: data.version,
        artifactUri: data.artifactUri,
        framework: data.framework,
        experimentRef: data.experimentRef,
        createdBy: ctx.actor.kind === "user" ? ctx.actor.userId : null,
      })
      .returning()
      // A concurrent request (two pipeline runs registering one version) that won after the check above.
      .catch((error: unknown) => Promise.reject(isUniqueViolation(error) ? taken() : error));
    if (data.datasets.length) {
      await tx.insert(datasetRefs).values(
        data.datasets.map((d, position) => ({ versionId: version!.id, position, role: d.role, name: d.name, datasetVersion: d.version, uri: d.uri, contentHash: d.contentHash })),
      );
    }
    if (source) await insertRevision(tx, ctx.actor, version!.id, 1, source.content as never, {}, `Copied from version ${data.copyCardFrom} (revision ${source.revision})`);
    await refreshModelCompleteness(tx, model);
    await auditOnCommit(tx, ctx, {
      action: "model_version.created",
      entityType: "model_version",
      entityId: version!.id,
      data: {
        slug: model.slug,
        version: data.version,
        artifactUri: data.artifactUri,
        framework: data.framework,
        experimentRef: data.experimentRef,
        datasets: data.datasets.map((d) => `${d.role}: ${d.name}${d.version ? `@${d.version}` : ""}`),
        copiedCardFrom: source ? { version: data.copyCardFrom!, revision: source.revision } : null,
      },
    });
    return version!;
  });
}
