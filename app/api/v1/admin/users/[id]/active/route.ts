import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { setUserActive } from "@/lib/services/users/set-user-active";

export const PUT = apiRoute({ permission: "users.manage", auth: "session", input: z.object({ active: z.boolean() }) }, async (ctx, { active }, _req, params) => {
  const user = await setUserActive(ctx, { userId: String(params.id), active });
  return { id: user.id, active: user.active };
});
