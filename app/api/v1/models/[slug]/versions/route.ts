import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { createModelVersion } from "@/lib/services/models/create-version";

const ZCreateVersionBody = z.object({
  version: z.string(),
  artifactUri: z.string().nullish(),
  framework: z.string().nullish(),
  experimentRef: z.string().nullish(),
  datasets: z.array(z.record(z.string(), z.unknown())).optional(),
  copyCardFrom: z.string().nullish(),
});

export const POST = apiRoute({ permission: "models.write", input: ZCreateVersionBody }, async (ctx, input, _req, params) => {
  const version = await createModelVersion(ctx, { ...input, slug: String(params.slug), datasets: input.datasets as never });
  return Response.json(version, { status: 201 });
});
