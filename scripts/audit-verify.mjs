#!/usr/bin/env node
/**
 * Verifies an Attest audit log export (JSONL, one event per line) on its own.
 *
 * This file is deliberately independent of the application: it imports nothing from Attest and
 * no npm package, only Node's built-in crypto, fs and readline. An auditor can read it in one
 * sitting, check it against the rule below, and run it on any machine with Node, without
 * trusting a line of our code.
 *
 * The rule (Attest DESIGN.md, invariant 4):
 *   hash = hex(SHA-256(prevHash ‖ canonicalJson(event without its "hash" member)))
 *   the first event (seq 1) has prevHash "000…0" (64 zeros); every later event's prevHash is the
 *   hash of the event with the seq before it.
 * Canonical JSON: object keys sorted by UTF-16 code units (JavaScript's default sort),
 * recursively; no whitespace; strings and numbers written as JSON.stringify writes them;
 * members whose value is undefined left out (a parsed JSON file has none).
 *
 * Usage: node scripts/audit-verify.mjs [--complete] [--key <public key>]… [--checkpoint <seq>:<headHash>]… <export.jsonl>
 *
 * What is checked, in one streaming pass (a million-line export needs little memory):
 *  - every event's hash matches its own content and prevHash;
 *  - seqs strictly increase; seq 1, where present, starts from the all-zero hash;
 *  - wherever two consecutive seqs meet, the later one's prevHash is the earlier one's hash.
 * A file that starts at seq 1 with no gap is reported as mode "complete": then the whole chain
 * from the start has been recomputed. Anything else is mode "filtered": each event is checked,
 * and links only where neighbours are present.
 * A file alone cannot tell a filtered export from a complete one with lines removed (or with its
 * first lines removed). When you asked for the full log, pass --complete: the file must then start
 * at seq 1 with no gap, and the first missing seq is reported as the break. Compare headSeq and
 * headHash with what the system reports (its "audit.exported" event names the last seq exported)
 * to know that nothing was cut from the end.
 *
 * Signed checkpoints. An unfiltered JSONL export starts with lines that are not events (they have
 * a "record" member): {"record":"signing_key", keyId, algorithm:"Ed25519", publicKey} with the raw
 * 32-byte public key in base64, and {"record":"checkpoint", seq, headHash, signedAt, keyId,
 * signature}, oldest first. A checkpoint is Attest's Ed25519 signature over
 *   canonicalJson({seq, headHash, signedAt, keyId})
 * and says "the chain's hash at seq was headHash". For each checkpoint this checks that the key id
 * is the first 16 hex digits of SHA-256 over the public key, that the signature is valid, and that
 * the event at that seq in the file has exactly that hash. Someone who rewrote history and
 * recomputed every later hash (so that the chain alone verifies) cannot produce those signatures;
 * the first checkpoint after the rewritten event fails. A checkpoint past the file's last event
 * means events were cut from the end of a complete export.
 * The keys in the file prove nothing by themselves: whoever rewrites the log could sign with a new
 * key. Pass --key with the public key Attest printed in a PDF you hold (or published at
 * /api/v1/audit/public-key, base64 as printed; repeat it for several keys): then every checkpoint
 * must be signed by one of those keys, verified with the key you gave (the file's copy of a key
 * must be the same 32 bytes, and is otherwise ignored), and the file must carry at least one checkpoint.
 * Whoever rewrites the log from some seq on cannot sign new checkpoints, but can drop the ones
 * signed after that seq. Two checks catch that. Pass --checkpoint <seq>:<headHash> with a
 * checkpoint a PDF you hold prints (repeat it for several): the event at that seq must have that
 * hash. And Attest signs a checkpoint at least hourly while the log grows, so in an export of the
 * whole log (--complete, or a file that carries signing keys or checkpoints, as only an unfiltered
 * export does), the first event after the newest checkpoint may be at most 65 minutes older than
 * the file's last event; otherwise checkpoints stopped (reported with uncoveredSeq).
 *
 * Output: one JSON line {ok, checked, mode, headSeq, headHash, firstBrokenSeq?, reason?,
 * checkpoints: {ok, checked, keyIds, pinned?, lastGoodSeq?, firstFailingSeq?, uncoveredSeq?, reason?,
 * unmatched?}}, where pinned counts the --checkpoint pins that held, and where
 * head* describe the last event that verified, checked counts the events (and checkpoints) that
 * verified, and unmatched counts checkpoints of a filtered export whose event is not in the file
 * (only their signature could be checked). ok is true only when the chain and every checkpoint
 * hold. Exit 0 when ok, 1 when broken, 2 on usage errors or a line that is not an event (the line
 * number is named).
 */
import { createHash, createPublicKey, verify as verifySignature } from "node:crypto";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

const GENESIS_HASH = "0".repeat(64);

