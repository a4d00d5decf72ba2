import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import type { ChainVerification } from "./audit-chain";
import { canonicalJson } from "./canonical-json";

/**
 * Signed audit checkpoints (DESIGN.md invariant 4): a statement "the chain's hash at seq was
 * headHash", signed with Ed25519. The signature covers the canonical JSON of the statement
 * {headHash, keyId, seq, signedAt}, so a verifier needs nothing but the public key and the same
 * canonicalisation (scripts/audit-verify.mjs re-implements both with Node's crypto alone).
 */
export type TCheckpointStatement = {
  seq: number;
  /** The chain's hash at seq: 64 lowercase hex digits. */
  headHash: string;
  /** ISO 8601 UTC with milliseconds, e.g. "2026-01-31T09:30:00.000Z". */
  signedAt: string;
  keyId: string;
};

export type TSignedCheckpoint = TCheckpointStatement & { signature: string };

export const CHECKPOINT_ALGORITHM = "Ed25519";

/** The bytes an Ed25519 checkpoint signature covers. */
export function checkpointPayload(statement: TCheckpointStatement): Buffer {
  const { seq, headHash, signedAt, keyId } = statement;
  return Buffer.from(canonicalJson({ seq, headHash, signedAt, keyId }), "utf8");
}

/** The raw 32-byte Ed25519 public key of a public or private key. */
export function rawPublicKey(key: KeyObject): Buffer {
  const publicKey = key.type === "private" ? createPublicKey(key) : key;
  const { x } = publicKey.export({ format: "jwk" });
  if (publicKey.asymmetricKeyType !== "ed25519" || !x) throw new Error("not an Ed25519 key");
  return Buffer.from(x, "base64url");
}

/** The key id: the first 16 hex digits of SHA-256 over the raw 32-byte public key. */
export function keyIdOf(raw: Buffer): string {
  return createHash("sha256").update(raw).digest("hex").slice(0, 16);
}

/** The public key from its raw 32 bytes (base64), as signing_keys and the public-key route hold it. */
export function publicKeyFromRaw(publicKeyBase64: string): KeyObject {
  const raw = Buffer.from(publicKeyBase64, "base64");
  if (raw.length !== 32) throw new Error("an Ed25519 public key is 32 bytes");
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") }, format: "jwk" });
}

export function publicKeyPem(publicKeyBase64: string): string {
  return publicKeyFromRaw(publicKeyBase64).export({ format: "pem", type: "spki" }).toString();
}

/**
 * An Ed25519 private key as ATTEST_SIGNING_KEY gives it: a PKCS#8 PEM, or the base64 of its DER
 * bytes. Anything else (another algorithm, a public key, garbage) is refused without echoing it.
 */
export function parsePrivateKey(text: string): KeyObject {
  const trimmed = text.trim();
  let key: KeyObject;
  try {
    key = trimmed.startsWith("-----BEGIN")
      ? createPrivateKey({ key: trimmed, format: "pem" })
      : createPrivateKey({ key: Buffer.from(trimmed, "base64"), format: "der", type: "pkcs8" });
  } catch {
    throw new Error("the signing key is neither a PKCS#8 PEM nor base64 PKCS#8 DER");
  }
  if (key.asymmetricKeyType !== "ed25519") throw new Error(`the signing key must be Ed25519, not ${key.asymmetricKeyType}`);
  return key;
}

export function signCheckpointStatement(statement: TCheckpointStatement, privateKey: KeyObject): TSignedCheckpoint {
  return { ...statement, signature: sign(null, checkpointPayload(statement), privateKey).toString("base64") };
}

/** `publicKey`: the raw key in base64, or the key object made from it (faster over many checkpoints). */
export function checkpointSignatureValid(checkpoint: TSignedCheckpoint, publicKey: string | KeyObject): boolean {
  try {
    const key = typeof publicKey === "string" ? publicKeyFromRaw(publicKey) : publicKey;
    return verify(null, checkpointPayload(checkpoint), key, Buffer.from(checkpoint.signature, "base64"));
  } catch {
    return false;
  }
}

export type TCheckpointVerification = {
  ok: boolean;
  /** Checkpoints whose signature and head hash both held. */
  checked: number;
  /** The last checkpoint that held, when any did. */
  lastGoodSeq?: number;
  firstFailingSeq?: number;
  /** When every checkpoint held but checkpoints stopped: the first event none covers (staleCheckpoints). */
  uncoveredSeq?: number;
  reason?: string;
};

