import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { loadModelVersion } from "@/lib/services/models/load";
import { addReviewComment } from "@/lib/services/reviews/add-review-comment";
import { commentThreads } from "@/lib/services/reviews/comments";

/** The review comments on a version's card, thread by thread, oldest first. */
export const GET = apiRoute({ permission: "models.read" }, async (ctx, _input, _req, params) => {
  const { version } = await loadModelVersion(ctx.db, String(params.slug), String(params.version));
  const threads = await commentThreads(ctx.db, version.id);
  return { threads, unresolved: threads.filter((t) => t.resolvedAt === null).length };
});

/** A compliance officer comments on one card field ({ fieldPath: "section.field", body }). */
export const POST = apiRoute({ permission: "reviews.comment", auth: "session", input: z.object({ fieldPath: z.string(), body: z.string() }) }, async (ctx, input, _req, params) => {
  const comment = await addReviewComment(ctx, { slug: String(params.slug), version: String(params.version), fieldPath: input.fieldPath, body: input.body });
  return Response.json(comment, { status: 201 });
});
