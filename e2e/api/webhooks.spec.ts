import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { verifyWebhookSignature } from "../../lib/domain/webhook-signature";
import { asRole, auditHeadSeq } from "../support/api";
import { readyVersion } from "../support/ready-version";

/**
 * Outgoing webhooks over real HTTP: an admin points a webhook at a receiver this test runs on
 * 127.0.0.1, sends a test event and submits a version, and the receiver gets both, signed with the
 * secret it was given, from the server's own background dispatcher.
 */
test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36);
type Received = { headers: IncomingHttpHeaders; body: string };
const received: Received[] = [];
let server: Server;
let url = "";
let admin: APIRequestContext;
let webhookId = "";
let secret = "";

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // A capability in the query, as some receivers expect: it must not reach the audit log.
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/attest-${stamp}?token=cap-${stamp}`;
  admin = await asRole("admin");
});

test.afterAll(async () => {
  if (webhookId) await admin.post(`/api/v1/admin/webhooks/${webhookId}/deactivate`);
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The receiver's side: the raw body and two headers, checked with the secret alone. */
async function nextDelivery(type: string): Promise<Received> {
  let found: Received | undefined;
  await expect.poll(() => (found = received.find((r) => r.headers["x-attest-event"] === type)), { timeout: 20_000 }).toBeDefined();
  const verified = verifyWebhookSignature({ secret, timestamp: found!.headers["x-attest-timestamp"] as string, body: found!.body, signature: found!.headers["x-attest-signature"] as string });
  expect(verified).toEqual({ ok: true });
  return found!;
}

test("an admin adds a webhook: the secret is returned once and never listed; the audit log has the origin, not the URL", async () => {
  const auditor = await asRole("auditor");
  const before = await auditHeadSeq(auditor);
  const created = await admin.post("/api/v1/admin/webhooks", { data: { url, events: ["review.submitted"], description: "e2e receiver" } });
  expect(created.status()).toBe(201);
  expect(created.headers()["cache-control"]).toBe("no-store");
  const body = await created.json();
  webhookId = body.webhook.id;
  secret = body.secret;
  expect(secret).toMatch(/^whsec_/);
  expect(body.webhook.secretCiphertext).toBeUndefined();
  const list = await admin.get("/api/v1/admin/webhooks");
  expect(await list.text()).not.toContain(secret.slice(6));
  expect((await list.json()).webhooks.find((w: { id: string }) => w.id === webhookId)).toMatchObject({ url, events: ["review.submitted"], active: true });
  expect((await admin.post("/api/v1/admin/webhooks", { data: { url: "ftp://example.test/x", events: ["review.submitted"] } })).status()).toBe(400);

  const events = await (await auditor.get(`/api/v1/audit/events?afterSeq=${before}`)).text();
  const audited = (JSON.parse(events).events as { action: string; entityId: string; data: Record<string, unknown> }[]).find((e) => e.action === "webhook.created" && e.entityId === webhookId);
  expect(audited?.data.receiver).toEqual({ origin: new URL(url).origin, urlSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  expect(events).not.toContain(`cap-${stamp}`);
  expect((await admin.get("/api/v1/admin/webhooks/00000000-0000-4000-8000-000000000000/deliveries")).status()).toBe(404);
  // The webhooks and their delivery logs (status codes, errors) are the admin's alone to read.
  for (const role of ["model_owner", "compliance_officer", "auditor", null] as const) {
    const other = await asRole(role);
    for (const path of ["/api/v1/admin/webhooks", `/api/v1/admin/webhooks/${webhookId}/deliveries`]) {
      expect((await other.get(path)).status(), `${role ?? "anonymous"} GET ${path}`).toBe(role ? 403 : 401);
    }
  }
});

test("a test event arrives signed, and the delivery log records it", async () => {
  const ping = await admin.post(`/api/v1/admin/webhooks/${webhookId}/ping`);
  expect(ping.status()).toBe(202);
  const { deliveryId } = await ping.json();
  const got = await nextDelivery("webhook.ping");
  expect(got.headers["x-attest-delivery"]).toBe(deliveryId);
  expect(JSON.parse(got.body)).toMatchObject({ type: "webhook.ping", auditSeq: null, data: { webhookId } });
  await expect
    .poll(async () => (await (await admin.get(`/api/v1/admin/webhooks/${webhookId}/deliveries`)).json()).deliveries.find((d: { id: string }) => d.id === deliveryId), { timeout: 10_000 })
    .toMatchObject({ status: "delivered", attempts: 1, lastStatusCode: 204, lastError: null });
});

test("submitting a version for review announces review.submitted to the receiver", async () => {
  const owner = await asRole("model_owner");
  const base = await readyVersion(owner, await asRole("compliance_officer"), `Webhook e2e ${stamp}`, "minimal");
  expect((await owner.post(`${base}/submit`, { data: {} })).status()).toBe(200);
  const slug = base.split("/")[4];
  const got = await nextDelivery("review.submitted");
  const body = JSON.parse(got.body);
  expect(body).toMatchObject({ type: "review.submitted", data: { model: { slug }, version: { label: "1.0.0", stage: "in_review" }, actor: "owner@attest.demo", tier: "minimal" } });
  expect(body.auditSeq).toBeGreaterThan(0);
  expect(got.headers["content-type"]).toBe("application/json");
});
