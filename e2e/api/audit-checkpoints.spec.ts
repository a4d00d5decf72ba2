import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { asRole } from "../support/api";

/**
 * Issue 7's signed audit checkpoints over real HTTP: issuing a document signs checkpoints, the key
 * is published to those who may read the log, the verify route checks the checkpoints, and an
 * unfiltered JSONL export carries them to the standalone verifier, which checks them against the
 * published key.
 */

test.describe.configure({ mode: "serial" });

type PublishedKey = { keyId: string; algorithm: string; publicKey: string; publicKeyPem: string; createdAt: string; current: boolean };

let auditor: APIRequestContext;
let current: PublishedKey;

test.beforeAll(async () => {
  auditor = await asRole("auditor");
});

test("issuing a document signs checkpoints with the published key, and verification checks them", async () => {
  expect((await auditor.get("/api/v1/reports/portfolio.pdf")).status()).toBe(200);
  const res = await auditor.get("/api/v1/audit/public-key");
  expect(res.status()).toBe(200);
  const { keys } = (await res.json()) as { keys: PublishedKey[] };
  const currents = keys.filter((k) => k.current);
  expect(currents).toHaveLength(1);
  current = currents[0]!;
  const raw = Buffer.from(current.publicKey, "base64");
  expect(raw).toHaveLength(32);
  expect(current).toMatchObject({ algorithm: "Ed25519", keyId: createHash("sha256").update(raw).digest("hex").slice(0, 16) });
  expect(current.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=]+\n-----END PUBLIC KEY-----\n$/);

  const verdict = await (await auditor.get("/api/v1/audit/verify")).json();
  expect(verdict).toMatchObject({ ok: true, chainOk: true, checkpoints: { ok: true } });
  expect(verdict.checkpoints.checked).toBeGreaterThanOrEqual(2);
});

test("the public key is for those who may read the audit log", async () => {
  const owner = await asRole("model_owner");
  expect((await owner.get("/api/v1/audit/public-key")).status()).toBe(403);
  const anonymous = await asRole(null);
  expect((await anonymous.get("/api/v1/audit/public-key")).status()).toBe(401);
});

test("an unfiltered JSONL export carries the checkpoints, and the standalone verifier checks them against the published key", async () => {
  const res = await auditor.get("/api/v1/audit/export?format=jsonl");
  expect(res.status()).toBe(200);
  const text = await res.text();
  const [first] = text.split("\n");
  expect(JSON.parse(first!)).toEqual({ record: "signing_key", keyId: expect.any(String), algorithm: "Ed25519", publicKey: expect.any(String) });
  const file = path.join(mkdtempSync(path.join(tmpdir(), "attest-e2e-checkpoints-")), "export.jsonl");
  writeFileSync(file, text);
  const run = spawnSync(process.execPath, [path.resolve("scripts/audit-verify.mjs"), "--complete", "--key", current.publicKey, file], { encoding: "utf8" });
  const verdict = JSON.parse(run.stdout);
  expect(verdict).toMatchObject({ ok: true, mode: "complete", checkpoints: { ok: true } });
  expect(verdict.checkpoints.keyIds).toContain(current.keyId);
  expect(run.status).toBe(0);
});
