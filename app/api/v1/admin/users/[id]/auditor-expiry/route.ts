import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { setAuditorExpiry } from "@/lib/services/users/set-auditor-expiry";

export const PUT = apiRoute({ permission: "users.manage", auth: "session", input: z.object({ expiresAt: z.string().nullable() }) }, async (ctx, { expiresAt }, _req, params) => {
  const user = await setAuditorExpiry(ctx, { userId: String(params.id), expiresAt });
  return { id: user.id, auditorExpiresAt: user.auditorExpiresAt };
});
