import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";

// Never the password hash: these rows go to pages.
const PUBLIC_COLUMNS = {
  id: users.id,
  email: users.email,
  name: users.name,
  roles: users.roles,
  active: users.active,
  auditorExpiresAt: users.auditorExpiresAt,
  mustChangePassword: users.mustChangePassword,
  createdAt: users.createdAt,
};

export type UserSummary = Awaited<ReturnType<typeof listUsers>>[number];

export async function listUsers(db: Db) {
  return db.select(PUBLIC_COLUMNS).from(users).orderBy(asc(users.name), asc(users.email));
}

export async function getUserById(db: Db, userId: string) {
  const [user] = await db.select(PUBLIC_COLUMNS).from(users).where(eq(users.id, userId));
  return user ?? null;
}

/** Active model owners: who can own or maintain a model. */
export async function activeModelOwners(db: Db) {
  const rows = await db.select({ email: users.email, name: users.name, roles: users.roles, active: users.active }).from(users).orderBy(asc(users.name));
  return rows.filter((u) => u.active && u.roles.includes("model_owner")).map(({ email, name }) => ({ email, name }));
}
