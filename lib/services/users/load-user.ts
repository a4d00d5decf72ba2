import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { NotFound } from "../errors";

/** The user row, locked for the rest of the transaction. */
export async function loadUserForUpdate(tx: Db, userId: string) {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
  if (!user) throw new NotFound("The user");
  return user;
}
