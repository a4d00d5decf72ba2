import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { overrideClassification } from "@/lib/services/risk/override-classification";

export const POST = apiRoute({ permission: "risk.decide", auth: "session", input: z.object({ tier: z.string(), justification: z.string() }) }, async (ctx, input, _req, params) =>
  overrideClassification(ctx, { classificationId: String(params.id), tier: input.tier as never, justification: input.justification }),
);
