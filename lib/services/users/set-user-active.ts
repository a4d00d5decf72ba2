import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { auditOnCommit } from "../audit/emit";
import { parseInput } from "../parse";
import { assertAnotherActiveAdmin } from "./lock-admins";
import { loadUserForUpdate } from "./load-user";

const ZSetUserActiveSchema = z.object({ userId: z.uuid("Unknown user."), active: z.boolean() });

/**
 * Deactivates or reactivates an account. Deactivation takes effect on the person's next request:
 * every request reloads the actor from the database, whatever their session token says.
 */
export async function setUserActive(ctx: ServiceContext, input: z.input<typeof ZSetUserActiveSchema>) {
  authorize(ctx, "users.manage");
  const { userId, active } = parseInput(ZSetUserActiveSchema, input);
  return withTransaction(ctx, async (tx) => {
    const user = await loadUserForUpdate(tx, userId);
    if (!active && user.active && user.roles.includes("admin")) await assertAnotherActiveAdmin(tx, userId);
    const [updated] = await tx.update(users).set({ active, updatedAt: new Date() }).where(eq(users.id, userId)).returning();
    await auditOnCommit(tx, ctx, { action: active ? "user.reactivated" : "user.deactivated", entityType: "user", entityId: userId, data: { email: user.email } });
    return updated!;
  });
}
