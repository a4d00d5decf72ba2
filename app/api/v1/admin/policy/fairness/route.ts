import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { fairnessPolicy } from "@/lib/services/evaluations/policy";
import { setFairnessPolicy } from "@/lib/services/evaluations/set-fairness-policy";

/** Fairness thresholds per risk tier (unset tiers use the defaults). */
export const PUT = apiRoute({ permission: "settings.manage", auth: "session", input: z.unknown() }, async (ctx, input) => setFairnessPolicy(ctx, input));

export const GET = apiRoute({ permission: "models.read" }, async (ctx) => fairnessPolicy(ctx.db));
