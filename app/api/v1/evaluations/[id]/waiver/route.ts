import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { waiveEvaluation } from "@/lib/services/evaluations/waive-evaluation";

export const POST = apiRoute({ permission: "evaluations.waive", auth: "session", input: z.object({ justification: z.string(), expiresAt: z.string() }) }, async (ctx, input, _req, params) => {
  const waiver = await waiveEvaluation(ctx, { evaluationId: String(params.id), ...input });
  return Response.json(waiver, { status: 201 });
});
