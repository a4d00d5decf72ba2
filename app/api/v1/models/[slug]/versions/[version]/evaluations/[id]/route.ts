import { apiRoute } from "@/lib/api/route";
import { NotFound } from "@/lib/services/errors";
import { evaluationOfVersion } from "@/lib/services/evaluations/queries";
import { versionDetail } from "@/lib/services/models/queries";

export const GET = apiRoute({ permission: "models.read" }, async (ctx, _input, _req, params) => {
  const detail = await versionDetail(ctx.db, String(params.slug), String(params.version));
  const evaluation = detail && /^[0-9a-f-]{36}$/i.test(String(params.id)) ? await evaluationOfVersion(ctx.db, detail.version.id, String(params.id)) : null;
  if (!evaluation) throw new NotFound("The evaluation");
  return evaluation;
});
