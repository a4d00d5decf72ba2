/**
 * Audit log benchmark: `npm run bench:audit [-- --sizes 100000,1000000 --appends 2000]`.
 * Prints one JSON object on stdout (progress goes to stderr):
 *  (a) append throughput through withTransaction and auditOnCommit (the path of every verb that
 *      does not need its event's seq), one transaction per event, with 1 and 32 concurrent
 *      writers, median of three rounds, beside plain INSERTs of the same rows into bench_plain_events (LIKE audit_events:
 *      same columns and indexes, no chain, no triggers), also one transaction per row;
 *  (b) verifyAuditChain throughput at each size, beside SHA-256 over the same canonical bytes in
 *      memory (the ceiling for any verifier).
 * It runs on PGlite in a temporary DATA_DIR (on disk, as the app runs it), and on PostgreSQL too
 * when DATABASE_URL is set, in a throw-away database created and dropped on that server.
 */
import { createHash, randomUUID } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { onThrowawayPglite, onThrowawayPostgres } from "./bench-databases";
import { queryRows, type DatabaseHandle, type Db } from "@/db/client";
import { migrate } from "@/db/migrate";
import type { Actor, RequestMeta } from "@/lib/auth/actor";
import { auditEventHash, type AuditEventContent } from "@/lib/domain/audit-chain";
import { canonicalJson } from "@/lib/domain/canonical-json";
import type { TAuditEventInput } from "@/lib/domain/audit-events";
import { auditOnCommit } from "@/lib/services/audit/emit";
import { auditHeadState, verifyAuditChain } from "@/lib/services/audit/queries";
import { withTransaction, type ServiceContext } from "@/lib/services/context";
import { median } from "./bench-timing";

const { values: args } = parseArgs({
  options: { sizes: { type: "string", default: "100000,1000000" }, appends: { type: "string", default: "3000" } },
});
const SIZES = args.sizes.split(",").map(Number);
const APPENDS = Number(args.appends);
const WRITERS = [1, 32];
const ROUNDS = 3;

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const perSec = (n: number, ms: number) => Math.round((n / ms) * 1000);
const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;

// A token-authenticated pipeline registering versions: the commonest write, with a realistic row.
const USER_ID = randomUUID();
const TOKEN_ID = randomUUID();
const ACTOR: Actor = { kind: "user", userId: USER_ID, email: "pipeline@bench.example", name: "Pipeline", roles: ["model_owner"], token: { id: TOKEN_ID, scopes: ["models:write"] } };
const REQUEST: RequestMeta = { requestId: "req_01JBENCH0000000000000000", ip: "203.0.113.7", userAgent: "attest-pipeline/1.4 (+github-actions)" };

function eventInput(i: number): Extract<TAuditEventInput, { action: "model_version.created" }> {
  const slug = `model-${i % 500}`;
  return {
    action: "model_version.created",
    entityType: "model_version",
    entityId: randomUUID(),
    data: {
      slug, version: `1.${i}.0`, artifactUri: `s3://models/${slug}/1.${i}.0/model.ubj`, framework: "xgboost 2.1",
      experimentRef: `mlflow:/experiments/42/runs/${i}`, datasets: ["loans-2025q4@3", "loans-holdout@1"], copiedCardFrom: { version: `1.${i - 1}.0`, revision: 3 },
    },
  };
}

/** The row emitAudit would write for event i at a seq, minus the hash. */
function eventContent(i: number, seq: number, prevHash: string, at: Date): AuditEventContent {
  const input = eventInput(i);
  return {
    seq, at: at.toISOString(), actorId: USER_ID, actorEmail: "pipeline@bench.example", actorRoles: ["model_owner"], tokenId: TOKEN_ID, action: input.action, entityType: input.entityType, entityId: input.entityId,
    data: input.data, requestId: REQUEST.requestId, ip: REQUEST.ip, userAgent: REQUEST.userAgent, prevHash,
  };
}

