import { apiRoute } from "@/lib/api/route";
import { NotFound } from "@/lib/services/errors";
import { readUploadProgress } from "@/lib/services/evaluations/upload-progress";

/** The progress of one's own upload in flight: { bytes, rows, updatedAt }. */
export const GET = apiRoute({ permission: "evaluations.write" }, async (ctx, _input, _req, params) => {
  const id = String(params.id);
  const progress = /^[0-9a-f-]{36}$/i.test(id) ? await readUploadProgress(ctx.db, id, ctx.actor.userId) : null;
  if (!progress) throw new NotFound("The upload");
  return progress;
});
