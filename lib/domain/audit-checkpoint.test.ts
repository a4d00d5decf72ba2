import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  checkpointPayload,
  checkpointSignatureValid,
  keyIdOf,
  parsePrivateKey,
  publicKeyPem,
  rawPublicKey,
  signCheckpointStatement,
  staleCheckpoints,
  verifyCheckpoints,
  type TSignedCheckpoint,
} from "./audit-checkpoint";

// A fixed key: the PKCS#8 DER of the Ed25519 seed 0x07 × 32. The public key, key id and signature
// below were cross-checked with OpenSSL (`openssl pkeyutl -sign -rawin`): Ed25519 is deterministic.
const PRIVATE_DER_BASE64 = "MC4CAQAwBQYDK2VwBCIEIAcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcH";
const PRIVATE_PEM = `-----BEGIN PRIVATE KEY-----\n${PRIVATE_DER_BASE64}\n-----END PRIVATE KEY-----\n`;
const PUBLIC_KEY = "6kpsY+KcUgq+9VB7Ey7F+ZVHdq6+vnuSQh7qaRRG0iw=";
const KEY_ID = "fe812c12f3ab4ce6";
const STATEMENT = { seq: 42, headHash: "ab".repeat(32), signedAt: "2026-01-31T09:30:00.000Z", keyId: KEY_ID };
const SIGNATURE = "ucY4EA9Ki1yxaVjIh+NvOPAcHzIAM9PGn1IiXJ9xi4m1UeJA0hqFBQmJrvqp3Wo+4Y1uU7yL/s46mX9LPnOLCQ==";
const SIGNED: TSignedCheckpoint = { ...STATEMENT, signature: SIGNATURE };

describe("audit checkpoints", () => {
  it("derive the raw public key and its id from the private key, in either encoding", () => {
    for (const text of [PRIVATE_PEM, PRIVATE_DER_BASE64]) {
      const raw = rawPublicKey(parsePrivateKey(text));
      expect(raw.toString("base64")).toBe(PUBLIC_KEY);
      expect(keyIdOf(raw)).toBe(KEY_ID);
    }
  });

  it("sign the canonical JSON of {seq, headHash, signedAt, keyId}", () => {
    expect(checkpointPayload(STATEMENT).toString()).toBe(
      `{"headHash":"${"ab".repeat(32)}","keyId":"${KEY_ID}","seq":42,"signedAt":"2026-01-31T09:30:00.000Z"}`,
    );
    expect(signCheckpointStatement(STATEMENT, parsePrivateKey(PRIVATE_PEM))).toEqual(SIGNED);
    expect(checkpointSignatureValid(SIGNED, PUBLIC_KEY)).toBe(true);
  });

  it.each([
    ["seq", { seq: 43 }],
    ["head hash", { headHash: "ab".repeat(31) + "ac" }],
    ["time", { signedAt: "2026-01-31T09:30:00.001Z" }],
    ["key id", { keyId: "0000000000000000" }],
    ["signature", { signature: Buffer.from(SIGNATURE, "base64").fill(0, 0, 1).toString("base64") }],
    ["signature encoding", { signature: "not base64 at all" }],
  ])("refuse a tampered %s", (_, change) => {
    expect(checkpointSignatureValid({ ...SIGNED, ...change }, PUBLIC_KEY)).toBe(false);
  });

  it("refuse a signature checked with another key", () => {
    const other = rawPublicKey(generateKeyPairSync("ed25519").publicKey).toString("base64");
    expect(checkpointSignatureValid(SIGNED, other)).toBe(false);
    expect(checkpointSignatureValid(SIGNED, "c2hvcnQ=")).toBe(false);
  });

  it("refuse keys that are not Ed25519 private keys, without echoing them", () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    expect(() => parsePrivateKey(rsa)).toThrow("must be Ed25519, not rsa");
    expect(() => parsePrivateKey("secret-garbage")).toThrow(/^the signing key is neither/);
    expect(() => parsePrivateKey("secret-garbage")).not.toThrow(/garbage/);
  });

  it("publish the public key as SPKI PEM", () => {
    expect(publicKeyPem(PUBLIC_KEY)).toBe("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA6kpsY+KcUgq+9VB7Ey7F+ZVHdq6+vnuSQh7qaRRG0iw=\n-----END PUBLIC KEY-----\n");
  });
});

