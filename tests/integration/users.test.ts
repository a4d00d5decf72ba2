import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { users } from "@/db/schema";
import { loadUserActor } from "@/lib/auth/load-actor";
import { signIn } from "@/lib/services/auth/sign-in";
import { Conflict, InvalidInput, NotFound } from "@/lib/services/errors";
import { changeRoles } from "@/lib/services/users/change-roles";
import { createUser } from "@/lib/services/users/create-user";
import { setAuditorExpiry } from "@/lib/services/users/set-auditor-expiry";
import { setUserActive } from "@/lib/services/users/set-user-active";
import { headSeq, lastEvent, rejection, rowCount, seedOrganisation, TEST_PASSWORD, TEST_REQUEST, type Organisation } from "../helpers/fixtures";
import { forEachDatabase } from "../helpers/test-db";

forEachDatabase("user accounts", (t) => {
  let org: Organisation;
  beforeAll(async () => {
    org = await seedOrganisation(t.db);
  });

  const userRow = async (id: string) => (await t.db.select().from(users).where(eq(users.id, id)))[0]!;

  it("createUser stores the account and audits user.created, copying the actor and request", async () => {
    const before = await headSeq(t.db);
    const { user, oneTimePassword } = await createUser(org.admin, {
      email: "  Bea.Berg@Bank.EU ",
      name: "Bea Berg",
      roles: ["model_owner", "auditor", "model_owner"],
      auditorExpiresAt: "2027-01-01T00:00:00Z",
      password: TEST_PASSWORD,
    });
    expect(oneTimePassword).toBeNull();
    expect(user).toMatchObject({ email: "bea.berg@bank.eu", name: "Bea Berg", roles: ["auditor", "model_owner"], active: true, mustChangePassword: false });
    expect(user.auditorExpiresAt?.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(user.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);

    const event = await lastEvent(t.db);
    expect(event).toMatchObject({
      seq: before + 1,
      action: "user.created",
      entityType: "user",
      entityId: user.id,
      actorId: org.admin.actor.userId,
      actorEmail: "admin@attest.demo",
      actorRoles: ["admin"],
      tokenId: null,
      requestId: "req-test",
      ip: "198.51.100.1",
      userAgent: "vitest",
    });
    expect(event.data).toEqual({ email: "bea.berg@bank.eu", name: "Bea Berg", roles: ["auditor", "model_owner"], auditorExpiresAt: "2027-01-01T00:00:00.000Z", via: "admin" });
  });

  it("refuses a second account for an email in any letter case, and audits nothing", async () => {
    const before = await headSeq(t.db);
    const error = await rejection(createUser(org.admin, { email: "Owner@Attest.Demo", name: "Another Owner", roles: ["model_owner"], password: TEST_PASSWORD }));
    expect(error).toBeInstanceOf(Conflict);
    expect(error.message).toBe("An account for owner@attest.demo already exists.");
    expect(await headSeq(t.db)).toBe(before);
    expect((await t.db.select().from(users).where(eq(users.email, "owner@attest.demo"))).map((u) => u.name)).toEqual(["Omar Owner"]);
  });

  it("refuses invalid input with a message per field, and writes nothing", async () => {
    const [before, usersBefore] = [await headSeq(t.db), await rowCount(t.db, users)];
    const error = await rejection(createUser(org.admin, { email: "not-an-email", name: "  ", roles: [], password: "short" }));
    expect(error).toBeInstanceOf(InvalidInput);
    expect(error.details).toEqual({
      fields: {
        email: "Enter a valid email address.",
        name: "Enter the person's name.",
        roles: "Choose at least one role.",
        password: "A password has at least 12 characters.",
      },
    });
    const unknownRole = await rejection(createUser(org.admin, { email: "x@bank.eu", name: "X", roles: ["superuser" as "admin"] }));
    expect(unknownRole.details).toEqual({ fields: { "roles.0": "A role is one of admin, model_owner, compliance_officer, auditor." } });
    expect(await headSeq(t.db)).toBe(before);
    expect(await rowCount(t.db, users)).toBe(usersBefore);
  });

  it("generates a one-time password that signs in once and must be changed", async () => {
    const { user, oneTimePassword } = await createUser(org.admin, { email: "otto@bank.eu", name: "Otto One-Time", roles: ["compliance_officer"] });
    // Four groups of five from an alphabet without look-alikes (no i, l, o, I, O, 0, 1).
    expect(oneTimePassword).toMatch(/^[a-hjkmnp-zA-HJ-NP-Z2-9]{5}(-[a-hjkmnp-zA-HJ-NP-Z2-9]{5}){3}$/);
    expect(user.mustChangePassword).toBe(true);
    expect(JSON.stringify(await lastEvent(t.db))).not.toContain(oneTimePassword!);
    const signedIn = await signIn(t.db, TEST_REQUEST, { email: "otto@bank.eu", password: oneTimePassword! });
    expect(signedIn).toEqual({ id: user.id, email: "otto@bank.eu", name: "Otto One-Time", mustChangePassword: true });
  });

  it("changeRoles audits before and after, takes effect at once, and drops a stale auditor expiry", async () => {
    const { user } = await createUser(org.admin, { email: "rolf@bank.eu", name: "Rolf", roles: ["auditor"], auditorExpiresAt: "2030-01-01T00:00:00Z", password: TEST_PASSWORD });
    const updated = await changeRoles(org.admin, { userId: user.id, roles: ["model_owner", "compliance_officer"] });
    expect(updated.roles).toEqual(["compliance_officer", "model_owner"]);
    expect(updated.auditorExpiresAt).toBeNull();
    const event = await lastEvent(t.db);
    expect(event).toMatchObject({ action: "user.roles_changed", entityType: "user", entityId: user.id, actorEmail: "admin@attest.demo" });
    expect(event.data).toEqual({ email: "rolf@bank.eu", before: ["auditor"], after: ["compliance_officer", "model_owner"] });
    expect((await loadUserActor(t.db, user.id))?.roles).toEqual(["compliance_officer", "model_owner"]);
  });

  it("reports an unknown user as not found", async () => {
    const error = await rejection(changeRoles(org.admin, { userId: "00000000-0000-4000-8000-000000000000", roles: ["auditor"] }));
    expect(error).toBeInstanceOf(NotFound);
  });

  it("never leaves the organisation without an active admin", async () => {
    const adminId = org.admin.actor.userId;
    const before = await headSeq(t.db);
    const demoted = await rejection(changeRoles(org.admin, { userId: adminId, roles: ["auditor"] }));
    expect(demoted).toBeInstanceOf(Conflict);
    expect(demoted.message).toBe("This is the last active admin: make someone else an admin first.");
    expect(await rejection(setUserActive(org.admin, { userId: adminId, active: false }))).toBeInstanceOf(Conflict);
    expect(await headSeq(t.db)).toBe(before);
    expect(await userRow(adminId)).toMatchObject({ roles: ["admin"], active: true });
  });

  it("lets one of two admins go, but an inactive admin does not count as another", async () => {
    const adminId = org.admin.actor.userId;
    const { user: second } = await createUser(org.admin, { email: "second.admin@bank.eu", name: "Second Admin", roles: ["admin"], password: TEST_PASSWORD });
    await changeRoles(org.admin, { userId: second.id, roles: ["compliance_officer"] });
    await changeRoles(org.admin, { userId: second.id, roles: ["admin"] });
    await setUserActive(org.admin, { userId: second.id, active: false });
    expect(await rejection(changeRoles(org.admin, { userId: adminId, roles: ["auditor"] }))).toBeInstanceOf(Conflict);
    expect(await userRow(adminId)).toMatchObject({ roles: ["admin"], active: true });
  });

  it("auditor access lapses by itself at its expiry; other roles stay", async () => {
    const { user } = await createUser(org.admin, { email: "audrey@bank.eu", name: "Audrey", roles: ["auditor"], password: TEST_PASSWORD });
    await setAuditorExpiry(org.admin, { userId: user.id, expiresAt: "2030-06-30T00:00:00Z" });
    const event = await lastEvent(t.db);
    expect(event).toMatchObject({ action: "user.auditor_expiry_changed", entityId: user.id });
    expect(event.data).toEqual({ email: "audrey@bank.eu", before: null, after: "2030-06-30T00:00:00.000Z" });
    expect((await loadUserActor(t.db, user.id))?.roles).toEqual(["auditor"]);

    const lapsed = new Date(Date.now() - 1000);
    await setAuditorExpiry(org.admin, { userId: user.id, expiresAt: lapsed });
    expect((await lastEvent(t.db)).data).toEqual({ email: "audrey@bank.eu", before: "2030-06-30T00:00:00.000Z", after: lapsed.toISOString() });
    expect(await loadUserActor(t.db, user.id)).toBeNull(); // auditor was the only role
    expect(await signIn(t.db, TEST_REQUEST, { email: "audrey@bank.eu", password: TEST_PASSWORD })).toBeNull();

    await changeRoles(org.admin, { userId: user.id, roles: ["auditor", "compliance_officer"] });
    expect((await loadUserActor(t.db, user.id))?.roles).toEqual(["compliance_officer"]);
  });

  it("only auditors have an access expiry", async () => {
    const error = await rejection(setAuditorExpiry(org.admin, { userId: org.owner.actor.userId, expiresAt: "2030-01-01T00:00:00Z" }));
    expect(error).toBeInstanceOf(InvalidInput);
    expect(error.details).toEqual({ fields: { expiresAt: "This user is not an auditor." } });
  });

  it("a deactivated user is locked out at once and can be let back in", async () => {
    const { user } = await createUser(org.admin, { email: "dora@bank.eu", name: "Dora", roles: ["model_owner"], password: TEST_PASSWORD });
    await setUserActive(org.admin, { userId: user.id, active: false });
    expect(await lastEvent(t.db)).toMatchObject({ action: "user.deactivated", entityId: user.id, data: { email: "dora@bank.eu" } });
    expect(await loadUserActor(t.db, user.id)).toBeNull();
    expect(await signIn(t.db, TEST_REQUEST, { email: "dora@bank.eu", password: TEST_PASSWORD })).toBeNull();
    // The right password for an inactive account is told apart in the log, not to the caller.
    expect(await lastEvent(t.db)).toMatchObject({ action: "auth.login_failed", entityId: user.id, data: { email: "dora@bank.eu", reason: "inactive" } });

    await setUserActive(org.admin, { userId: user.id, active: true });
    expect(await lastEvent(t.db)).toMatchObject({ action: "user.reactivated", entityId: user.id, data: { email: "dora@bank.eu" } });
    expect((await loadUserActor(t.db, user.id))?.roles).toEqual(["model_owner"]);
    expect(await signIn(t.db, TEST_REQUEST, { email: "dora@bank.eu", password: TEST_PASSWORD })).toMatchObject({ id: user.id });
  });
});
