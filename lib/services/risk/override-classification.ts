import { z } from "zod";
import { RISK_TIERS } from "@/lib/domain/model-card/template";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { emitAudit } from "../audit/emit";
import { InvalidInput } from "../errors";
import { parseInput } from "../parse";
import { applyDecision, loadProposal } from "./apply-decision";
import { invalidateStandingApprovals, linkInvalidations } from "../reviews/invalidate";

const ZOverrideSchema = z.object({
  classificationId: z.uuid("Unknown classification."),
  tier: z.enum(RISK_TIERS, { message: `A tier is one of ${RISK_TIERS.join(", ")}.` }),
  justification: z.string().trim().min(20, "Explain the override in at least 20 characters: it is the record of why.").max(5000),
});

/**
 * A compliance officer decides a different tier than the ruleset computed, with a written
 * justification. The obligations still follow from the answers; the tier of record is the officer's.
 */
export async function overrideClassification(ctx: ServiceContext, input: z.input<typeof ZOverrideSchema>) {
  authorize(ctx, "risk.decide");
  const data = parseInput(ZOverrideSchema, input);
  return withTransaction(ctx, async (tx) => {
    const record = await loadProposal(tx, data.classificationId);
    if (record.computedTier === data.tier) throw new InvalidInput("Some fields need attention.", { fields: { tier: "This is the tier the questionnaire gave: confirm the classification instead." } });
    const { record: decided, model, obligationsAdded, obligationsNoLongerApplicable } = await applyDecision(tx, ctx.actor, record, { status: "overridden", finalTier: data.tier, justification: data.justification });
    const invalidatedApprovals = await invalidateStandingApprovals(tx, { modelId: record.modelId });
    const event = await emitAudit(tx, ctx, {
      action: "risk.overridden",
      entityType: "risk_classification",
      entityId: record.id,
      data: { slug: model.slug, computedTier: record.computedTier, tier: data.tier, justification: data.justification, obligationsAdded, obligationsNoLongerApplicable, ...(invalidatedApprovals.length ? { invalidatedApprovals } : {}) },
    });
    await linkInvalidations(tx, invalidatedApprovals, event.seq);
    return decided;
  });
}