describe("verifyCheckpoints", () => {
  const key = parsePrivateKey(PRIVATE_PEM);
  const keys = new Map([[KEY_ID, PUBLIC_KEY]]);
  const hashOf = (seq: number) => seq.toString(16).padStart(64, "0");
  const chain = (seq: number) => (seq <= 100 ? hashOf(seq) : null);
  const checkpoint = (seq: number, headHash = hashOf(seq)) => signCheckpointStatement({ seq, headHash, signedAt: `2026-01-31T09:${String(seq % 60).padStart(2, "0")}:00.000Z`, keyId: KEY_ID }, key);

  it("accept checkpoints that match the chain", () => {
    expect(verifyCheckpoints([checkpoint(10), checkpoint(50), checkpoint(100)], keys, chain)).toEqual({ ok: true, checked: 3, lastGoodSeq: 100 });
    expect(verifyCheckpoints([], keys, chain)).toEqual({ ok: true, checked: 0 });
  });

  it("name the first checkpoint whose hash the chain no longer has, and the last that held", () => {
    const rechained = (seq: number) => (seq < 40 ? hashOf(seq) : "f".repeat(64));
    expect(verifyCheckpoints([checkpoint(10), checkpoint(50), checkpoint(100)], keys, rechained)).toEqual({
      ok: false,
      checked: 1,
      lastGoodSeq: 10,
      firstFailingSeq: 50,
      reason: "the chain's hash at seq 50 is not the one signed at 2026-01-31T09:50:00.000Z: history after checkpoint 10 was rewritten",
    });
  });

  it("name a forged signature, an unknown key and a checkpoint past the end of the chain", () => {
    const forged = { ...checkpoint(50), headHash: "e".repeat(64) };
    expect(verifyCheckpoints([checkpoint(10), forged], keys, chain)).toMatchObject({ ok: false, firstFailingSeq: 50, reason: `checkpoint 50: the signature does not match (key ${KEY_ID})` });
    expect(verifyCheckpoints([{ ...checkpoint(10), keyId: "1234" }], keys, chain)).toMatchObject({ ok: false, checked: 0, firstFailingSeq: 10, reason: "checkpoint 10 is signed by an unknown key 1234" });
    expect(verifyCheckpoints([checkpoint(100), checkpoint(120)], keys, chain)).toMatchObject({ ok: false, checked: 1, firstFailingSeq: 120, reason: "checkpoint 120 is past the end of the chain: events were removed" });
  });

  it("refuse a stored key filed under another key's id", () => {
    // Someone who can insert rows stores their own public key under the real key's id and signs with it.
    const forger = generateKeyPairSync("ed25519");
    const forgedKeys = new Map([[KEY_ID, rawPublicKey(forger.publicKey).toString("base64")]]);
    const forged = signCheckpointStatement({ seq: 10, headHash: hashOf(10), signedAt: "2026-01-31T09:10:00.000Z", keyId: KEY_ID }, forger.privateKey);
    expect(verifyCheckpoints([forged], forgedKeys, chain)).toEqual({ ok: false, checked: 0, firstFailingSeq: 10, reason: `key id ${KEY_ID} is not the SHA-256 of its public key` });
  });
});

describe("staleCheckpoints", () => {
  const now = new Date("2026-01-31T12:00:00.000Z");
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

  it("accept a log whose first uncovered event waited up to 65 minutes, or that has none", () => {
    expect(staleCheckpoints(null, 120, now)).toBeNull();
    expect(staleCheckpoints(null, null, now)).toBeNull();
    expect(staleCheckpoints({ seq: 121, at: minutesAgo(65) }, 120, now)).toBeNull();
    expect(staleCheckpoints({ seq: 1, at: minutesAgo(3).toISOString() }, null, now)).toBeNull();
  });

  it("fail when an event has waited longer: checkpoints stopped, or the ones after a rewrite were dropped", () => {
    expect(staleCheckpoints({ seq: 121, at: minutesAgo(66) }, 120, now)).toBe(
      "no signed checkpoint covers seq 121 (2026-01-31T10:54:00.000Z), 66 minutes old, and the newest checkpoint is at seq 120: checkpoints stopped, or were removed",
    );
    expect(staleCheckpoints({ seq: 1, at: minutesAgo(24 * 60) }, null, now)).toMatch(/covers seq 1 .*1440 minutes old, and there is no checkpoint at all/);
  });
});