function canonicalJson(value) {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
    case "boolean":
    case "number": // JSON.parse only yields finite numbers; JSON.stringify writes -0 as 0
      return JSON.stringify(value);
    case "object":
      if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(",")}]`;
      return `{${Object.keys(value)
        .filter((k) => value[k] !== undefined)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`)
        .join(",")}}`;
    default:
      throw new TypeError(`canonical JSON cannot represent a ${typeof value}`);
  }
}

function eventHash(event) {
  const { hash, ...content } = event;
  return createHash("sha256").update(content.prevHash).update(canonicalJson(content)).digest("hex");
}

class UsageError extends Error {}

const isHash = (h) => typeof h === "string" && /^[0-9a-f]{64}$/.test(h);

function publicKeyOf(base64) {
  const raw = Buffer.from(String(base64), "base64");
  if (raw.length !== 32) throw new UsageError(`an Ed25519 public key is 32 bytes, base64: ${String(base64).slice(0, 60)}`);
  return { raw, key: createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") }, format: "jwk" }) };
}

const keyIdOf = (raw) => createHash("sha256").update(raw).digest("hex").slice(0, 16);

/** A {"record": …} line: a signing key or a checkpoint, before the first event. */
function parseRecord(record, lineNo, keys, checkpoints) {
  if (record.record === "signing_key") {
    if (record.algorithm !== "Ed25519") throw new UsageError(`line ${lineNo}: unknown signing algorithm ${record.algorithm}`);
    const { raw, key } = publicKeyOf(record.publicKey);
    keys.set(record.keyId, { raw, key, idMatches: keyIdOf(raw) === record.keyId });
  } else if (record.record === "checkpoint") {
    if (!Number.isSafeInteger(record.seq) || record.seq < 1 || !isHash(record.headHash)) throw new UsageError(`line ${lineNo}: a checkpoint needs a positive seq and a 64-hex headHash`);
    if (typeof record.signedAt !== "string" || typeof record.keyId !== "string" || typeof record.signature !== "string") throw new UsageError(`line ${lineNo}: a checkpoint needs signedAt, keyId and signature`);
    const previous = checkpoints.at(-1);
    if (previous && record.seq <= previous.seq) throw new UsageError(`line ${lineNo}: checkpoints must be in increasing seq order`);
    checkpoints.push(record);
  } else {
    throw new UsageError(`line ${lineNo}: unknown record ${JSON.stringify(record.record)}`);
  }
}

/** How long an event may wait for a checkpoint that covers it (Attest signs one at least hourly): 65 minutes. */
const STALE_AFTER_MS = 65 * 60_000;

/**
 * Checks checkpoints in seq order as the events stream past. `trusted` is the list of keys given
 * with --key ({raw, key}), or null: then a checkpoint is verified with those keys only, never with
 * a key the file carries. `pins` maps the seqs given with --checkpoint to their head hashes.
 */
class CheckpointChecker {
  constructor(keys, checkpoints, trusted, pins) {
    Object.assign(this, { keys, pending: checkpoints, trusted, pins, next: 0, checked: 0, unmatched: 0, failure: null, lastGoodSeq: undefined });
    this.usedKeys = new Set();
    this.pinsHeld = new Set(); // the seqs given with --checkpoint whose event had that hash
    this.newestSeq = checkpoints.at(-1)?.seq ?? 0;
    this.firstUncovered = null; // the first event after the newest checkpoint
    this.newestAt = null; // the time of the last event
  }

  fail(checkpoint, reason) {
    this.failure = { seq: checkpoint.seq, reason };
  }

  /** The signature and key of one checkpoint; false (with the failure set) when they do not hold. */
  signatureHolds(checkpoint) {
    const known = this.keys.get(checkpoint.keyId);
    const notGiven = `checkpoint ${checkpoint.seq} is signed by key ${checkpoint.keyId}, which is not a key given with --key`;
    let candidates;
    if (this.trusted) {
      // Only the given keys vouch for a checkpoint; the file's key, if any, must be one of them byte for byte.
      if (known && !this.trusted.some((t) => t.raw.equals(known.raw))) return void this.fail(checkpoint, notGiven), false;
      candidates = this.trusted.filter((t) => keyIdOf(t.raw) === checkpoint.keyId).map((t) => t.key);
      if (!candidates.length) return void this.fail(checkpoint, notGiven), false;
    } else {
      if (!known) return void this.fail(checkpoint, `checkpoint ${checkpoint.seq} is signed by an unknown key ${checkpoint.keyId}`), false;
      if (!known.idMatches) return void this.fail(checkpoint, `key id ${checkpoint.keyId} is not the SHA-256 of its public key`), false;
      candidates = [known.key];
    }
    const { seq, headHash, signedAt, keyId } = checkpoint;
    const payload = Buffer.from(canonicalJson({ seq, headHash, signedAt, keyId }));
    const valid = candidates.some((key) => {
      try {
        return verifySignature(null, payload, key, Buffer.from(checkpoint.signature, "base64"));
      } catch {
        return false;
      }
    });
    if (!valid) return void this.fail(checkpoint, `checkpoint ${checkpoint.seq}: the signature does not match (key ${keyId})`), false;
    this.usedKeys.add(keyId);
    return true;
  }

  /** Called with each event that verified, in seq order. */
  event(event) {
    if (event.seq > this.newestSeq && !this.firstUncovered) this.firstUncovered = { seq: event.seq, at: event.at };
    this.newestAt = event.at;
    const pinned = this.pins.get(event.seq);
    if (pinned !== undefined && !this.failure) {
      if (pinned !== event.hash) return void this.fail(event, `the chain's hash at seq ${event.seq} is not the one given with --checkpoint: history was rewritten`);
      this.pinsHeld.add(event.seq);
    }
    while (!this.failure && this.next < this.pending.length && this.pending[this.next].seq <= event.seq) {
      const checkpoint = this.pending[this.next++];
      if (!this.signatureHolds(checkpoint)) return;
      if (checkpoint.seq < event.seq) {
        this.unmatched += 1; // a filtered export without the event at this seq
      } else if (checkpoint.headHash !== event.hash) {
        const since = this.lastGoodSeq === undefined ? "" : ` after checkpoint ${this.lastGoodSeq}`;
        this.fail(checkpoint, `the chain's hash at seq ${checkpoint.seq} is not the one signed at ${checkpoint.signedAt}: history${since} was rewritten`);
      } else {
        this.checked += 1;
        this.lastGoodSeq = checkpoint.seq;
      }
    }
  }

  /**
   * After the last event: checkpoints past it (left unchecked after a chain break), --key without
   * any checkpoint, --checkpoint pins without their event, and, for the whole log (`full`), that
   * checkpoints did not stop.
   */
  finish(complete, chainBroken, full) {
    while (!chainBroken && !this.failure && this.next < this.pending.length) {
      const checkpoint = this.pending[this.next++];
      if (!this.signatureHolds(checkpoint)) break;
      if (complete) this.fail(checkpoint, `checkpoint ${checkpoint.seq} is past the last event of the export: events were removed from the end`);
      else this.unmatched += 1;
    }
    if (!this.failure && this.trusted && this.pending.length === 0) this.failure = { seq: 0, reason: "--key was given but the export carries no checkpoint (export the whole log as JSONL)" };
    const missing = [...this.pins.keys()].sort((a, b) => a - b).find((seq) => !this.pinsHeld.has(seq));
    if (!chainBroken && !this.failure && missing !== undefined) {
      this.failure = { seq: missing, reason: `the export has no event at seq ${missing} to check the checkpoint given with --checkpoint against${complete ? ": events were removed from the end" : ""}` };
    }
    let uncoveredSeq;
    if (full && !chainBroken && !this.failure && this.firstUncovered) {
      const waited = Date.parse(this.newestAt) - Date.parse(this.firstUncovered.at);
      if (waited > STALE_AFTER_MS) {
        uncoveredSeq = this.firstUncovered.seq;
        const since = this.pending.length ? `the newest checkpoint is at seq ${this.newestSeq}` : "there is no checkpoint at all";
        this.failure = { reason: `no signed checkpoint covers seq ${uncoveredSeq} (${this.firstUncovered.at}), ${Math.floor(waited / 60_000)} minutes older than the last event, and ${since}: checkpoints stopped, or were removed` };
      }
    }
    const result = { ok: !this.failure, checked: this.checked, keyIds: [...this.usedKeys] };
    if (this.pins.size) result.pinned = this.pinsHeld.size;
    if (this.lastGoodSeq !== undefined) result.lastGoodSeq = this.lastGoodSeq;
    if (this.failure) Object.assign(result, this.failure.seq === undefined ? {} : { firstFailingSeq: this.failure.seq }, uncoveredSeq === undefined ? {} : { uncoveredSeq }, { reason: this.failure.reason });
    if (this.unmatched) result.unmatched = this.unmatched;
    return result;
  }
}

/** The fields the chain itself relies on; everything else is covered by the hash. */
function parseLine(line, lineNo) {
  try {
    return JSON.parse(line);
  } catch (error) {
    throw new UsageError(`line ${lineNo} is not JSON: ${error.message}`);
  }
}

function parseEvent(event, lineNo) {
  if (event === null || typeof event !== "object" || Array.isArray(event)) throw new UsageError(`line ${lineNo} is not an event object`);
  if (!Number.isSafeInteger(event.seq) || event.seq < 1) throw new UsageError(`line ${lineNo}: seq must be a positive integer`);
  if (!isHash(event.prevHash) || !isHash(event.hash)) throw new UsageError(`line ${lineNo}: prevHash and hash must be 64 hex digits`);
  if (typeof event.at !== "string" || Number.isNaN(Date.parse(event.at))) throw new UsageError(`line ${lineNo}: at must be an ISO 8601 time`);
  return event;
}

async function verify(file, requireComplete, trusted, pins) {
  const keys = new Map();
  const checkpointRecords = [];
  let checkpoints = null; // the checker, once the first event is read
  let checked = 0;
  let last = null; // the last event that verified: { seq, hash }
  let gapless = true; // starts at seq 1 and no seq is missing, so far
  let broken = null;
  let lineNo = 0;
  const input = createReadStream(file);
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    lineNo += 1;
    if (!line.trim()) continue;
    const parsed = parseLine(line, lineNo);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed) && "record" in parsed) {
      if (checkpoints) throw new UsageError(`line ${lineNo}: signing keys and checkpoints must come before the first event`);
      parseRecord(parsed, lineNo, keys, checkpointRecords);
      continue;
    }
    checkpoints ??= new CheckpointChecker(keys, checkpointRecords, trusted, pins);
    const event = parseEvent(parsed, lineNo);
    const fail = (reason) => (broken = { seq: event.seq, reason });
    const expectedSeq = last ? last.seq + 1 : 1;
    if (last && event.seq <= last.seq) fail(`seq ${event.seq} is out of order after ${last.seq}`);
    else if (event.seq !== expectedSeq) {
      gapless = false;
      if (requireComplete) fail(`expected seq ${expectedSeq}, found ${event.seq}: events are missing`);
    }
    if (!broken) {
      const linked = last !== null && last.seq + 1 === event.seq;
      const expectedPrev = linked ? last.hash : event.seq === 1 ? GENESIS_HASH : null;
      if (expectedPrev !== null && event.prevHash !== expectedPrev) {
        fail(event.seq === 1 ? "the first event's prevHash is not the genesis hash" : `prevHash does not match the hash of seq ${event.seq - 1}`);
      }
      else if (eventHash(event) !== event.hash) fail("hash does not match the event's content");
    }
    if (broken) {
      input.destroy(); // the verdict is known: no need to read the rest
      break;
    }
    checked += 1;
    last = { seq: event.seq, hash: event.hash };
    checkpoints.event(event);
    if (checkpoints.failure) {
      input.destroy();
      break;
    }
  }
  const mode = requireComplete || gapless ? "complete" : "filtered";
  // A chain break leaves the later checkpoints unchecked: only those before it are reported.
  const checkpointResult = (checkpoints ?? new CheckpointChecker(keys, checkpointRecords, trusted, pins)).finish(mode === "complete", Boolean(broken), mode === "complete" && (requireComplete || keys.size > 0 || checkpointRecords.length > 0));
  const result = { ok: !broken && checkpointResult.ok, checked, mode, headSeq: last?.seq ?? 0, headHash: last?.hash ?? GENESIS_HASH };
  const chain = broken ? { ...result, firstBrokenSeq: broken.seq, reason: broken.reason } : result;
  return { ...chain, checkpoints: checkpointResult };
}

