import { createHmac, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { nextAttemptAfter } from "./webhook-events";
import { verifyWebhookSignature, webhookSignature } from "./webhook-signature";

const SECRET = "whsec_test-secret-of-enough-length";
const BODY = '{"id":"6f1c","type":"review.submitted","occurredAt":"2026-11-27T10:00:00.000Z","auditSeq":42,"data":{"model":{"slug":"credit"}}}';
const TIMESTAMP = "1795000000";
const NOW = 1795000000 * 1000 + 30_000;
// Computed independently, the way a receiver would: HMAC-SHA256 over "<timestamp>.<raw body>".
const EXPECTED = `v1=${createHmac("sha256", SECRET).update(`${TIMESTAMP}.${BODY}`, "utf8").digest("hex")}`;

describe("webhook signatures", () => {
  it("signs timestamp + '.' + raw body with HMAC-SHA256, hex, prefixed v1=", () => {
    expect(webhookSignature({ secret: SECRET, timestamp: Number(TIMESTAMP), body: BODY })).toBe(EXPECTED);
    // A literal vector, so a change of scheme cannot pass unnoticed.
    expect(webhookSignature({ secret: "key", timestamp: 1, body: "{}" })).toBe(`v1=${createHmac("sha256", "key").update("1.{}").digest("hex")}`);
    expect(webhookSignature({ secret: "key", timestamp: 1, body: "{}" })).toMatch(/^v1=[0-9a-f]{64}$/);
  });

  it.each([
    ["the genuine delivery", { }, { ok: true }],
    ["a wrong secret", { secret: "whsec_another-secret-entirely" }, { ok: false, reason: "mismatch" }],
    ["a tampered body", { body: BODY.replace("42", "43") }, { ok: false, reason: "mismatch" }],
    ["a body re-serialised with spaces", { body: JSON.stringify(JSON.parse(BODY), null, 1) }, { ok: false, reason: "mismatch" }],
    ["another timestamp (replay with a fresh one)", { timestamp: String(Number(TIMESTAMP) + 1), now: NOW + 1000 }, { ok: false, reason: "mismatch" }],
    ["a stale timestamp", { now: NOW + 301_000 }, { ok: false, reason: "stale" }],
    ["a timestamp from the future beyond tolerance", { now: NOW - 400_000 }, { ok: false, reason: "stale" }],
    ["no signature", { signature: null }, { ok: false, reason: "malformed" }],
    ["another scheme version", { signature: EXPECTED.replace("v1=", "v2=") }, { ok: false, reason: "malformed" }],
    ["a non-numeric timestamp", { timestamp: "yesterday" }, { ok: false, reason: "malformed" }],
  ])("%s", (_, change, expected) => {
    const input = { secret: SECRET, timestamp: TIMESTAMP, body: BODY, signature: EXPECTED as string | null, toleranceSeconds: 300, now: NOW, ...change };
    expect(verifyWebhookSignature(input)).toEqual(expected);
  });

  it("honours the receiver's tolerance", () => {
    expect(verifyWebhookSignature({ secret: SECRET, timestamp: TIMESTAMP, body: BODY, signature: EXPECTED, toleranceSeconds: 10, now: NOW })).toEqual({ ok: false, reason: "stale" });
  });
});

describe("the receiver snippet in the README", () => {
  // The function exactly as a receiver copies it, run with the two imports it names.
  const readme = readFileSync(path.join(__dirname, "../../README.md"), "utf8");
  const source = /```js\n(import \{ createHmac, timingSafeEqual \} from "node:crypto";\n[\s\S]*?function verifyAttestWebhook[\s\S]*?)```/.exec(readme)?.[1];
  type TVerify = (secret: string, headers: Record<string, string>, rawBody: string, toleranceSeconds?: number) => boolean;
  const verify = new Function("createHmac", "timingSafeEqual", `${source!.replace(/^import .*$/m, "")}\nreturn verifyAttestWebhook;`)(createHmac, timingSafeEqual) as TVerify;
  const headers = (signature: string) => ({ "x-attest-timestamp": String(Math.floor(Date.now() / 1000)), "x-attest-signature": signature });
  const genuine = () => {
    const h = headers("");
    return { ...h, "x-attest-signature": webhookSignature({ secret: SECRET, timestamp: h["x-attest-timestamp"], body: BODY }) };
  };

  it("accepts a genuine delivery and refuses a wrong secret or body", () => {
    expect(source).toBeDefined();
    expect(verify(SECRET, genuine(), BODY)).toBe(true);
    expect(verify("whsec_another-secret-entirely", genuine(), BODY)).toBe(false);
    expect(verify(SECRET, genuine(), BODY.replace("42", "43"))).toBe(false);
  });

  it("answers false, without throwing, for a signature of the right length in characters but not in bytes", () => {
    const multibyte = `v1=${"é".repeat(64)}`;
    expect(multibyte.length).toBe(genuine()["x-attest-signature"].length);
    expect(() => verify(SECRET, headers(multibyte), BODY)).not.toThrow();
    expect(verify(SECRET, headers(multibyte), BODY)).toBe(false);
    expect(verifyWebhookSignature({ secret: SECRET, timestamp: headers("")["x-attest-timestamp"], body: BODY, signature: multibyte })).toEqual({ ok: false, reason: "malformed" });
  });
});

describe("retry schedule", () => {
  const now = new Date("2026-01-01T00:00:00Z");
  it.each([
    [1, "2026-01-01T00:00:30.000Z"],
    [2, "2026-01-01T00:02:00.000Z"],
    [3, "2026-01-01T00:10:00.000Z"],
    [4, "2026-01-01T01:00:00.000Z"],
    [5, "2026-01-01T06:00:00.000Z"],
    [6, null],
  ])("after %i failed attempts: %s", (attempts, expected) => {
    expect(nextAttemptAfter(attempts, now)?.toISOString() ?? null).toBe(expected);
  });
});
