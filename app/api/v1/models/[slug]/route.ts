import { apiRoute } from "@/lib/api/route";
import { NotFound } from "@/lib/services/errors";
import { modelBySlug } from "@/lib/services/models/queries";

export const GET = apiRoute({ permission: "models.read" }, async (ctx, _input, _req, params) => {
  const model = await modelBySlug(ctx.db, String(params.slug));
  if (!model) throw new NotFound("The model");
  return model;
});
