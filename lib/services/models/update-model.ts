import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { modelMaintainers, models, users } from "@/db/schema";
import { ZEmailSchema } from "@/lib/domain/email";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { InvalidInput, NotFound } from "../errors";
import { auditOnCommit } from "../audit/emit";
import { parseInput } from "../parse";
import { assertCanEditModel } from "./access";

const ZUpdateModelSchema = z.object({
  slug: z.string(),
  name: z.string().trim().min(1, "Name the model.").max(120, "A name has at most 120 characters.").optional(),
  purpose: z.string().trim().max(500, "Keep the purpose to 500 characters; the model card holds the detail.").optional(),
  businessUnit: z.string().trim().max(120).optional(),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
  // The accountable owner: required, so it can be handed over but never removed.
  ownerEmail: ZEmailSchema.optional(),
  // Other model owners who may edit the model, its versions and cards.
  maintainerEmails: z.array(ZEmailSchema).max(50).optional(),
});

/**
 * Changes a model's details, accountable owner or maintainers. Only its owner and maintainers
 * may; owner and maintainers must be active model owners. Every changed field is audited.
 */
export async function updateModel(ctx: ServiceContext, input: z.input<typeof ZUpdateModelSchema>) {
  authorize(ctx, "models.write");
  const { slug, ownerEmail, maintainerEmails, ...details } = parseInput(ZUpdateModelSchema, input);
  return withTransaction(ctx, async (tx) => {
    const [model] = await tx.select().from(models).where(eq(models.slug, slug)).for("update");
    if (!model) throw new NotFound("The model");
    await assertCanEditModel(tx, ctx, model);
    const wanted = [...new Set([...(ownerEmail ? [ownerEmail] : []), ...(maintainerEmails ?? [])])];
    const people = wanted.length ? await tx.select().from(users).where(inArray(users.email, wanted)) : [];
    const modelOwner = (email: string, field: string) => {
      const person = people.find((p) => p.email === email);
      if (!person || !person.active || !person.roles.includes("model_owner")) {
        throw new InvalidInput("Some fields need attention.", { fields: { [field]: `${email} is not an active model owner.` } });
      }
      return person;
    };
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const [key, value] of Object.entries(details) as [keyof typeof details, unknown][]) {
      const before = model[key];
      if (value !== undefined && JSON.stringify(before) !== JSON.stringify(value)) changes[key] = { before, after: value };
    }
    let ownerId = model.ownerId;
    if (ownerEmail) {
      ownerId = modelOwner(ownerEmail, "ownerEmail").id;
      if (ownerId !== model.ownerId) {
        const [previous] = await tx.select({ email: users.email }).from(users).where(eq(users.id, model.ownerId));
        changes.owner = { before: previous?.email ?? null, after: ownerEmail };
      }
    }
    if (maintainerEmails) {
      const current = await tx.select({ email: users.email }).from(modelMaintainers).innerJoin(users, eq(users.id, modelMaintainers.userId)).where(eq(modelMaintainers.modelId, model.id));
      const next = maintainerEmails.map((email, i) => modelOwner(email, `maintainerEmails.${i}`)).filter((p) => p.id !== ownerId);
      const before = current.map((c) => c.email).sort();
      const after = [...new Set(next.map((p) => p.email))].sort();
      if (JSON.stringify(before) !== JSON.stringify(after)) {
        await tx.delete(modelMaintainers).where(eq(modelMaintainers.modelId, model.id));
        if (next.length) await tx.insert(modelMaintainers).values([...new Map(next.map((p) => [p.id, { modelId: model.id, userId: p.id }])).values()]);
        changes.maintainers = { before, after };
      }
    } else if (ownerId !== model.ownerId) {
      // The new owner no longer needs to be a maintainer as well.
      await tx.delete(modelMaintainers).where(and(eq(modelMaintainers.modelId, model.id), eq(modelMaintainers.userId, ownerId)));
    }
    if (Object.keys(changes).length === 0) return model;
    const [updated] = await tx.update(models).set({ ...details, ownerId, updatedAt: new Date() }).where(eq(models.id, model.id)).returning();
    await auditOnCommit(tx, ctx, { action: "model.updated", entityType: "model", entityId: model.id, data: { slug, changes } });
    return updated!;
  });
}
