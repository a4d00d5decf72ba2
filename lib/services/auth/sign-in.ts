import { and, count, eq, gte, min } from "drizzle-orm";
import type { Db } from "@/db/client";
import { loginFailures, users } from "@/db/schema";
import { effectiveRoles } from "@/lib/auth/actor";
import { DECOY_PASSWORD_HASH, verifyPassword } from "@/lib/auth/password";
import type { RequestMeta } from "@/lib/auth/actor";
import { withTransaction, type ServiceContext } from "../context";
import { TooManyRequests } from "../errors";
import { auditOnCommit } from "../audit/emit";

export const THROTTLE = { windowMs: 15 * 60_000, perEmail: 5, perAddress: 20 };

async function retryAfterSeconds(db: Db, email: string, ip: string): Promise<number | null> {
  const since = new Date(Date.now() - THROTTLE.windowMs);
  const checks = [
    { where: and(eq(loginFailures.email, email), gte(loginFailures.at, since)), limit: THROTTLE.perEmail },
    { where: and(eq(loginFailures.ip, ip), gte(loginFailures.at, since)), limit: THROTTLE.perAddress },
  ];
  for (const check of checks) {
    const [row] = await db.select({ n: count(), oldest: min(loginFailures.at) }).from(loginFailures).where(check.where);
    if (row && Number(row.n) >= check.limit && row.oldest) {
      return Math.max(1, Math.ceil((row.oldest.getTime() + THROTTLE.windowMs - Date.now()) / 1000));
    }
  }
  return null;
}

/** Refuses (429, audited) a sign-in for an email or address that failed too often lately. */
export async function checkSignInThrottle(db: Db, request: RequestMeta, rawEmail: string): Promise<void> {
  const email = normaliseEmail(rawEmail);
  const retryAfter = await retryAfterSeconds(db, email, request.ip ?? "unknown");
  if (retryAfter === null) return;
  const anonymous: ServiceContext = { db, actor: { kind: "anonymous" }, request };
  await withTransaction(anonymous, (tx) => auditOnCommit(tx, anonymous, { action: "auth.login_failed", entityType: "user", entityId: null, data: { email, reason: "throttled" } }),
  );
  throw new TooManyRequests("Too many failed sign-in attempts. Try again later.", retryAfter);
}

const normaliseEmail = (email: string) => email.trim().toLowerCase().slice(0, 254);

/**
 * Checks a password sign-in. Signing in establishes the actor, so this verb has no permission to
 * check; it audits success and every failure. The caller learns only "signed in" or "not": an
 * unknown email, a wrong password and an inactive account look the same from outside.
 */
export async function signIn(db: Db, request: RequestMeta, input: { email: string; password: string }) {
  const email = normaliseEmail(input.email);
  const ip = request.ip ?? "unknown";
  const anonymous: ServiceContext = { db, actor: { kind: "anonymous" }, request };
  await checkSignInThrottle(db, request, email);
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? DECOY_PASSWORD_HASH);
  const usable = user && user.active && effectiveRoles(user.roles, user.auditorExpiresAt).length > 0;
  if (!user || !passwordOk || !usable) {
    await withTransaction(anonymous, async (tx) => {
      await tx.insert(loginFailures).values({ email, ip });
      await auditOnCommit(tx, anonymous, {
        action: "auth.login_failed",
        entityType: "user",
        entityId: user?.id ?? null,
        data: { email, reason: user && passwordOk ? "inactive" : "bad_credentials" },
      });
    });
    return null;
  }
  const ctx: ServiceContext = {
    db,
    actor: { kind: "user", userId: user.id, email: user.email, name: user.name, roles: effectiveRoles(user.roles, user.auditorExpiresAt) },
    request,
  };
  await withTransaction(ctx, (tx) => auditOnCommit(tx, ctx, { action: "auth.login_succeeded", entityType: "user", entityId: user.id, data: { email } }));
  return { id: user.id, email: user.email, name: user.name, mustChangePassword: user.mustChangePassword };
}
