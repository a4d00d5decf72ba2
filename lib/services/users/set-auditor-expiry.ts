import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { InvalidInput } from "../errors";
import { auditOnCommit } from "../audit/emit";
import { parseInput } from "../parse";
import { loadUserForUpdate } from "./load-user";

const ZSetAuditorExpirySchema = z.object({ userId: z.uuid("Unknown user."), expiresAt: z.coerce.date().nullable() });

/** Sets or clears (null) the instant after which the user's auditor access lapses by itself. */
export async function setAuditorExpiry(ctx: ServiceContext, input: z.input<typeof ZSetAuditorExpirySchema>) {
  authorize(ctx, "users.manage");
  const { userId, expiresAt } = parseInput(ZSetAuditorExpirySchema, input);
  return withTransaction(ctx, async (tx) => {
    const user = await loadUserForUpdate(tx, userId);
    if (!user.roles.includes("auditor")) throw new InvalidInput("Only auditors have an access expiry.", { fields: { expiresAt: "This user is not an auditor." } });
    const [updated] = await tx.update(users).set({ auditorExpiresAt: expiresAt, updatedAt: new Date() }).where(eq(users.id, userId)).returning();
    await auditOnCommit(tx, ctx, {
      action: "user.auditor_expiry_changed",
      entityType: "user",
      entityId: userId,
      data: { email: user.email, before: user.auditorExpiresAt?.toISOString() ?? null, after: expiresAt?.toISOString() ?? null },
    });
    return updated!;
  });
}
