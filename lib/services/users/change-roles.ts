import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { auditOnCommit } from "../audit/emit";
import { parseInput } from "../parse";
import { assertAnotherActiveAdmin } from "./lock-admins";
import { loadUserForUpdate } from "./load-user";
import { ZRolesSchema } from "./schemas";

const ZChangeRolesSchema = z.object({ userId: z.uuid("Unknown user."), roles: ZRolesSchema });

export async function changeRoles(ctx: ServiceContext, input: z.input<typeof ZChangeRolesSchema>) {
  authorize(ctx, "users.manage");
  const { userId, roles } = parseInput(ZChangeRolesSchema, input);
  return withTransaction(ctx, async (tx) => {
    const user = await loadUserForUpdate(tx, userId);
    if (user.roles.includes("admin") && !roles.includes("admin") && user.active) await assertAnotherActiveAdmin(tx, userId);
    // Auditor expiry only means something while the person is an auditor.
    const auditorExpiresAt = roles.includes("auditor") ? user.auditorExpiresAt : null;
    const [updated] = await tx.update(users).set({ roles, auditorExpiresAt, updatedAt: new Date() }).where(eq(users.id, userId)).returning();
    await auditOnCommit(tx, ctx, { action: "user.roles_changed", entityType: "user", entityId: userId, data: { email: user.email, before: user.roles, after: roles } });
    return updated!;
  });
}
