import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { withTransaction, type ServiceContext } from "../context";
import { Forbidden, InvalidInput } from "../errors";
import { auditOnCommit } from "../audit/emit";
import { parseInput } from "../parse";
import { loadUserForUpdate } from "./load-user";

const ZChangeOwnPasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(256),
    newPassword: z.string().min(12, "A password has at least 12 characters.").max(256, "A password has at most 256 characters."),
  })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password different from the current one." });

/**
 * Any signed-in user may change their own password (and must, after a one-time password);
 * there is no permission to check beyond being that user, which the session establishes.
 */
export async function changeOwnPassword(ctx: ServiceContext, input: z.input<typeof ZChangeOwnPasswordSchema>) {
  if (ctx.actor.kind !== "user" || ctx.actor.token) throw new Forbidden("Only a signed-in user can change their password.");
  const { userId } = ctx.actor;
  const data = parseInput(ZChangeOwnPasswordSchema, input);
  const newHash = await hashPassword(data.newPassword);
  await withTransaction(ctx, async (tx) => {
    const user = await loadUserForUpdate(tx, userId);
    if (!(await verifyPassword(data.currentPassword, user.passwordHash))) {
      throw new InvalidInput("Some fields need attention.", { fields: { currentPassword: "This is not your current password." } });
    }
    await tx.update(users).set({ passwordHash: newHash, mustChangePassword: false, updatedAt: new Date() }).where(eq(users.id, userId));
    await auditOnCommit(tx, ctx, { action: "user.password_changed", entityType: "user", entityId: userId, data: { email: user.email } });
  });
}
