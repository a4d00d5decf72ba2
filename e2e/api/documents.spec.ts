import { createHash } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { asRole, auditHeadSeq, withToken } from "../support/api";

/**
 * Issue 7 over real HTTP: an auditor downloads a version's technical documentation, its SHA-256
 * verifies as issued (what, for which version, by whom), a copy with one byte changed does not,
 * a token without reports:read is refused, and the issue is in the audit log.
 */

test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36);
const VERSION_PATH = "/api/v1/models/retail-credit-scoring/versions/2.3.0";
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

let auditor: APIRequestContext;
let admin: APIRequestContext;

test.beforeAll(async () => {
  auditor = await asRole("auditor");
  admin = await asRole("admin");
});

test("an auditor downloads a version's documentation, and exactly that file verifies", async () => {
  const before = await auditHeadSeq(auditor);
  const res = await auditor.get(`${VERSION_PATH}/documentation.pdf`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="retail-credit-scoring-2\.3\.0-technical-documentation-ATT-\d{4}-[0-9A-Z]{8}\.pdf"$/);
  expect(res.headers()["cache-control"]).toContain("no-store");
  const bytes = await res.body();
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const hash = sha256(bytes);
  expect(res.headers()["x-content-sha256"]).toBe(hash);
  const documentId = res.headers()["x-document-id"]!;

  const verified = await auditor.get(`/api/v1/documents/verify?sha256=${hash}`);
  expect(verified.status()).toBe(200);
  const answer = await verified.json();
  expect(answer).toEqual({ issued: true, documentId, kind: "technical_documentation", model: "retail-credit-scoring", version: "2.3.0", issuedAt: expect.any(String), issuedBy: "auditor@attest.demo" });

  // Upper-case hex is the same hash.
  expect((await auditor.get(`/api/v1/documents/verify?sha256=${hash.toUpperCase()}`)).status()).toBe(200);

  const altered = Buffer.from(bytes);
  altered[Math.floor(altered.length / 2)] ^= 0x01;
  const refused = await auditor.get(`/api/v1/documents/verify?sha256=${sha256(altered)}`);
  expect(refused.status()).toBe(404);
  expect(await refused.json()).toEqual({ issued: false });

  const { events } = (await (await auditor.get(`/api/v1/audit/events?afterSeq=${before}&limit=1000`)).json()) as { events: { seq: number; action: string; entityId: string; actorEmail: string; data: Record<string, unknown> }[] };
  const issued = events.filter((e) => e.action === "document.issued" && e.entityId === documentId);
  expect(issued).toHaveLength(1);
  expect(issued[0]).toMatchObject({ actorEmail: "auditor@attest.demo", data: { documentId, kind: "technical_documentation", slug: "retail-credit-scoring", version: "2.3.0", sha256: hash, sizeBytes: bytes.length } });
});

test("the portfolio report downloads as a PDF and verifies", async () => {
  const res = await auditor.get("/api/v1/reports/portfolio.pdf");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  const bytes = await res.body();
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const verified = await auditor.get(`/api/v1/documents/verify?sha256=${sha256(bytes)}`);
  expect(verified.status()).toBe(200);
  expect(await verified.json()).toMatchObject({ issued: true, kind: "portfolio", model: null, version: null, issuedBy: "auditor@attest.demo" });
});

test("a token without reports:read is refused, and nothing is issued; a malformed hash is a 400", async () => {
  const created = await admin.post("/api/v1/admin/tokens", { data: { ownerEmail: "auditor@attest.demo", name: `documents no scope ${stamp}`, scopes: ["audit:read", "models:read"] } });
  expect(created.status()).toBe(201);
  const pipeline = await withToken((await created.json()).secret);
  const before = await auditHeadSeq(auditor);
  expect((await pipeline.get(`${VERSION_PATH}/documentation.pdf`)).status()).toBe(403);
  expect((await pipeline.get("/api/v1/reports/portfolio.pdf")).status()).toBe(403);
  expect((await pipeline.get(`/api/v1/documents/verify?sha256=${"0".repeat(64)}`)).status()).toBe(403);
  expect(await auditHeadSeq(auditor, before)).toBe(before);

  const scoped = await admin.post("/api/v1/admin/tokens", { data: { ownerEmail: "auditor@attest.demo", name: `documents ${stamp}`, scopes: ["reports:read"] } });
  const reader = await withToken((await scoped.json()).secret);
  expect((await reader.get(`/api/v1/documents/verify?sha256=${"0".repeat(64)}`)).status()).toBe(404);
  expect((await reader.get("/api/v1/documents/verify?sha256=not-a-hash")).status()).toBe(400);
  expect((await (await asRole(null)).get(`${VERSION_PATH}/documentation.pdf`)).status()).toBe(401);
});
