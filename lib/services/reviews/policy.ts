import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { policySettings } from "@/db/schema";
import { DEFAULT_APPROVAL_POLICY, ZApprovalPolicySchema, type TApprovalPolicy } from "@/lib/domain/approvals/policy";

export const APPROVAL_POLICY_KEY = "approval_policy";

/** The approval policy in force: the admin's settings, defaults where unset. */
export async function approvalPolicy(db: Db): Promise<TApprovalPolicy> {
  const [row] = await db.select().from(policySettings).where(eq(policySettings.key, APPROVAL_POLICY_KEY));
  return row ? ZApprovalPolicySchema.parse(row.value) : ZApprovalPolicySchema.parse({ ...DEFAULT_APPROVAL_POLICY });
}
