import { apiRoute } from "@/lib/api/route";
import { revokeApiToken } from "@/lib/services/tokens/revoke-token";

export const POST = apiRoute({ permission: "tokens.manage", auth: "session" }, async (ctx, _input, _req, params) => {
  const token = await revokeApiToken(ctx, { tokenId: String(params.id) });
  return { id: token.id, revokedAt: token.revokedAt };
});
