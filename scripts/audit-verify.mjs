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
 * Usage: node scripts/audit-verify.mjs [--complete] <export.jsonl>
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
 * Output: one JSON line {ok, checked, mode, headSeq, headHash, firstBrokenSeq?, reason?}, where
 * head* describe the last event that verified. Exit 0 when ok, 1 when broken, 2 on usage errors
 * or a line that is not an event (the line number is named).
 */
import { createHash } from "node:crypto";
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

/** The fields the chain itself relies on; everything else is covered by the hash. */
function parseEvent(line, lineNo) {
  let event;
  try {
    event = JSON.parse(line);
  } catch (error) {
    throw new UsageError(`line ${lineNo} is not JSON: ${error.message}`);
  }
  const isHash = (h) => typeof h === "string" && /^[0-9a-f]{64}$/.test(h);
  if (event === null || typeof event !== "object" || Array.isArray(event)) throw new UsageError(`line ${lineNo} is not an event object`);
  if (!Number.isSafeInteger(event.seq) || event.seq < 1) throw new UsageError(`line ${lineNo}: seq must be a positive integer`);
  if (!isHash(event.prevHash) || !isHash(event.hash)) throw new UsageError(`line ${lineNo}: prevHash and hash must be 64 hex digits`);
  return event;
}

async function verify(file, requireComplete) {
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
    const event = parseEvent(line, lineNo);
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
  }
  const mode = requireComplete || gapless ? "complete" : "filtered";
  const result = { ok: !broken, checked, mode, headSeq: last?.seq ?? 0, headHash: last?.hash ?? GENESIS_HASH };
  return broken ? { ...result, firstBrokenSeq: broken.seq, reason: broken.reason } : result;
}

async function main(argv) {
  const args = argv.filter((a) => a !== "--complete");
  if (args.length !== 1 || args[0].startsWith("-")) {
    throw new UsageError("usage: node scripts/audit-verify.mjs [--complete] <export.jsonl>");
  }
  const result = await verify(args[0], argv.includes("--complete"));
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
