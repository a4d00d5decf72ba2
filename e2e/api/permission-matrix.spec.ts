import { expect, test, type APIRequestContext } from "@playwright/test";
import { allows, ROLES, type Permission, type Role } from "../../lib/auth/permissions";
import { RULESET_VERSION } from "../../lib/domain/risk/ruleset";
import { asRole, auditHeadSeq, withToken } from "../support/api";
import { routeFiles, mutatingMethods } from "../support/routes";

/**
 * Every mutating route × every role: a role without the permission gets 403, no session gets
 * 401, and neither changes anything or writes an audit event. A role with the permission gets
 * through (2xx, or a 4xx about the input — never 401/403).
 */
type Case = {
  method: "POST" | "PUT" | "PATCH" | "DELETE";
  /** The route file's path pattern, e.g. /api/v1/admin/users/[id]/roles. */
  route: string;
  permission: Permission | null;
  sessionOnly: boolean;
  /** Builds the concrete URL and body for one attempt by `role`. */
  request: (role: Role | "anonymous" | "token") => { path: string; body: unknown };
};

const stamp = Date.now().toString(36);
let targetUserId = "";
let targetTokenId = "";
let proposalToConfirm = "";
let proposalToOverride = "";
let obligationId = "";
let webhookId = "";
const ANSWERS = { role: "provider", annexIIIPoints: ["5(b)"] };

