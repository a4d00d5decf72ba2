import { eq } from "drizzle-orm";
import { z } from "zod";
import { models, obligations, users } from "@/db/schema";
import { ZEmailSchema } from "@/lib/domain/email";
import { OBLIGATION_STATUSES } from "@/lib/domain/risk/ruleset";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { InvalidInput, NotFound } from "../errors";
import { emitAudit } from "../audit/emit";
import { parseInput } from "../parse";
import { assertCanEditModel } from "../models/access";
import { invalidateStandingApprovals, linkInvalidations } from "../reviews/invalidate";

const ZUpdateObligationSchema = z
  .object({
    obligationId: z.uuid("Unknown obligation."),
    status: z.enum(OBLIGATION_STATUSES, { message: `A status is one of ${OBLIGATION_STATUSES.join(", ")}.` }).optional(),
    note: z.string().trim().max(5000, "A note has at most 5,000 characters.").optional(),
    ownerEmail: ZEmailSchema.nullish(),
    dueDate: z.iso.date("A due date is written YYYY-MM-DD.").nullish(),
  })
  .refine((v) => Object.keys(v).length > 1, { message: "Nothing to change." });

/**
 * Changes an obligation's status, note, owner or due date. "Met" and "not applicable" are claims
 * an auditor will read, so they need a note saying why.
 */
export async function updateObligation(ctx: ServiceContext, input: z.input<typeof ZUpdateObligationSchema>) {
  authorize(ctx, "obligations.write");
  const data = parseInput(ZUpdateObligationSchema, input);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.select({ obligation: obligations, model: models }).from(obligations).innerJoin(models, eq(models.id, obligations.modelId)).where(eq(obligations.id, data.obligationId)).for("update", { of: obligations });
    if (!row) throw new NotFound("The obligation");
    const { obligation, model } = row;
    if (ctx.actor.kind === "user" && !ctx.actor.roles.includes("compliance_officer")) await assertCanEditModel(tx, ctx, model);
    const next = { status: data.status ?? obligation.status, note: data.note ?? obligation.note };
    if ((next.status === "met" || next.status === "not_applicable") && !next.note) {
      throw new InvalidInput("Some fields need attention.", { fields: { note: `Say why this obligation is ${next.status === "met" ? "met" : "not applicable"}.` } });
    }
    let ownerId = obligation.ownerId;
    if (data.ownerEmail !== undefined) {
      if (data.ownerEmail === null) ownerId = null;
      else {
        const [owner] = await tx.select().from(users).where(eq(users.email, data.ownerEmail));
        if (!owner || !owner.active) throw new InvalidInput("Some fields need attention.", { fields: { ownerEmail: "No active user has this email." } });
        ownerId = owner.id;
      }
    }
    const dueDate = data.dueDate === undefined ? obligation.dueDate : data.dueDate;
    const [updated] = await tx.update(obligations).set({ ...next, ownerId, dueDate, updatedAt: new Date() }).where(eq(obligations.id, obligation.id)).returning();
    const invalidatedApprovals = await invalidateStandingApprovals(tx, { modelId: model.id });
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const key of ["status", "note", "ownerId", "dueDate"] as const) {
      if (obligation[key] !== updated![key]) changes[key] = { before: obligation[key], after: updated![key] };
    }
    const event = await emitAudit(tx, ctx, { action: "obligation.updated", entityType: "obligation", entityId: obligation.id, data: { slug: model.slug, article: obligation.article, changes, ...(invalidatedApprovals.length ? { invalidatedApprovals } : {}) } });
    await linkInvalidations(tx, invalidatedApprovals, event.seq);
    return updated!;
  });
}
