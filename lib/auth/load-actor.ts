import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { effectiveRoles, type Actor } from "./actor";
import { hashApiToken, looksLikeApiToken } from "./api-token";
import { isScope } from "./permissions";

type UserActor = Extract<Actor, { kind: "user" }>;

/**
 * The actor as the database says it is now. Called on every request, so a deactivation, a role
 * change or a lapsed auditor expiry takes effect at once whatever the session cookie claims.
 * Null when the account is gone, inactive, or holds no role any more.
 */
export async function loadUserActor(db: Db, userId: string): Promise<UserActor | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user || !user.active) return null;
  const roles = effectiveRoles(user.roles, user.auditorExpiresAt);
  if (roles.length === 0) return null;
  return { kind: "user", userId: user.id, email: user.email, name: user.name, roles };
}

// last_used_at is written at most once a minute per token, so busy pipelines do not turn every
// read into a write.
const LAST_USED_RESOLUTION_MS = 60_000;

/** The actor behind a bearer token, or null when it is malformed, unknown, expired or revoked. */
export async function authenticateApiToken(db: Db, secret: string): Promise<UserActor | null> {
  if (!looksLikeApiToken(secret)) return null;
  const [token] = await db.select().from(apiTokens).where(eq(apiTokens.tokenHash, hashApiToken(secret)));
  const now = new Date();
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) return null;
  const actor = await loadUserActor(db, token.userId);
  if (!actor) return null;
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, token.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - LAST_USED_RESOLUTION_MS)))));
  return { ...actor, token: { id: token.id, scopes: token.scopes.filter(isScope) } };
}
