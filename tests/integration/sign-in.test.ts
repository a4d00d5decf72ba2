import { beforeAll, expect, it } from "vitest";
import type { RequestMeta } from "@/lib/auth/actor";
import { signIn, THROTTLE } from "@/lib/services/auth/sign-in";
import { TooManyRequests } from "@/lib/services/errors";
import { lastEvent, rejection, seedOrganisation, type Organisation } from "../helpers/fixtures";
import { forEachDatabase } from "../helpers/test-db";

// The throttle counts failures per email and per address in the shared database, so each test
// signs in from its own address (and with its own emails) to stay out of the others' counts.
const from = (ip: string): RequestMeta => ({ requestId: `req-${ip}`, ip, userAgent: "Mozilla/5.0 (test)" });

forEachDatabase("sign-in", (t) => {
  let org: Organisation;
  beforeAll(async () => {
    org = await seedOrganisation(t.db);
  });

  it("signs in with the right password, whatever the email's case, and audits auth.login_succeeded", async () => {
    const user = await signIn(t.db, from("192.0.2.1"), { email: " Owner@Attest.DEMO ", password: "attest-owner-demo" });
    expect(user).toEqual({ id: org.owner.actor.userId, email: "owner@attest.demo", name: "Omar Owner", mustChangePassword: false });
    const event = await lastEvent(t.db);
    expect(event).toMatchObject({
      action: "auth.login_succeeded",
      entityType: "user",
      entityId: org.owner.actor.userId,
      actorId: org.owner.actor.userId,
      actorEmail: "owner@attest.demo",
      actorRoles: ["model_owner"],
      requestId: "req-192.0.2.1",
      ip: "192.0.2.1",
      userAgent: "Mozilla/5.0 (test)",
    });
    expect(event.data).toEqual({ email: "owner@attest.demo" });
  });

  it("an unknown email and a wrong password fail alike, and both are audited as bad credentials", async () => {
    const unknown = await signIn(t.db, from("192.0.2.2"), { email: "nobody@attest.demo", password: "attest-owner-demo" });
    const unknownEvent = await lastEvent(t.db);
    const wrong = await signIn(t.db, from("192.0.2.2"), { email: "officer@attest.demo", password: "attest-owner-demo" });
    const wrongEvent = await lastEvent(t.db);

    expect(unknown).toBeNull();
    expect(wrong).toStrictEqual(unknown);
    expect(unknownEvent).toMatchObject({ action: "auth.login_failed", entityId: null, actorId: null, actorEmail: "anonymous", actorRoles: [], ip: "192.0.2.2" });
    expect(unknownEvent.data).toEqual({ email: "nobody@attest.demo", reason: "bad_credentials" });
    expect(wrongEvent).toMatchObject({ action: "auth.login_failed", entityId: org.officer.actor.userId, actorEmail: "anonymous" });
    expect(wrongEvent.data).toEqual({ email: "officer@attest.demo", reason: "bad_credentials" });
  });

  it("after 5 failures for one email, even the right password is refused for a while, and that is audited", async () => {
    for (let i = 0; i < THROTTLE.perEmail; i++) {
      expect(await signIn(t.db, from("192.0.2.3"), { email: "auditor@attest.demo", password: `guess-${i}` })).toBeNull();
    }
    const error = await rejection(signIn(t.db, from("192.0.2.4"), { email: "auditor@attest.demo", password: "attest-auditor-demo" }));
    expect(error).toBeInstanceOf(TooManyRequests);
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    const event = await lastEvent(t.db);
    expect(event).toMatchObject({ action: "auth.login_failed", ip: "192.0.2.4", data: { email: "auditor@attest.demo", reason: "throttled" } });
  });

  it("after 20 failures from one address across emails, that address is refused, another is not", async () => {
    for (let i = 0; i < THROTTLE.perAddress; i++) {
      expect(await signIn(t.db, from("192.0.2.5"), { email: `guess-${i}@attest.demo`, password: "password123" })).toBeNull();
    }
    const error = await rejection(signIn(t.db, from("192.0.2.5"), { email: "fresh@attest.demo", password: "password123" }));
    expect(error).toBeInstanceOf(TooManyRequests);
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(await lastEvent(t.db)).toMatchObject({ action: "auth.login_failed", ip: "192.0.2.5", data: { email: "fresh@attest.demo", reason: "throttled" } });

    const elsewhere = await signIn(t.db, from("192.0.2.6"), { email: "officer@attest.demo", password: "attest-officer-demo" });
    expect(elsewhere).toMatchObject({ email: "officer@attest.demo" });
  });
});
