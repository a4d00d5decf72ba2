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

test("auditors' scripts read the register of issued documents and the inventory as CSV with a reports:read token; the CSV download is audited", async () => {
  const created = await admin.post("/api/v1/admin/tokens", { data: { ownerEmail: "auditor@attest.demo", name: `register ${stamp}`, scopes: ["reports:read"] } });
  expect(created.status()).toBe(201);
  const script = await withToken((await created.json()).secret);

  const register = await script.get("/api/v1/documents?pageSize=2");
  expect(register.status()).toBe(200);
  const page = (await register.json()) as { documents: { documentId: string; kind: string; issuedAt: string; sha256: string }[]; total: number; page: number; pageSize: number };
  expect(page).toMatchObject({ page: 1, pageSize: 2 });
  expect(page.total).toBeGreaterThanOrEqual(2);
  expect(page.documents).toHaveLength(2);
  expect(page.documents[0]!.issuedAt >= page.documents[1]!.issuedAt).toBe(true);
  expect(page.documents[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  const byModel = (await (await script.get("/api/v1/documents?model=retail-credit-scoring&kind=technical_documentation")).json()) as typeof page;
  expect(byModel.documents.every((d) => d.kind === "technical_documentation")).toBe(true);
  expect((await script.get("/api/v1/documents?pageSize=1000")).status()).toBe(400);

  const before = await auditHeadSeq(auditor);
  const csv = await script.get("/api/v1/reports/inventory.csv");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="attest-model-inventory-.*\.csv"$/);
  const text = await csv.text();
  expect(text.startsWith("slug,name,purpose,")).toBe(true);
  expect(text).toContain("\r\nretail-credit-scoring,Retail credit scoring,");
  const { events } = (await (await auditor.get(`/api/v1/audit/events?afterSeq=${before}&limit=1000`)).json()) as { events: { action: string; actorEmail: string; data: Record<string, unknown> }[] };
  expect(events.filter((e) => e.action === "report.inventory_exported")).toEqual([expect.objectContaining({ actorEmail: "auditor@attest.demo", data: { format: "csv", count: text.split("\r\n").length - 2 } })]);

  const noScope = await admin.post("/api/v1/admin/tokens", { data: { ownerEmail: "auditor@attest.demo", name: `register no scope ${stamp}`, scopes: ["audit:read"] } });
  const other = await withToken((await noScope.json()).secret);
  expect((await other.get("/api/v1/reports/inventory.csv")).status()).toBe(403);
  expect((await other.get("/api/v1/documents")).status()).toBe(403);
});
