import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { Conflict } from "../errors";
import { auditOnCommit } from "../audit/emit";
import { parseInput } from "../parse";
import { ZCreateUserSchema, type TCreateUserInput } from "./schemas";

/** Creates an account. Returns the one-time password when none was given (shown once, never stored). */
export async function createUser(ctx: ServiceContext, input: TCreateUserInput, via: "admin" | "cli" | "seed" = "admin") {
  authorize(ctx, "users.manage");
  const data = parseInput(ZCreateUserSchema, input);
  const oneTimePassword = data.password ? null : generatePassword();
  const passwordHash = await hashPassword(data.password ?? oneTimePassword!);
  const auditorExpiresAt = data.roles.includes("auditor") ? (data.auditorExpiresAt ?? null) : null;
  const user = await withTransaction(ctx, async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, data.email));
    if (existing) throw new Conflict(`An account for ${data.email} already exists.`);
    const [user] = await tx
      .insert(users)
      .values({ email: data.email, name: data.name, roles: data.roles, passwordHash, auditorExpiresAt, mustChangePassword: oneTimePassword !== null })
      .returning();
    await auditOnCommit(tx, ctx, {
      action: "user.created",
      entityType: "user",
      entityId: user!.id,
      data: { email: data.email, name: data.name, roles: data.roles, auditorExpiresAt: auditorExpiresAt?.toISOString() ?? null, via },
    });
    return user!;
  });
  return { user, oneTimePassword };
}
