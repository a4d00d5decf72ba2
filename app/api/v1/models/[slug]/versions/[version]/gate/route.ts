import { apiRoute } from "@/lib/api/route";
import { gateFor } from "@/lib/services/reviews/gate";

/** The deployment gate a pipeline asks before it deploys: 200 when deployable, 409 with the reasons. */
export const GET = apiRoute({ permission: "gate.read" }, async (ctx, _input, _req, params) => {
  const gate = await gateFor(ctx.db, String(params.slug), String(params.version));
  return Response.json(gate, { status: gate.deployable ? 200 : 409, headers: { "Cache-Control": "no-store" } });
});
