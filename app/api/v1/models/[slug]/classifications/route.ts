import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { NotFound } from "@/lib/services/errors";
import { modelBySlug } from "@/lib/services/models/queries";
import { proposeClassification } from "@/lib/services/risk/propose-classification";
import { classificationHistory } from "@/lib/services/risk/queries";

export const POST = apiRoute({ permission: "risk.propose", input: z.object({ rulesetVersion: z.string(), answers: z.unknown() }) }, async (ctx, input, _req, params) => {
  const record = await proposeClassification(ctx, { slug: String(params.slug), ...input });
  return Response.json(record, { status: 201 });
});

/** Every classification of the model, newest first, with who proposed and decided it. */
export const GET = apiRoute({ permission: "models.read" }, async (ctx, _input, _req, params) => {
  const model = await modelBySlug(ctx.db, String(params.slug));
  if (!model) throw new NotFound("The model");
  return { classifications: await classificationHistory(ctx.db, model.id) };
});
