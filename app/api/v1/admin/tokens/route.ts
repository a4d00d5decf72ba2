import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { createApiToken } from "@/lib/services/tokens/create-token";

const ZCreateTokenBody = z.object({ ownerEmail: z.string(), name: z.string(), scopes: z.array(z.string()), expiresInDays: z.number().nullable().optional() });

/** Issues a token; the secret is in this response and nowhere else, ever. */
export const POST = apiRoute({ permission: "tokens.manage", auth: "session", input: ZCreateTokenBody }, async (ctx, input) => {
  const { token, secret } = await createApiToken(ctx, input);
  return Response.json({ id: token.id, name: token.name, scopes: token.scopes, expiresAt: token.expiresAt, secret }, { status: 201, headers: { "Cache-Control": "no-store" } });
});
