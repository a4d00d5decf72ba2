import { expect, test, type APIRequestContext } from "@playwright/test";
import { completeCard } from "../../tests/helpers/cards";
import { asRole, auditHeadSeq, BASE_URL, withToken } from "../support/api";
import { readyVersion as readyVersionOf } from "../support/ready-version";
import { signInRequest } from "../support/session";

/**
 * Issue 6 over real HTTP: admins, auditors and the model's own owner cannot approve (403, nothing
 * written); the deployment gate answers 409 before approval and 200 after, for a minimal-risk
 * version (one approval) and a high-risk one (two officers), and 409 again once the card changes.
 */

test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36);
const OFFICER2 = { email: `gate-officer-${stamp}@example.test`, password: "a-second-officer-password" };

let owner: APIRequestContext;
let officer: APIRequestContext;
let officer2: APIRequestContext;
let admin: APIRequestContext;
let auditor: APIRequestContext;

test.beforeAll(async () => {
  owner = await asRole("model_owner");
  officer = await asRole("compliance_officer");
  admin = await asRole("admin");
  auditor = await asRole("auditor");
  const created = await admin.post("/api/v1/admin/users", { data: { email: OFFICER2.email, name: "Second Officer", roles: ["compliance_officer"], password: OFFICER2.password } });
  expect(created.status()).toBe(201);
  const { context, response } = await signInRequest(BASE_URL, OFFICER2.email, OFFICER2.password);
  expect(response.status()).toBeLessThan(400);
  officer2 = context;
});

const readyVersion = (tier: "high" | "minimal") => readyVersionOf(owner, officer, `Gate ${tier} ${stamp}`, tier);

async function gate(ctx: APIRequestContext, base: string) {
  const res = await ctx.get(`${base}/gate`);
  return { status: res.status(), body: await res.json() };
}

const approve = (ctx: APIRequestContext, base: string) => ctx.post(`${base}/decisions`, { data: { decision: "approve" } });

test("a draft cannot be submitted while preconditions are unmet: 422 with the checklist", async () => {
  const model = await owner.post("/api/v1/models", { data: { name: `Gate empty ${stamp}` } });
  const { slug } = await model.json();
  await owner.post(`/api/v1/models/${slug}/versions`, { data: { version: "1.0.0" } });
  const res = await owner.post(`/api/v1/models/${slug}/versions/1.0.0/submit`, { data: {} });
  expect(res.status()).toBe(422);
  const { error } = await res.json();
  expect(error.details.preconditions.map((p: { code: string }) => p.code)).toEqual(["classification_missing", "card_missing", "evaluation_missing"]);
  expect(error.details.preconditions[0].link).toEqual({ tab: "risk" });
});

test("minimal risk: self, admin and auditor approval get 403; the gate says 409 before one officer approves and 200 after", async () => {
  const base = await readyVersion("minimal");
  const before = await gate(owner, base);
  expect(before.status).toBe(409);
  expect(before.body.deployable).toBe(false);
  expect(before.body.reasons.map((r: { code: string }) => r.code)).toContain("not_approved");

  expect((await owner.post(`${base}/submit`, { data: {} })).status()).toBe(200);
  const seq = await auditHeadSeq(auditor);
  for (const ctx of [owner, admin, auditor]) {
    const res = await approve(ctx, base);
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
  }
  expect(await auditHeadSeq(auditor, seq)).toBe(seq);
  expect((await gate(owner, base)).status).toBe(409);

  expect((await approve(officer, base)).status()).toBe(201);
  const after = await gate(owner, base);
  expect(after.status).toBe(200);
  expect(after.body).toMatchObject({ deployable: true, stage: "approved", reasons: [] });
  expect(after.body.dossierHash).toMatch(/^[0-9a-f]{64}$/);
  expect(after.body.approvals).toHaveLength(1);
  expect(after.body.nextReviewDue).not.toBeNull();

  // A pipeline with the owner's token asks the gate and records the deployment.
  const token = await admin.post("/api/v1/admin/tokens", { data: { ownerEmail: "owner@attest.demo", name: `gate CI ${stamp}`, scopes: ["gate:read", "deployments:write"] } });
  const pipeline = await withToken((await token.json()).secret);
  expect((await gate(pipeline, base)).status).toBe(200);
  const deployed = await pipeline.post(`${base}/deployments`, { data: { environment: "production", strategy: "canary" } });
  expect(deployed.status()).toBe(201);
  expect((await deployed.json()).deployment).toMatchObject({ environment: "production", strategy: "canary", deployedByEmail: "owner@attest.demo" });
  expect((await pipeline.post(`${base}/decisions`, { data: { decision: "approve" } })).status()).toBe(403);
});

test("high risk: the gate opens only after two different officers approve, and closes when the card changes", async () => {
  const base = await readyVersion("high");
  expect((await owner.post(`${base}/deployments`, { data: { environment: "production" } })).status()).toBe(409);
  expect((await owner.post(`${base}/submit`, { data: {} })).status()).toBe(200);
  expect((await approve(officer, base)).status()).toBe(201);
  const one = await gate(owner, base);
  expect(one.status).toBe(409);
  expect(one.body.reasons.map((r: { code: string }) => r.code)).toContain("approvals_missing");
  // The same officer twice is still one approval.
  expect((await approve(officer, base)).status()).toBe(403);
  expect((await approve(officer2, base)).status()).toBe(201);
  const open = await gate(owner, base);
  expect(open.status).toBe(200);
  expect(open.body.approvals).toHaveLength(2);

  const card = await owner.get(`${base}/card`);
  // Every field but the intended purpose and deployment context reworded (those would flag the classification).
  expect((await owner.put(`${base}/card`, { headers: { "If-Match": card.headers()["etag"]! }, data: completeCard("high", "v2") })).status()).toBe(201);
  const closed = await gate(owner, base);
  expect(closed.status).toBe(409);
  expect(closed.body.stage).toBe("in_review");
  const changed = closed.body.reasons.find((r: { code: string }) => r.code === "dossier_changed");
  expect(changed.message).toMatch(/card revision 1 → 2/);
  expect(closed.body.approvals.every((a: { valid: boolean }) => !a.valid)).toBe(true);
});