const CASES: Case[] = [
  {
    method: "POST", route: "/api/v1/admin/users", permission: "users.manage", sessionOnly: true,
    request: (role) => ({ path: "/api/v1/admin/users", body: { email: `matrix-${role}-${stamp}@example.test`, name: "Matrix Person", roles: ["auditor"] } }),
  },
  {
    method: "PUT", route: "/api/v1/admin/users/[id]/roles", permission: "users.manage", sessionOnly: true,
    request: () => ({ path: `/api/v1/admin/users/${targetUserId}/roles`, body: { roles: ["auditor", "model_owner"] } }),
  },
  {
    method: "PUT", route: "/api/v1/admin/users/[id]/auditor-expiry", permission: "users.manage", sessionOnly: true,
    request: () => ({ path: `/api/v1/admin/users/${targetUserId}/auditor-expiry`, body: { expiresAt: "2031-01-01T00:00:00.000Z" } }),
  },
  {
    method: "PUT", route: "/api/v1/admin/users/[id]/active", permission: "users.manage", sessionOnly: true,
    request: () => ({ path: `/api/v1/admin/users/${targetUserId}/active`, body: { active: false } }),
  },
  {
    method: "POST", route: "/api/v1/admin/tokens", permission: "tokens.manage", sessionOnly: true,
    request: (role) => ({ path: "/api/v1/admin/tokens", body: { ownerEmail: "owner@attest.demo", name: `matrix ${role}`, scopes: ["models:read"] } }),
  },
  {
    method: "POST", route: "/api/v1/admin/tokens/[id]/revoke", permission: "tokens.manage", sessionOnly: true,
    request: () => ({ path: `/api/v1/admin/tokens/${targetTokenId}/revoke`, body: {} }),
  },
  {
    // Anyone signed in may change their own password; a wrong current password is a 400.
    method: "POST", route: "/api/v1/account/password", permission: null, sessionOnly: true,
    request: () => ({ path: "/api/v1/account/password", body: { currentPassword: "not-my-password", newPassword: "a-long-new-password-1" } }),
  },
  {
    method: "POST", route: "/api/v1/models", permission: "models.write", sessionOnly: false,
    request: (role) => ({ path: "/api/v1/models", body: { name: `Matrix model ${role} ${stamp}` } }),
  },
  {
    method: "POST", route: "/api/v1/models/[slug]/versions", permission: "models.write", sessionOnly: false,
    request: (role) => ({ path: "/api/v1/models/retail-credit-scoring/versions", body: { version: `9.${role.length}.0-${stamp}` } }),
  },
  {
    // Without If-Match a permitted save gets 428: authorisation is decided before that.
    method: "PUT", route: "/api/v1/models/[slug]/versions/[version]/card", permission: "models.write", sessionOnly: false,
    request: () => ({ path: "/api/v1/models/retail-credit-scoring/versions/2.3.0/card", body: { intendedUse: { primaryUses: "Scoring" } } }),
  },
  {
    method: "POST", route: "/api/v1/risk/evaluate", permission: "models.read", sessionOnly: false,
    request: () => ({ path: "/api/v1/risk/evaluate", body: ANSWERS }),
  },
  {
    method: "POST", route: "/api/v1/models/[slug]/classifications", permission: "risk.propose", sessionOnly: false,
    request: () => ({ path: "/api/v1/models/retail-credit-scoring/classifications", body: { rulesetVersion: RULESET_VERSION, answers: ANSWERS } }),
  },
  {
    method: "POST", route: "/api/v1/models/[slug]/classifications/[id]/confirm", permission: "risk.decide", sessionOnly: true,
    request: () => ({ path: `/api/v1/models/retail-credit-scoring/classifications/${proposalToConfirm}/confirm`, body: {} }),
  },
  {
    method: "POST", route: "/api/v1/models/[slug]/classifications/[id]/override", permission: "risk.decide", sessionOnly: true,
    request: () => ({ path: `/api/v1/models/retail-credit-scoring/classifications/${proposalToOverride}/override`, body: { tier: "high", justification: "The matrix test overrides with a justification long enough." } }),
  },
  {
    method: "PATCH", route: "/api/v1/obligations/[id]", permission: "obligations.write", sessionOnly: false,
    request: () => ({ path: `/api/v1/obligations/${obligationId}`, body: { status: "in_progress" } }),
  },
  {
    // A permitted JSON request gets 415 (evidence is multipart): authorisation is decided first.
    method: "POST", route: "/api/v1/obligations/[id]/evidence", permission: "obligations.write", sessionOnly: false,
    request: () => ({ path: `/api/v1/obligations/${obligationId}/evidence`, body: { note: "matrix" } }),
  },
  {
    method: "POST", route: "/api/v1/models/[slug]/versions/[version]/evaluations", permission: "evaluations.write", sessionOnly: false,
    request: () => ({ path: "/api/v1/models/retail-credit-scoring/versions/2.3.0/evaluations?name=matrix", body: { overall: { tp: 1, fp: 0, tn: 1, fn: 0 }, attributes: { sex: { groups: { F: { tp: 1, fp: 0, tn: 0, fn: 0 }, M: { tp: 0, fp: 0, tn: 1, fn: 0 } } } } } }),
  },
  {
    // The permitted officer's request names no evaluation that exists: 404, after authorisation.
    method: "POST", route: "/api/v1/evaluations/[id]/waiver", permission: "evaluations.waive", sessionOnly: true,
    request: () => ({ path: "/api/v1/evaluations/00000000-0000-4000-8000-000000000000/waiver", body: { justification: "A justification long enough for the matrix.", expiresAt: "2030-01-01" } }),
  },
  {
    method: "PUT", route: "/api/v1/admin/policy/fairness", permission: "settings.manage", sessionOnly: true,
    request: () => ({ path: "/api/v1/admin/policy/fairness", body: { high: { minGroupSize: 30 } } }),
  },
  // Issue 6. The review routes name a version that does not exist: a permitted role gets 404 after
  // authorisation, and nothing in the demo data changes stage.
  {
    method: "POST", route: "/api/v1/models/[slug]/versions/[version]/submit", permission: "reviews.submit", sessionOnly: false,
    request: () => ({ path: "/api/v1/models/retail-credit-scoring/versions/0.0.0-matrix/submit", body: {} }),
  },
  {
    method: "POST", route: "/api/v1/models/[slug]/versions/[version]/decisions", permission: "reviews.decide", sessionOnly: true,
    request: () => ({ path: "/api/v1/models/retail-credit-scoring/versions/0.0.0-matrix/decisions", body: { decision: "approve" } }),
  },
  {
    method: "POST", route: "/api/v1/models/[slug]/versions/[version]/deployments", permission: "deployments.write", sessionOnly: false,
    request: () => ({ path: "/api/v1/models/retail-credit-scoring/versions/0.0.0-matrix/deployments", body: { environment: "production" } }),
  },
  {
    method: "POST", route: "/api/v1/models/[slug]/versions/[version]/retire", permission: "deployments.write", sessionOnly: false,
    request: () => ({ path: "/api/v1/models/retail-credit-scoring/versions/0.0.0-matrix/retire", body: { reason: "matrix" } }),
  },
  {
    method: "POST", route: "/api/v1/models/[slug]/versions/[version]/periodic-review", permission: "reviews.start_periodic", sessionOnly: true,
    request: () => ({ path: "/api/v1/models/retail-credit-scoring/versions/0.0.0-matrix/periodic-review", body: {} }),
  },
  {
    method: "POST", route: "/api/v1/models/[slug]/versions/[version]/comments", permission: "reviews.comment", sessionOnly: true,
    request: () => ({ path: "/api/v1/models/retail-credit-scoring/versions/0.0.0-matrix/comments", body: { fieldPath: "intendedUse.primaryUses", body: "matrix" } }),
  },
  {
    method: "POST", route: "/api/v1/models/[slug]/versions/[version]/comments/[id]/replies", permission: "reviews.respond", sessionOnly: true,
    request: () => ({ path: "/api/v1/models/retail-credit-scoring/versions/0.0.0-matrix/comments/00000000-0000-4000-8000-000000000000/replies", body: { body: "matrix" } }),
  },
  {
    method: "POST", route: "/api/v1/models/[slug]/versions/[version]/comments/[id]/resolve", permission: "reviews.respond", sessionOnly: true,
    request: () => ({ path: "/api/v1/models/retail-credit-scoring/versions/0.0.0-matrix/comments/00000000-0000-4000-8000-000000000000/resolve", body: {} }),
  },
  {
    // An empty policy is the defaults: the admin's permitted request changes nothing that matters.
    method: "PUT", route: "/api/v1/admin/policy/approvals", permission: "settings.manage", sessionOnly: true,
    request: () => ({ path: "/api/v1/admin/policy/approvals", body: {} }),
  },
  {
    method: "PATCH", route: "/api/v1/models/[slug]", permission: "models.write", sessionOnly: false,
    request: () => ({ path: "/api/v1/models/branch-cash-demand-forecast", body: { tags: ["forecasting", "time-series", "treasury"] } }),
  },
  // Webhooks (issue 6). The admin's webhook listens only for retirements and points nowhere (port 9).
  {
    method: "POST", route: "/api/v1/admin/webhooks", permission: "webhooks.manage", sessionOnly: true,
    request: (role) => ({ path: "/api/v1/admin/webhooks", body: { url: `http://127.0.0.1:9/matrix-${role}-${stamp}`, events: ["version.retired"] } }),
  },
  {
    method: "PATCH", route: "/api/v1/admin/webhooks/[id]", permission: "webhooks.manage", sessionOnly: true,
    request: (role) => ({ path: `/api/v1/admin/webhooks/${webhookId}`, body: { description: `matrix ${role} ${stamp}` } }),
  },
  {
    method: "POST", route: "/api/v1/admin/webhooks/[id]/rotate-secret", permission: "webhooks.manage", sessionOnly: true,
    request: () => ({ path: `/api/v1/admin/webhooks/${webhookId}/rotate-secret`, body: {} }),
  },
  {
    method: "POST", route: "/api/v1/admin/webhooks/[id]/ping", permission: "webhooks.manage", sessionOnly: true,
    request: () => ({ path: `/api/v1/admin/webhooks/${webhookId}/ping`, body: {} }),
  },
  {
    method: "POST", route: "/api/v1/admin/webhooks/[id]/deactivate", permission: "webhooks.manage", sessionOnly: true,
    request: () => ({ path: `/api/v1/admin/webhooks/${webhookId}/deactivate`, body: {} }),
  },
  {
    // No such delivery: the admin gets 404, after authorisation.
    method: "POST", route: "/api/v1/admin/webhook-deliveries/[id]/redeliver", permission: "webhooks.manage", sessionOnly: true,
    request: () => ({ path: "/api/v1/admin/webhook-deliveries/00000000-0000-4000-8000-000000000000/redeliver", body: {} }),
  },
  {
    // Everyone signed in may mark their own notifications read; it is not audited.
    method: "POST", route: "/api/v1/notifications/read", permission: "notifications.read", sessionOnly: true,
    request: () => ({ path: "/api/v1/notifications/read", body: { all: true } }),
  },
];

