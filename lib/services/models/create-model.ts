import { eq } from "drizzle-orm";
import { z } from "zod";
import { models, users } from "@/db/schema";
import { ZEmailSchema } from "@/lib/domain/email";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { Conflict, InvalidInput, isUniqueViolation } from "../errors";
import { auditOnCommit } from "../audit/emit";
import { parseInput } from "../parse";
import { slugify, ZSlugSchema } from "./schemas";

const ZCreateModelSchema = z.object({
  name: z.string().trim().min(1, "Name the model.").max(120, "A name has at most 120 characters."),
  slug: ZSlugSchema.optional(),
  purpose: z.string().trim().max(500, "Keep the purpose to 500 characters; the model card holds the detail.").default(""),
  businessUnit: z.string().trim().max(120).default(""),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  // Defaults to the creator; the accountable owner must be an active model owner.
  ownerEmail: ZEmailSchema.optional(),
});

export async function createModel(ctx: ServiceContext, input: z.input<typeof ZCreateModelSchema>) {
  authorize(ctx, "models.write");
  const data = parseInput(ZCreateModelSchema, input);
  const slug = data.slug ?? slugify(data.name);
  if (!ZSlugSchema.safeParse(slug).success) throw new InvalidInput("Some fields need attention.", { fields: { slug: "Choose a slug: the name gives none." } });
  const ownerEmail = data.ownerEmail ?? (ctx.actor.kind === "user" ? ctx.actor.email : undefined);
  if (!ownerEmail) throw new InvalidInput("Some fields need attention.", { fields: { ownerEmail: "A model needs an accountable owner." } });
  return withTransaction(ctx, async (tx) => {
    const [owner] = await tx.select().from(users).where(eq(users.email, ownerEmail));
    if (!owner || !owner.active || !owner.roles.includes("model_owner")) {
      throw new InvalidInput("Some fields need attention.", { fields: { ownerEmail: "The owner must be an active model owner." } });
    }
    const [clash] = await tx.select({ id: models.id }).from(models).where(eq(models.slug, slug));
    const taken = () => new Conflict(`A model with the slug “${slug}” already exists.`);
    if (clash) throw taken();
    const tags = [...new Set(data.tags)];
    const [model] = await tx
      .insert(models)
      .values({ slug, name: data.name, purpose: data.purpose, businessUnit: data.businessUnit, tags, ownerId: owner.id })
      .returning()
      // A concurrent request that took the slug after the check above.
      .catch((error: unknown) => Promise.reject(isUniqueViolation(error) ? taken() : error));
    await auditOnCommit(tx, ctx, { action: "model.created", entityType: "model", entityId: model!.id, data: { slug, name: data.name, ownerEmail, businessUnit: data.businessUnit, tags } });
    return model!;
  });
}