/** The chain and its checkpoints checked together: `ok` only when both hold; `chainOk` for the chain alone. */
export type TAuditLogVerification = ChainVerification & { chainOk: boolean; checkpoints: TCheckpointVerification };

/**
 * Checks checkpoints in seq order: each signed by a known key, and the chain's hash at its seq is
 * the hash it signed. `chainHashAt` gives the chain's hash at a seq, or null when the chain has no
 * event there (it was cut short). Stops at the first failure: every later checkpoint of a
 * rewritten history fails too, and the first one bounds where the rewrite began (after
 * lastGoodSeq, at or before firstFailingSeq).
 */
export function verifyCheckpoints(
  checkpoints: Iterable<TSignedCheckpoint>,
  publicKeys: ReadonlyMap<string, string>,
  chainHashAt: (seq: number) => string | null,
): TCheckpointVerification {
  let checked = 0;
  let lastGoodSeq: number | undefined;
  const keyObjects = new Map<string, KeyObject | null>();
  const keyObject = (base64: string) => {
    if (!keyObjects.has(base64)) {
      try {
        keyObjects.set(base64, publicKeyFromRaw(base64));
      } catch {
        keyObjects.set(base64, null);
      }
    }
    return keyObjects.get(base64)!;
  };
  for (const checkpoint of checkpoints) {
    const fail = (reason: string): TCheckpointVerification => ({ ok: false, checked, lastGoodSeq, firstFailingSeq: checkpoint.seq, reason });
    const publicKey = publicKeys.get(checkpoint.keyId);
    if (!publicKey) return fail(`checkpoint ${checkpoint.seq} is signed by an unknown key ${checkpoint.keyId}`);
    // A key id is derived from its key: a stored key under another key's id is a substitution.
    if (keyIdOf(Buffer.from(publicKey, "base64")) !== checkpoint.keyId) return fail(`key id ${checkpoint.keyId} is not the SHA-256 of its public key`);
    const key = keyObject(publicKey);
    if (!key || !checkpointSignatureValid(checkpoint, key)) return fail(`checkpoint ${checkpoint.seq}: the signature does not match (key ${checkpoint.keyId})`);
    const hash = chainHashAt(checkpoint.seq);
    if (hash === null) return fail(`checkpoint ${checkpoint.seq} is past the end of the chain: events were removed`);
    if (hash !== checkpoint.headHash) {
      const since = lastGoodSeq === undefined ? "" : ` after checkpoint ${lastGoodSeq}`;
      return fail(`the chain's hash at seq ${checkpoint.seq} is not the one signed at ${checkpoint.signedAt}: history${since} was rewritten`);
    }
    checked += 1;
    lastGoodSeq = checkpoint.seq;
  }
  return { ok: true, checked, ...(lastGoodSeq === undefined ? {} : { lastGoodSeq }) };
}

/**
 * How far the log may run ahead of its newest checkpoint. The background job signs the head once
 * the log has grown and the newest checkpoint is 55 minutes old, checking every 5 minutes: an event
 * waits at most an hour for a checkpoint that covers it. Five minutes more of slack; after that,
 * checkpoints have stopped, which is what someone does who rewrote the log from some seq on and
 * dropped every checkpoint from there (they cannot sign new ones).
 */
export const CHECKPOINT_STALE_AFTER_MS = 65 * 60_000;

/**
 * The staleness rule, for the server and (re-implemented) scripts/audit-verify.mjs: fails when the
 * first event no checkpoint covers (the one after the newest checkpoint's seq; with no checkpoint,
 * the first event) is more than CHECKPOINT_STALE_AFTER_MS older than `now`. The server passes its
 * clock; an export, which is read later, passes its newest event's time. An idle log, or one whose
 * only uncovered events are recent, is fine: the job has not been due yet.
 */
export function staleCheckpoints(firstUncovered: { seq: number; at: string | Date } | null, newestCheckpointSeq: number | null, now: Date): string | null {
  if (!firstUncovered) return null;
  const at = new Date(firstUncovered.at);
  if (now.getTime() - at.getTime() <= CHECKPOINT_STALE_AFTER_MS) return null;
  const minutes = Math.floor((now.getTime() - at.getTime()) / 60_000);
  const since = newestCheckpointSeq === null ? "there is no checkpoint at all" : `the newest checkpoint is at seq ${newestCheckpointSeq}`;
  return `no signed checkpoint covers seq ${firstUncovered.seq} (${at.toISOString()}), ${minutes} minutes old, and ${since}: checkpoints stopped, or were removed`;
}