// The sign-in endpoints establish the actor; their own behaviour is tested in auth.spec.ts.
const NOT_IN_MATRIX = new Set(["/api/auth/[...nextauth]"]);

let auditor: APIRequestContext;
let admin: APIRequestContext;

test.beforeAll(async () => {
  auditor = await asRole("auditor");
  admin = await asRole("admin");
  const user = await admin.post("/api/v1/admin/users", { data: { email: `matrix-target-${stamp}@example.test`, name: "Matrix Target", roles: ["auditor"] } });
  expect(user.status()).toBe(201);
  targetUserId = (await user.json()).user.id;
  const token = await admin.post("/api/v1/admin/tokens", { data: { ownerEmail: "owner@attest.demo", name: "matrix target", scopes: ["models:read"] } });
  expect(token.status()).toBe(201);
  targetTokenId = (await token.json()).id;
  const owner = await asRole("model_owner");
  const officer = await asRole("compliance_officer");
  const propose = async () => {
    const res = await owner.post("/api/v1/models/retail-credit-scoring/classifications", { data: { rulesetVersion: RULESET_VERSION, answers: ANSWERS } });
    expect(res.status()).toBe(201);
    return (await res.json()).id as string;
  };
  expect((await officer.post(`/api/v1/models/retail-credit-scoring/classifications/${await propose()}/confirm`)).status()).toBe(200);
  proposalToConfirm = await propose();
  proposalToOverride = await propose();
  const { obligations } = await (await owner.get("/api/v1/models/retail-credit-scoring/obligations")).json();
  obligationId = obligations[0].id;
  const webhook = await admin.post("/api/v1/admin/webhooks", { data: { url: `http://127.0.0.1:9/matrix-target-${stamp}`, events: ["version.retired"] } });
  expect(webhook.status()).toBe(201);
  webhookId = (await webhook.json()).webhook.id;
});

