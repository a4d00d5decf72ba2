import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { changeRoles } from "@/lib/services/users/change-roles";

export const PUT = apiRoute({ permission: "users.manage", auth: "session", input: z.object({ roles: z.array(z.string()) }) }, async (ctx, { roles }, _req, params) => {
  const user = await changeRoles(ctx, { userId: String(params.id), roles });
  return { id: user.id, roles: user.roles };
});