const snake = (e: AuditEventContent & { hash: string }) => ({
  seq: e.seq, at: e.at, actor_id: e.actorId, actor_email: e.actorEmail, actor_roles: e.actorRoles, token_id: e.tokenId, action: e.action,
  entity_type: e.entityType, entity_id: e.entityId, data: canonicalJson(e.data), request_id: e.requestId, ip: e.ip, user_agent: e.userAgent, prev_hash: e.prevHash, hash: e.hash,
});

/** Runs `total` operations from `writers` concurrent loops; returns operations per second. */
async function concurrently(writers: number, total: number, op: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: writers }, async () => {
    while (next < total) await op(next++);
  }));
  return perSec(total, performance.now() - started);
}

async function benchAppends(db: Db, kind: DatabaseHandle["kind"]) {
  const ctx: ServiceContext = { db, actor: ACTOR, request: REQUEST };
  await db.execute(sql`CREATE TABLE bench_plain_events (LIKE audit_events INCLUDING ALL)`);
  let plainSeq = 0;
  const chained = (i: number) => withTransaction(ctx, (tx) => auditOnCommit(tx, ctx, eventInput(i)));
  const plain = (i: number) => {
    const e = { ...eventContent(i, ++plainSeq, "0".repeat(64), new Date()), hash: "f".repeat(64) };
    // An ordinary transaction with a synchronous commit: the baseline owes nothing to withTransaction.
    return db.transaction((tx) =>
      tx.execute(sql`INSERT INTO bench_plain_events (seq, at, actor_id, actor_email, actor_roles, token_id, action, entity_type, entity_id, data, request_id, ip, user_agent, prev_hash, hash)
        VALUES (${e.seq}, ${e.at}, ${e.actorId}, ${e.actorEmail}, ${`{${e.actorRoles.join(",")}}`}, ${e.tokenId}, ${e.action}, ${e.entityType}, ${e.entityId}, ${canonicalJson(e.data)}, ${e.requestId}, ${e.ip}, ${e.userAgent}, ${e.prevHash}, ${e.hash})`),
    );
  };
  await concurrently(4, 100, chained); // warm-up: JIT, plan caches, connections
  await concurrently(4, 100, plain);
  const out: Record<string, unknown> = {
    eventsPerRound: APPENDS,
    note: kind === "pglite"
      ? "PGlite has one connection: '32 writers' are 32 concurrent promises whose transactions PGlite runs one at a time"
      : "each writer holds its own pooled connection (pool size 32); a chained append is sent with its (asynchronous) COMMIT in one round trip and serialises on the audit_head row lock only while the database runs it; the writers then wait in durability barriers they share; plain inserts commit synchronously",
  };
  // Rounds alternate chained and plain, so that a burst of load on this shared machine lands on
  // both; each figure is the median of its rounds.
  for (const writers of WRITERS) {
    const chainedRates: number[] = [];
    const plainRates: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      log(`${kind}: appends with ${writers} writer(s), round ${round} of ${ROUNDS}`);
      chainedRates.push(await concurrently(writers, APPENDS, chained));
      plainRates.push(await concurrently(writers, APPENDS, plain));
    }
    const chainedRate = median(chainedRates);
    const plainRate = median(plainRates);
    out[`writers${writers}`] = { chainedPerSec: chainedRate, plainInsertPerSec: plainRate, ratio: ratio(chainedRate, plainRate), rounds: { chainedPerSec: chainedRates, plainInsertPerSec: plainRates } };
  }
  const at32 = out.writers32 as { ratio: number };
  out.target = { rule: "chained appends at 32 writers >= 50% of plain inserts", met: at32.ratio >= 0.5 };
  return out;
}

