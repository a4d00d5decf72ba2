import { beforeAll, describe, expect, it } from "vitest";
import { authenticateApiToken } from "@/lib/auth/load-actor";
import { SCOPES, type Scope } from "@/lib/auth/permissions";
import { NO_REQUEST, type ServiceContext } from "@/lib/services/context";
import { Forbidden } from "@/lib/services/errors";
import { createModel } from "@/lib/services/models/create-model";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { revokeApiToken } from "@/lib/services/tokens/revoke-token";
import { changeRoles } from "@/lib/services/users/change-roles";
import { createUser } from "@/lib/services/users/create-user";
import { setAuditorExpiry } from "@/lib/services/users/set-auditor-expiry";
import { setUserActive } from "@/lib/services/users/set-user-active";
import { headSeq, lastEvent, rejection, seedOrganisation, TEST_PASSWORD, TEST_REQUEST, type Organisation } from "../helpers/fixtures";
import { forEachDatabase } from "../helpers/test-db";

forEachDatabase("authorization", (t) => {
  let org: Organisation;
  let existingTokenId: string;
  beforeAll(async () => {
    org = await seedOrganisation(t.db);
    ({ token: { id: existingTokenId } } = await createApiToken(org.admin, { ownerEmail: "owner@attest.demo", name: "CI", scopes: ["models:read"] }));
  });

  /** A token actor: the owning user as the database knows them, limited to the token's scopes. */
  async function tokenContext(ownerEmail: string, scopes: Scope[]): Promise<ServiceContext & { tokenId: string }> {
    const { token, secret } = await createApiToken(org.admin, { ownerEmail, name: "pipeline", scopes });
    const actor = await authenticateApiToken(t.db, secret);
    return { db: t.db, actor: actor!, request: TEST_REQUEST, tokenId: token.id };
  }

  // Valid input throughout, so that nothing but the permission check can refuse.
  const adminVerbs: [string, (ctx: ServiceContext) => Promise<unknown>][] = [
    ["createUser", (ctx) => createUser(ctx, { email: "eve@bank.eu", name: "Eve", roles: ["admin"], password: TEST_PASSWORD })],
    ["changeRoles", (ctx) => changeRoles(ctx, { userId: org.owner.actor.userId, roles: ["admin"] })],
    ["setAuditorExpiry", (ctx) => setAuditorExpiry(ctx, { userId: org.auditor.actor.userId, expiresAt: null })],
    ["setUserActive", (ctx) => setUserActive(ctx, { userId: org.admin.actor.userId, active: false })],
    ["createApiToken", (ctx) => createApiToken(ctx, { ownerEmail: "owner@attest.demo", name: "stolen", scopes: ["models:write"] })],
    ["revokeApiToken", (ctx) => revokeApiToken(ctx, { tokenId: existingTokenId })],
  ];

  describe.each(["owner", "officer", "auditor"] as const)("a %s", (persona) => {
    it.each(adminVerbs)("may not call %s, and nothing is audited", async (_, verb) => {
      const before = await headSeq(t.db);
      expect(await rejection(verb(org[persona]))).toBeInstanceOf(Forbidden);
      expect(await headSeq(t.db)).toBe(before);
    });
  });

  it("an anonymous caller may not call any verb", async () => {
    const anonymous: ServiceContext = { db: t.db, actor: { kind: "anonymous" }, request: NO_REQUEST };
    const before = await headSeq(t.db);
    for (const [, verb] of adminVerbs) expect(await rejection(verb(anonymous))).toBeInstanceOf(Forbidden);
    expect(await rejection(createModel(anonymous, { name: "Shadow model" }))).toBeInstanceOf(Forbidden);
    expect(await headSeq(t.db)).toBe(before);
  });

  it("a token without the permission's scope is refused although its owner holds the role", async () => {
    const readOnly = await tokenContext("owner@attest.demo", ["models:read"]);
    const before = await headSeq(t.db);
    expect(await rejection(createModel(readOnly, { name: "Churn model" }))).toBeInstanceOf(Forbidden);
    expect(await headSeq(t.db)).toBe(before);
  });

  it("no token may manage users, whatever its scopes", async () => {
    const everything = await tokenContext("admin@attest.demo", [...SCOPES]);
    const before = await headSeq(t.db);
    for (const [, verb] of adminVerbs) expect(await rejection(verb(everything))).toBeInstanceOf(Forbidden);
    expect(await headSeq(t.db)).toBe(before);
  });

  it("a token with the scope acts as its owner, and the event names the token", async () => {
    const writer = await tokenContext("owner@attest.demo", ["models:write"]);
    const model = await createModel(writer, { name: "Churn model" });
    const event = await lastEvent(t.db);
    expect(event).toMatchObject({ action: "model.created", entityId: model.id, actorEmail: "owner@attest.demo", actorRoles: ["model_owner"], tokenId: writer.tokenId });
  });
});
