import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getToken } from "next-auth/jwt";
import { getDb } from "@/db/instance";
import type { Actor } from "./actor";
import { loadUserActor } from "./load-actor";
import { allows, type Permission } from "./permissions";
import { authSecret } from "./secret";

type UserActor = Extract<Actor, { kind: "user" }>;

type CookieSource = { getAll(): { name: string; value: string }[] };

/** The signed-in user behind these cookies, as the database says they are now. */
export async function actorFromCookies(cookieStore: CookieSource): Promise<UserActor | null> {
  const token = await getToken({ req: { cookies: cookieStore, headers: {} } as never, secret: authSecret() });
  if (!token?.sub) return null;
  return loadUserActor(await getDb(), token.sub);
}

/** For pages: the signed-in actor, or a redirect to the login page. */
export async function requireActor(permission?: Permission): Promise<UserActor> {
  const actor = await actorFromCookies(await cookies());
  if (!actor) redirect("/login?reason=signed-out");
  if (permission && !allows(actor.roles, permission)) redirect("/dashboard?denied=1");
  return actor;
}
