import { eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { apiTokens } from "@/db/schema";
import { hashApiToken } from "@/lib/auth/api-token";
import { authenticateApiToken } from "@/lib/auth/load-actor";
import { Conflict, InvalidInput, NotFound } from "@/lib/services/errors";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { revokeApiToken } from "@/lib/services/tokens/revoke-token";
import { createUser } from "@/lib/services/users/create-user";
import { setUserActive } from "@/lib/services/users/set-user-active";
import { lastEvent, rejection, seedOrganisation, TEST_PASSWORD, type Organisation } from "../helpers/fixtures";
import { forEachDatabase } from "../helpers/test-db";

forEachDatabase("API tokens", (t) => {
  let org: Organisation;
  beforeAll(async () => {
    org = await seedOrganisation(t.db);
  });

  const tokenRow = async (id: string) => (await t.db.select().from(apiTokens).where(eq(apiTokens.id, id)))[0]!;
  const issue = (name: string, expiresInDays?: number) =>
    createApiToken(org.admin, { ownerEmail: "owner@attest.demo", name, scopes: ["models:write", "models:read", "models:write"], expiresInDays });

  it("createApiToken returns the secret once, stores only its hash, and audits token.created", async () => {
    const before = Date.now();
    const { token, secret } = await issue("credit-risk CI", 30);
    expect(secret).toMatch(/^att_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ name: "credit-risk CI", scopes: ["models:read", "models:write"], prefix: secret.slice(0, 10), tokenHash: hashApiToken(secret), createdBy: "admin@attest.demo" });
    expect(JSON.stringify(await tokenRow(token.id))).not.toContain(secret);
    const expiresInMs = token.expiresAt!.getTime() - before;
    expect(expiresInMs).toBeGreaterThanOrEqual(30 * 86_400_000);
    expect(expiresInMs).toBeLessThan(30 * 86_400_000 + 60_000);

    const event = await lastEvent(t.db);
    expect(event).toMatchObject({ action: "token.created", entityType: "api_token", entityId: token.id, actorEmail: "admin@attest.demo" });
    expect(event.data).toEqual({ name: "credit-risk CI", ownerEmail: "owner@attest.demo", scopes: ["models:read", "models:write"], prefix: token.prefix, expiresAt: token.expiresAt!.toISOString() });
  });

  it("authenticateApiToken gives the owner as actor, limited to the token's scopes, and records the use", async () => {
    const { token, secret } = await issue("nightly retrain");
    expect(token.lastUsedAt).toBeNull();
    const actor = await authenticateApiToken(t.db, secret);
    expect(actor).toEqual({
      kind: "user",
      userId: org.owner.actor.userId,
      email: "owner@attest.demo",
      name: "Omar Owner",
      roles: ["model_owner"],
      token: { id: token.id, scopes: ["models:read", "models:write"] },
    });
    const lastUsedAt = (await tokenRow(token.id)).lastUsedAt;
    expect(Date.now() - lastUsedAt!.getTime()).toBeLessThan(60_000);
  });

  it("a revoked token no longer authenticates, and is revoked once", async () => {
    const { token, secret } = await issue("to revoke");
    const revoked = await revokeApiToken(org.admin, { tokenId: token.id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    const event = await lastEvent(t.db);
    expect(event).toMatchObject({ action: "token.revoked", entityType: "api_token", entityId: token.id });
    expect(event.data).toEqual({ name: "to revoke", ownerEmail: "owner@attest.demo" });
    expect(await authenticateApiToken(t.db, secret)).toBeNull();
    expect(await rejection(revokeApiToken(org.admin, { tokenId: token.id }))).toBeInstanceOf(Conflict);
    expect(await rejection(revokeApiToken(org.admin, { tokenId: "00000000-0000-4000-8000-000000000000" }))).toBeInstanceOf(NotFound);
  });

  it("an expired token no longer authenticates", async () => {
    const { token, secret } = await issue("short-lived", 1);
    expect(await authenticateApiToken(t.db, secret)).not.toBeNull();
    // api_tokens is not append-only: move the expiry into the past rather than wait a day.
    await t.db.update(apiTokens).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(apiTokens.id, token.id));
    expect(await authenticateApiToken(t.db, secret)).toBeNull();
  });

  it("malformed and unknown tokens do not authenticate", async () => {
    const { secret } = await issue("real");
    for (const candidate of ["", "att_", "att_short", `Bearer ${secret}`, `${secret}x`, secret.toUpperCase(), "att_" + "A".repeat(43)]) {
      expect(await authenticateApiToken(t.db, candidate)).toBeNull();
    }
  });

  it("a deactivated owner's tokens stop working, and no token is issued to them", async () => {
    const { user } = await createUser(org.admin, { email: "leaver@bank.eu", name: "Leaver", roles: ["model_owner"], password: TEST_PASSWORD });
    const { secret } = await createApiToken(org.admin, { ownerEmail: "leaver@bank.eu", name: "old pipeline", scopes: ["models:read"] });
    await setUserActive(org.admin, { userId: user.id, active: false });
    expect(await authenticateApiToken(t.db, secret)).toBeNull();
    const error = await rejection(createApiToken(org.admin, { ownerEmail: "leaver@bank.eu", name: "new pipeline", scopes: ["models:read"] }));
    expect(error).toBeInstanceOf(InvalidInput);
    expect(error.details).toEqual({ fields: { ownerEmail: "No active user has this email." } });
  });

  it("refuses an unknown scope with a field message", async () => {
    const error = await rejection(createApiToken(org.admin, { ownerEmail: "owner@attest.demo", name: "x", scopes: ["admin:all" as "models:read"] }));
    expect(error.details).toEqual({ fields: { "scopes.0": "A scope is one of models:read, models:write, evaluations:write, gate:read, deployments:write, reports:read, audit:read." } });
  });
});
