import { and, arrayContains, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { Conflict } from "../errors";

/**
 * Refuses a change that would leave no active admin. The active admins are locked first, so
 * two admins demoting each other at the same moment cannot both succeed.
 */
export async function assertAnotherActiveAdmin(tx: Db, userId: string): Promise<void> {
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(arrayContains(users.roles, ["admin"]), eq(users.active, true), ne(users.id, userId)))
    .for("update");
  if (admins.length === 0) throw new Conflict("This is the last active admin: make someone else an admin first.");
}