test("every mutating route is in the matrix", () => {
  const found = routeFiles().flatMap((r) => mutatingMethods(r.file).map((m) => `${m} ${r.route}`));
  const covered = new Set(CASES.map((c) => `${c.method} ${c.route}`));
  const missing = found.filter((k) => !covered.has(k) && !NOT_IN_MATRIX.has(k.split(" ")[1]!));
  expect(missing, "add these routes to CASES").toEqual([]);
  expect(found.length).toBeGreaterThanOrEqual(CASES.length);
});

async function send(ctx: APIRequestContext, c: Case, who: Role | "anonymous" | "token") {
  const { path, body } = c.request(who);
  return ctx.fetch(path, { method: c.method, data: body });
}

for (const c of CASES) {
  test.describe(`${c.method} ${c.route}`, () => {
    test("without a session: 401, nothing written", async () => {
      const before = await auditHeadSeq(auditor);
      const res = await send(await asRole(null), c, "anonymous");
      expect(res.status()).toBe(401);
      expect((await res.json()).error.code).toBe("unauthenticated");
      expect(await auditHeadSeq(auditor, before)).toBe(before);
    });

    for (const role of ROLES) {
      const permitted = c.permission === null || allows([role], c.permission);
      test(`${role}: ${permitted ? "allowed" : "403, nothing written"}`, async () => {
        const before = await auditHeadSeq(auditor);
        const res = await send(await asRole(role), c, role);
        if (permitted) {
          expect([401, 403]).not.toContain(res.status());
          expect(res.status()).toBeLessThan(500);
        } else {
          expect(res.status()).toBe(403);
          expect((await res.json()).error.code).toBe("forbidden");
          expect(await auditHeadSeq(auditor, before)).toBe(before);
        }
      });
    }
  });
}

test("a refused create left nothing behind: the same create by an admin succeeds", async () => {
  for (const role of ["model_owner", "compliance_officer", "auditor"] as const) {
    const res = await admin.post("/api/v1/admin/users", { data: { email: `matrix-${role}-${stamp}@example.test`, name: "Matrix Person", roles: ["auditor"] } });
    expect(res.status()).toBe(201);
  }
  const owner = await asRole("model_owner");
  for (const role of ["admin", "compliance_officer", "auditor"] as const) {
    const res = await owner.post("/api/v1/models", { data: { name: `Matrix model ${role} ${stamp}` } });
    expect(res.status()).toBe(201);
  }
});

test("API tokens: session-only routes refuse them, and a token needs the route's scope", async () => {
  const created = await admin.post("/api/v1/admin/tokens", { data: { ownerEmail: "owner@attest.demo", name: "read only", scopes: ["models:read"] } });
  const { secret } = await created.json();
  const token = await withToken(secret);
  const before = await auditHeadSeq(auditor);
  for (const c of CASES.filter((x) => x.sessionOnly)) expect((await send(token, c, "token")).status()).toBe(403);
  // models:read is not models:write, although the owner's role would allow the write.
  const write = await token.post("/api/v1/models", { data: { name: `Token model ${stamp}` } });
  expect(write.status()).toBe(403);
  expect((await write.json()).error.message).toMatch(/scope/);
  expect(await auditHeadSeq(auditor, before)).toBe(before);
  expect((await token.get("/api/v1/models")).status()).toBe(200);
});

test("a cookie-authenticated change from another site is refused", async () => {
  const before = await auditHeadSeq(auditor);
  const res = await admin.post("/api/v1/admin/users", { headers: { Origin: "https://evil.example" }, data: { email: `csrf-${stamp}@example.test`, name: "X", roles: ["auditor"] } });
  expect(res.status()).toBe(403);
  expect(await auditHeadSeq(auditor, before)).toBe(before);
});