/** Appends a valid chain straight into the table until it holds `size` events. */
async function fillChain(db: Db, size: number, sample: { prevHash: string; canonical: string }[]) {
  const head = await auditHeadState(db);
  let { seq, hash } = head;
  const at = Date.now();
  const started = performance.now();
  while (seq < size) {
    const rows = [];
    for (let n = 0; n < 5000 && seq < size; n++) {
      seq += 1;
      const content = eventContent(seq, seq, hash, new Date(at + seq));
      const canonical = canonicalJson(content);
      if (sample.length < 100_000) sample.push({ prevHash: hash, canonical });
      hash = createHash("sha256").update(hash).update(canonical).digest("hex");
      rows.push(snake({ ...content, hash }));
    }
    await db.execute(sql`INSERT INTO audit_events SELECT * FROM json_populate_recordset(NULL::audit_events, ${JSON.stringify(rows)}::json)`);
  }
  await db.execute(sql`UPDATE audit_head SET seq = ${seq}, hash = ${hash} WHERE id = 1`);
  log(`filled to ${size} events in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** The floor: SHA-256 of prev_hash ‖ canonical bytes, already in memory, nothing else. */
function hashingOnlyRate(sample: { prevHash: string; canonical: string }[]): number {
  const started = performance.now();
  for (const e of sample) createHash("sha256").update(e.prevHash).update(e.canonical).digest("hex");
  return perSec(sample.length, performance.now() - started);
}

/** Canonicalisation plus hashing in memory: what verification costs without the database. */
function inMemoryRate(count: number): number {
  const events = Array.from({ length: count }, (_, i) => eventContent(i, i + 1, "0".repeat(64), new Date()));
  const started = performance.now();
  for (const e of events) auditEventHash(e);
  return perSec(count, performance.now() - started);
}

async function benchVerification(db: Db, kind: DatabaseHandle["kind"]) {
  const sample: { prevHash: string; canonical: string }[] = [];
  const out: Record<string, unknown> = {};
  for (const size of SIZES) {
    log(`${kind}: filling the chain to ${size} events`);
    await fillChain(db, size, sample);
    log(`${kind}: verifying ${size} events`);
    const started = performance.now();
    const result = await verifyAuditChain(db);
    const ms = performance.now() - started;
    if (!result.ok || result.checked !== size) throw new Error(`verification failed: ${JSON.stringify(result)}`);
    const hashing = hashingOnlyRate(sample);
    const rate = perSec(size, ms);
    out[String(size)] = { seconds: Math.round(ms) / 1000, verifyPerSec: rate, hashingOnlyPerSec: hashing, ratio: ratio(rate, hashing), met: rate >= hashing / 2 };
  }
  out.inMemoryCanonicalPlusHashPerSec = inMemoryRate(100_000);
  out.note = "verification runs in the database (lib/services/audit/chain-sql.ts), two pages at once: on PostgreSQL on two connections, on PGlite one after the other";
  out.target = "verification >= 50% of the hashing-only rate (hashing measured over up to 100k of the same events' canonical bytes)";
  return out;
}

async function benchOn(handle: DatabaseHandle, storage: string) {
  await migrate(handle.db);
  // Commit latency bounds chained appends (the head row stays locked until the commit is durable).
  const [settings] = await queryRows<Record<string, string>>(handle.db, sql`SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit`);
  return { storage, settings, appends: await benchAppends(handle.db, handle.kind), verification: await benchVerification(handle.db, handle.kind) };
}

const onPglite = () => onThrowawayPglite("attest-bench", benchOn);

const onPostgres = (url: string) => {
  process.env.DATABASE_POOL_SIZE = "32"; // one connection per writer
  return onThrowawayPostgres(url, "attest-bench", benchOn);
};

async function main() {
  // The load average tells a reader whether other work shared the cores during the run.
  const report: Record<string, unknown> = { node: process.version, cpus: cpus().length, loadAverageAtStart: loadavg()[0], sizes: SIZES };
  report.pglite = await onPglite();
  const url = process.env.DATABASE_URL;
  report.postgres = url ? await onPostgres(url) : { skipped: "set DATABASE_URL to also run on PostgreSQL" };
  report.loadAverageAtEnd = loadavg()[0];
  process.stdout.write(JSON.stringify(report, null, 2) + "\n");
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
