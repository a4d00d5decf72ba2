import { eq } from "drizzle-orm";
import { z } from "zod";
import { evaluations, evaluationWaivers, models, modelVersions } from "@/db/schema";
import { actorEmail } from "@/lib/auth/actor";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { Conflict, InvalidInput, NotFound } from "../errors";
import { emitAudit } from "../audit/emit";
import { parseInput } from "../parse";
import { invalidateStandingApprovals, linkInvalidations } from "../reviews/invalidate";

const ZWaiveSchema = z.object({
  evaluationId: z.uuid("Unknown evaluation."),
  justification: z.string().trim().min(20, "Explain the waiver in at least 20 characters: reviewers will read it.").max(5000),
  expiresAt: z.coerce.date({ message: "Give the date the waiver lapses." }),
});

/** A compliance officer accepts a failing evaluation for a while, in writing. It lapses by itself. */
export async function waiveEvaluation(ctx: ServiceContext, input: z.input<typeof ZWaiveSchema>) {
  authorize(ctx, "evaluations.waive");
  const data = parseInput(ZWaiveSchema, input);
  if (data.expiresAt.getTime() <= Date.now()) throw new InvalidInput("Some fields need attention.", { fields: { expiresAt: "A waiver must lapse in the future." } });
  if (data.expiresAt.getTime() > Date.now() + 2 * 365 * 86_400_000) throw new InvalidInput("Some fields need attention.", { fields: { expiresAt: "A waiver lasts at most two years: review it again then." } });
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .select({ evaluation: evaluations, slug: models.slug, version: modelVersions.version })
      .from(evaluations)
      .innerJoin(modelVersions, eq(modelVersions.id, evaluations.versionId))
      .innerJoin(models, eq(models.id, modelVersions.modelId))
      .where(eq(evaluations.id, data.evaluationId))
      .for("update", { of: evaluations });
    if (!row) throw new NotFound("The evaluation");
    if (row.evaluation.result !== "fail") throw new Conflict("Only a failing evaluation can be waived.");
    const [waiver] = await tx
      .insert(evaluationWaivers)
      .values({ evaluationId: row.evaluation.id, justification: data.justification, expiresAt: data.expiresAt, waivedBy: ctx.actor.kind === "user" ? ctx.actor.userId : null, waivedByEmail: actorEmail(ctx.actor) })
      .returning();
    const invalidatedApprovals = await invalidateStandingApprovals(tx, { versionIds: [row.evaluation.versionId] });
    const event = await emitAudit(tx, ctx, {
      action: "evaluation.waived",
      entityType: "evaluation",
      entityId: row.evaluation.id,
      data: { slug: row.slug, version: row.version, name: row.evaluation.name, justification: data.justification, expiresAt: data.expiresAt.toISOString(), ...(invalidatedApprovals.length ? { invalidatedApprovals } : {}) },
    });
    await linkInvalidations(tx, invalidatedApprovals, event.seq);
    return waiver!;
  });
}
