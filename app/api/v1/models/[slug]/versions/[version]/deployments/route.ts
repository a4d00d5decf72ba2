import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { deployVersion } from "@/lib/services/reviews/deploy-version";

const ZDeploymentBodySchema = z.object({ environment: z.string(), strategy: z.enum(["direct", "canary", "blue-green", "shadow"]).optional() });

/** Records a deployment; 409 with the gate's reasons when the gate says no. */
export const POST = apiRoute({ permission: "deployments.write", input: ZDeploymentBodySchema }, async (ctx, input, _req, params) => {
  const result = await deployVersion(ctx, { slug: String(params.slug), version: String(params.version), ...input });
  return Response.json(result, { status: 201 });
});