async function main(argv) {
  const files = [];
  const trusted = [];
  const pins = new Map();
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--complete") continue;
    if (argv[i] === "--key" && i + 1 < argv.length) trusted.push(publicKeyOf(argv[++i]));
    else if (argv[i] === "--checkpoint" && i + 1 < argv.length) {
      const [, seq, headHash] = /^(\d+):([0-9a-f]{64})$/.exec(argv[++i].trim().toLowerCase()) ?? [];
      if (!seq || !Number.isSafeInteger(Number(seq)) || Number(seq) < 1) throw new UsageError(`--checkpoint takes <seq>:<headHash> (a positive seq, 64 hex digits), not ${argv[i].slice(0, 90)}`);
      if (pins.has(Number(seq)) && pins.get(Number(seq)) !== headHash) throw new UsageError(`--checkpoint gives two hashes for seq ${seq}`);
      pins.set(Number(seq), headHash);
    } else files.push(argv[i]);
  }
  if (files.length !== 1 || files[0].startsWith("-")) {
    throw new UsageError("usage: node scripts/audit-verify.mjs [--complete] [--key <base64 public key>]… [--checkpoint <seq>:<headHash>]… <export.jsonl>");
  }
  const result = await verify(files[0], argv.includes("--complete"), trusted.length ? trusted : null, pins);
  process.stdout.write(JSON.stringify(result) + "\n");
  return result.ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    const message = error instanceof UsageError || error.code === "ENOENT" ? error.message : String(error?.stack ?? error);
    process.stderr.write(`audit-verify: ${message}\n`);
    process.exitCode = 2;
  },
);
