import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { approvalPolicy } from "@/lib/services/reviews/policy";
import { setApprovalPolicy } from "@/lib/services/reviews/set-approval-policy";

/** Approvals required and review interval per risk tier (unset fields keep the defaults). */
export const PUT = apiRoute({ permission: "settings.manage", auth: "session", input: z.unknown() }, async (ctx, input) => setApprovalPolicy(ctx, input));

export const GET = apiRoute({ permission: "models.read" }, async (ctx) => approvalPolicy(ctx.db));
