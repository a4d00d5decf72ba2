import { eq } from "drizzle-orm";
import { policySettings } from "@/db/schema";
import { actorEmail } from "@/lib/auth/actor";
import { ZApprovalPolicySchema } from "@/lib/domain/approvals/policy";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { auditOnCommit } from "../audit/emit";
import { parseInput } from "../parse";
import { APPROVAL_POLICY_KEY } from "./policy";

/**
 * An admin sets how many approvals each tier needs and how often approved versions are reviewed
 * again. Versions already approved keep the next-review date they were given.
 */
export async function setApprovalPolicy(ctx: ServiceContext, input: unknown) {
  authorize(ctx, "settings.manage");
  const policy = parseInput(ZApprovalPolicySchema, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(policySettings).where(eq(policySettings.key, APPROVAL_POLICY_KEY)).for("update");
    const values = { value: policy, updatedByEmail: actorEmail(ctx.actor), updatedAt: new Date() };
    if (before) await tx.update(policySettings).set(values).where(eq(policySettings.key, APPROVAL_POLICY_KEY));
    else await tx.insert(policySettings).values({ key: APPROVAL_POLICY_KEY, ...values });
    await auditOnCommit(tx, ctx, { action: "policy.approval_policy_changed", entityType: "policy", entityId: APPROVAL_POLICY_KEY, data: { before: before?.value ?? null, after: policy } });
    return policy;
  });
}
