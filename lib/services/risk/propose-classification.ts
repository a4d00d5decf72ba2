import { eq } from "drizzle-orm";
import { z } from "zod";
import { models, riskClassifications } from "@/db/schema";
import { actorEmail } from "@/lib/auth/actor";
import { changedQuestionsSince } from "@/lib/domain/risk/questionnaire";
import { evaluateRisk, parseRiskAnswers, RULESET_VERSION } from "@/lib/domain/risk/ruleset";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { Conflict, NotFound, Unprocessable } from "../errors";
import { auditOnCommit } from "../audit/emit";
import { parseInput } from "../parse";
import { assertCanEditModel } from "../models/access";

const ZProposeSchema = z.object({
  slug: z.string(),
  // The ruleset version the questionnaire was answered against.
  rulesetVersion: z.string().min(1, "Say which ruleset version the answers were given for."),
  answers: z.unknown(),
});

/**
 * Proposes a classification from questionnaire answers, evaluated here on the server by the
 * versioned ruleset. Answers given for an older ruleset are refused with the questions that
 * changed since, so they are reviewed rather than silently mixed with the new rules.
 */
export async function proposeClassification(ctx: ServiceContext, input: z.input<typeof ZProposeSchema>) {
  authorize(ctx, "risk.propose");
  const data = parseInput(ZProposeSchema, input);
  if (data.rulesetVersion !== RULESET_VERSION) {
    const changed = changedQuestionsSince(data.rulesetVersion).map((q) => ({ id: q.id, prompt: q.prompt }));
    throw new Conflict("The questionnaire changed since these answers were given: review the changed questions and submit again.", { rulesetVersion: RULESET_VERSION, changedQuestions: changed });
  }
  const parsed = parseRiskAnswers(data.answers);
  if (!parsed.success) throw new Unprocessable("Some answers are not valid.", { fields: Object.fromEntries(parsed.errors.map((e) => [e.path, e.message])) });
  const result = evaluateRisk(parsed.answers);
  return withTransaction(ctx, async (tx) => {
    const [model] = await tx.select().from(models).where(eq(models.slug, data.slug)).for("update");
    if (!model) throw new NotFound("The model");
    // Compliance officers classify any model; model owners only those they own or maintain.
    if (ctx.actor.kind === "user" && !ctx.actor.roles.includes("compliance_officer")) await assertCanEditModel(tx, ctx, model);
    const [record] = await tx
      .insert(riskClassifications)
      .values({
        modelId: model.id,
        rulesetVersion: result.rulesetVersion,
        answers: parsed.answers,
        computedTier: result.tier,
        flags: result.flags,
        legalBasis: result.legalBasis,
        obligations: result.obligations,
        rationale: result.rationale,
        proposedBy: ctx.actor.kind === "user" ? ctx.actor.userId : null,
        proposedByEmail: actorEmail(ctx.actor),
      })
      .returning();
    await auditOnCommit(tx, ctx, {
      action: "risk.proposed",
      entityType: "risk_classification",
      entityId: record!.id,
      data: { slug: model.slug, rulesetVersion: result.rulesetVersion, tier: result.tier, legalBasis: result.legalBasis.map((b) => [b.article, b.point].filter(Boolean).join(" ")) },
    });
    return record!;
  });
}
