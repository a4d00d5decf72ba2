import { apiRoute } from "@/lib/api/route";
import { NotFound } from "@/lib/services/errors";
import { modelBySlug } from "@/lib/services/models/queries";
import { obligationsOfModel } from "@/lib/services/risk/queries";

/** The model's obligations with status, owner, due date and evidence (files as metadata and hash). */
export const GET = apiRoute({ permission: "models.read" }, async (ctx, _input, _req, params) => {
  const model = await modelBySlug(ctx.db, String(params.slug));
  if (!model) throw new NotFound("The model");
  return { obligations: await obligationsOfModel(ctx.db, model.id) };
});
