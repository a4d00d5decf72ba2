import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { changeOwnPassword } from "@/lib/services/users/change-own-password";

const ZBody = z.object({ currentPassword: z.string(), newPassword: z.string() });

/** Any signed-in user changes their own password; tokens cannot. */
export const POST = apiRoute({ permission: null, auth: "session", input: ZBody }, async (ctx, input) => {
  await changeOwnPassword(ctx, input);
  return { ok: true };
});
