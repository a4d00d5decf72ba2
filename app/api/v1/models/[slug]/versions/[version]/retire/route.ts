import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { retireVersion } from "@/lib/services/reviews/retire-version";

/** Retires an approved or deployed version with a reason; it becomes read-only and is kept 10 years. */
export const POST = apiRoute({ permission: "deployments.write", input: z.object({ reason: z.string() }) }, async (ctx, input, _req, params) =>
  retireVersion(ctx, { slug: String(params.slug), version: String(params.version), reason: input.reason }),
);
