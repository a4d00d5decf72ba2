import { z } from "zod";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { emitAudit } from "../audit/emit";
import { parseInput } from "../parse";
import { applyDecision, loadProposal } from "./apply-decision";
import { invalidateStandingApprovals, linkInvalidations } from "../reviews/invalidate";

const ZConfirmSchema = z.object({ classificationId: z.uuid("Unknown classification.") });

/** A compliance officer confirms the proposed tier: it becomes the model's tier of record. */
export async function confirmClassification(ctx: ServiceContext, input: z.input<typeof ZConfirmSchema>) {
  authorize(ctx, "risk.decide");
  const { classificationId } = parseInput(ZConfirmSchema, input);
  return withTransaction(ctx, async (tx) => {
    const record = await loadProposal(tx, classificationId);
    const { record: decided, model, obligationsAdded, obligationsNoLongerApplicable } = await applyDecision(tx, ctx.actor, record, { status: "confirmed", finalTier: record.computedTier, justification: null });
    const invalidatedApprovals = await invalidateStandingApprovals(tx, { modelId: record.modelId });
    const event = await emitAudit(tx, ctx, {
      action: "risk.confirmed",
      entityType: "risk_classification",
      entityId: record.id,
      data: { slug: model.slug, tier: record.computedTier, obligationsAdded, obligationsNoLongerApplicable, ...(invalidatedApprovals.length ? { invalidatedApprovals } : {}) },
    });
    await linkInvalidations(tx, invalidatedApprovals, event.seq);
    return decided;
  });
}
