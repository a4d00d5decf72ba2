import { eq } from "drizzle-orm";
import { policySettings } from "@/db/schema";
import { actorEmail } from "@/lib/auth/actor";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { auditOnCommit } from "../audit/emit";
import { parseInput } from "../parse";
import { FAIRNESS_THRESHOLDS_KEY, ZFairnessPolicySchema } from "./policy";

/** An admin sets the fairness thresholds per risk tier; evaluations keep the ones they were judged with. */
export async function setFairnessPolicy(ctx: ServiceContext, input: unknown) {
  authorize(ctx, "settings.manage");
  const policy = parseInput(ZFairnessPolicySchema, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(policySettings).where(eq(policySettings.key, FAIRNESS_THRESHOLDS_KEY)).for("update");
    const values = { value: policy, updatedByEmail: actorEmail(ctx.actor), updatedAt: new Date() };
    if (before) await tx.update(policySettings).set(values).where(eq(policySettings.key, FAIRNESS_THRESHOLDS_KEY));
    else await tx.insert(policySettings).values({ key: FAIRNESS_THRESHOLDS_KEY, ...values });
    await auditOnCommit(tx, ctx, { action: "policy.fairness_thresholds_changed", entityType: "policy", entityId: FAIRNESS_THRESHOLDS_KEY, data: { before: before?.value ?? null, after: policy } });
    return policy;
  });
}
