import { expect, test } from "@playwright/test";
import { asRole, auditHeadSeq, BASE_URL, withToken } from "../support/api";
import { postCredentials, signInRequest } from "../support/session";

const stamp = Date.now().toString(36);

test("an unknown email and a wrong password get the same answer, and both are audited", async () => {
  const auditor = await asRole("auditor");
  const before = await auditHeadSeq(auditor);
  const unknown = await signInRequest(BASE_URL, `nobody-${stamp}@example.test`, "whatever-password");
  const wrong = await signInRequest(BASE_URL, "owner@attest.demo", "not-the-password");
  expect(unknown.response.status()).toBe(wrong.response.status());
  expect(await unknown.response.json()).toEqual(await wrong.response.json());
  const events = (await (await auditor.get(`/api/v1/audit/events?afterSeq=${before}`)).json()).events;
  expect(events.map((e: { action: string; data: { email: string; reason: string } }) => [e.action, e.data.email, e.data.reason])).toEqual([
    ["auth.login_failed", `nobody-${stamp}@example.test`, "bad_credentials"],
    ["auth.login_failed", "owner@attest.demo", "bad_credentials"],
  ]);
});

test("repeated failures for one account get 429 for a while, even with the right password", async () => {
  const admin = await asRole("admin");
  const email = `throttle-${stamp}@example.test`;
  const password = "the-right-password-1";
  expect((await admin.post("/api/v1/admin/users", { data: { email, name: "Throttle Test", roles: ["auditor"], password } })).status()).toBe(201);
  for (let i = 0; i < 5; i++) expect((await signInRequest(BASE_URL, email, "wrong-password")).response.status()).toBe(401);
  const { response } = await signInRequest(BASE_URL, email, password);
  expect(response.status()).toBe(429);
  expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
  // A client cannot dodge the throttle by claiming another address.
  const spoofed = await signInRequest(BASE_URL, email, password, { "X-Forwarded-For": "203.0.113.9" });
  expect(spoofed.response.status()).toBe(429);
});

test("a signed-in user who is deactivated is refused on the next request", async () => {
  const admin = await asRole("admin");
  const email = `leaver-${stamp}@example.test`;
  const password = "leaver-password-123";
  const created = await admin.post("/api/v1/admin/users", { data: { email, name: "Lea Ver", roles: ["compliance_officer"], password } });
  const { user } = await created.json();
  const { context } = await signInRequest(BASE_URL, email, password);
  expect((await context.get("/api/v1/audit/verify")).status()).toBe(200);
  expect((await admin.put(`/api/v1/admin/users/${user.id}/active`, { data: { active: false } })).status()).toBe(200);
  expect((await context.get("/api/v1/audit/verify")).status()).toBe(401);
  // And signing in again is refused with the same answer as a wrong password.
  expect((await postCredentials(context, email, password)).status()).toBe(401);
});

test("a demoted user loses the permission at once", async () => {
  const admin = await asRole("admin");
  const email = `demoted-${stamp}@example.test`;
  const password = "demoted-password-123";
  const { user } = await (await admin.post("/api/v1/admin/users", { data: { email, name: "De Moted", roles: ["auditor"], password } })).json();
  const { context } = await signInRequest(BASE_URL, email, password);
  expect((await context.get("/api/v1/audit/events")).status()).toBe(200);
  await admin.put(`/api/v1/admin/users/${user.id}/roles`, { data: { roles: ["model_owner"] } });
  expect((await context.get("/api/v1/audit/events")).status()).toBe(403);
});

test("tokens: missing, malformed, unknown, revoked and expired get 401; a good one acts as its owner", async () => {
  const admin = await asRole("admin");
  const anonymous = await asRole(null);
  expect((await anonymous.get("/api/v1/audit/events")).status()).toBe(401);
  for (const bad of ["att_short", `att_${"A".repeat(43)}`, "not-a-token"]) {
    expect((await (await withToken(bad)).get("/api/v1/models")).status()).toBe(401);
  }
  const { secret, id } = await (await admin.post("/api/v1/admin/tokens", { data: { ownerEmail: "auditor@attest.demo", name: `audit pipe ${stamp}`, scopes: ["audit:read"] } })).json();
  const token = await withToken(secret);
  const verify = await token.get("/api/v1/audit/verify");
  expect(verify.status()).toBe(200);
  expect((await verify.json()).ok).toBe(true);
  // audit:read does not include models:read.
  expect((await token.get("/api/v1/models")).status()).toBe(403);
  expect((await admin.post(`/api/v1/admin/tokens/${id}/revoke`)).status()).toBe(200);
  expect((await token.get("/api/v1/audit/verify")).status()).toBe(401);
});

test("read routes follow the permissions too", async () => {
  const owner = await asRole("model_owner");
  for (const path of ["/api/v1/audit/events", "/api/v1/audit/verify", "/api/v1/audit/export?format=jsonl"]) {
    expect((await owner.get(path)).status()).toBe(403);
  }
  expect((await owner.get("/api/v1/models")).status()).toBe(200);
  expect((await (await asRole(null)).get("/api/v1/models")).status()).toBe(401);
});

test("audit verification and export over HTTP", async () => {
  const auditor = await asRole("auditor");
  const verify = await (await auditor.get("/api/v1/audit/verify")).json();
  expect(verify).toMatchObject({ ok: true });
  expect(verify.checked).toBe(verify.headSeq);
  const res = await auditor.get("/api/v1/audit/export?format=jsonl&action=user.created");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-disposition"]).toMatch(/attachment; filename="attest-audit-.*\.jsonl"/);
  const lines = (await res.text()).trim().split("\n").map((l) => JSON.parse(l));
  expect(lines.length).toBeGreaterThanOrEqual(4);
  expect(new Set(lines.map((e) => e.action))).toEqual(new Set(["user.created"]));
  const after = await (await auditor.get(`/api/v1/audit/events?afterSeq=${verify.headSeq}`)).json();
  expect(after.events.at(-1)).toMatchObject({ action: "audit.exported", actorEmail: "auditor@attest.demo", data: { format: "jsonl", filters: { action: "user.created" }, count: lines.length } });
});
