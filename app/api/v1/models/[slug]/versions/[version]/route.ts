import { apiRoute } from "@/lib/api/route";
import { NotFound } from "@/lib/services/errors";
import { versionDetail } from "@/lib/services/models/queries";

export const GET = apiRoute({ permission: "models.read" }, async (ctx, _input, _req, params) => {
  const detail = await versionDetail(ctx.db, String(params.slug), String(params.version));
  if (!detail) throw new NotFound("The model version");
  const { model, version, datasets, card } = detail;
  return {
    model: { slug: model.slug, name: model.name, riskTier: model.riskTier },
    ...version,
    datasets: datasets.map(({ role, name, datasetVersion, uri, contentHash }) => ({ role, name, version: datasetVersion, uri, contentHash })),
    card: card && { revision: card.revision, contentHash: card.contentHash, author: card.authorEmail, savedAt: card.createdAt },
  };
});
