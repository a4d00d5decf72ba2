import { spawnSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditCheckpoints, signingKeys } from "@/db/schema";
import { auditEventHash, type AuditEventContent } from "@/lib/domain/audit-chain";
import { checkpointSignatureValid, CHECKPOINT_STALE_AFTER_MS, keyIdOf, rawPublicKey, signCheckpointStatement } from "@/lib/domain/audit-checkpoint";
import { pdfPages, squeeze } from "@/lib/pdf/test-support";
import { auditHashSql } from "@/lib/services/audit/chain-sql";
import { publishedSigningKeys, toSignedCheckpoint, verifyAuditLog } from "@/lib/services/audit/checkpoint-queries";
import type { TSignedCheckpoint } from "@/lib/domain/audit-checkpoint";
import { CHECKPOINT_MAX_AGE_MS, signCheckpoint, signCheckpointIfDue } from "@/lib/services/audit/checkpoints";
import { emitAudit } from "@/lib/services/audit/emit";
import { exportAuditEvents } from "@/lib/services/audit/export-audit-events";
import { auditHeadState, verifyAuditChain } from "@/lib/services/audit/queries";
import { currentSigningKey } from "@/lib/services/audit/signing-key";
import { withTransaction, type ServiceContext } from "@/lib/services/context";
import { issuePortfolioReport } from "@/lib/services/documents/issue-portfolio-report";
import { createModel } from "@/lib/services/models/create-model";
import { databaseError, headSeq, rejection, seedOrganisation, type Organisation } from "../helpers/fixtures";
import { forEachDatabase } from "../helpers/test-db";

// The generated key is sealed with the app secret; tests must not fall back to a file in .data/.
process.env.NEXTAUTH_SECRET ||= "audit-checkpoints-test-secret";

const SCRIPT = path.resolve(__dirname, "../../scripts/audit-verify.mjs");
let dir: string;
beforeAll(() => void (dir = mkdtempSync(path.join(tmpdir(), "attest-checkpoints-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type ScriptVerdict = {
  ok: boolean;
  checked: number;
  mode: string;
  headSeq: number;
  firstBrokenSeq?: number;
  checkpoints: { ok: boolean; checked: number; keyIds: string[]; pinned?: number; lastGoodSeq?: number; firstFailingSeq?: number; uncoveredSeq?: number; reason?: string };
};

function runVerifier(lines: readonly string[], ...flags: string[]): { status: number | null; verdict: ScriptVerdict; stderr: string } {
  const file = path.join(dir, `export-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(file, lines.join(""));
  const run = spawnSync(process.execPath, [SCRIPT, ...flags, file], { encoding: "utf8" });
  return { status: run.status, verdict: run.stdout ? JSON.parse(run.stdout) : null, stderr: run.stderr };
}

async function exportAll(ctx: ServiceContext): Promise<string[]> {
  const { lines } = await exportAuditEvents(ctx, { filters: {}, format: "jsonl" });
  const out: string[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

async function checkpoints(db: Db) {
  return db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.seq));
}

const TRIGGERS = ["audit_events_no_update_delete", "audit_events_no_truncate"];

/**
 * The attack signed checkpoints exist for: the database owner turns the append-only triggers off,
 * edits an event, recomputes the hash of it and of every later event and moves the head, so that
 * the hash chain alone verifies again.
 */
async function rewriteAndRechain(tx: Db, seq: number) {
  for (const name of TRIGGERS) await tx.execute(sql.raw(`ALTER TABLE audit_events DISABLE TRIGGER ${name}`));
  await tx.execute(sql`UPDATE audit_events SET actor_email = 'someone-else@attest.demo' WHERE seq = ${seq}`);
  const last = await headSeq(tx);
  for (let s = seq; s <= last; s++) {
    await tx.execute(sql`UPDATE audit_events SET prev_hash = coalesce((SELECT hash FROM audit_events WHERE seq = ${s - 1}), prev_hash) WHERE seq = ${s}`);
    await tx.execute(sql`UPDATE audit_events SET hash = ${auditHashSql()} WHERE seq = ${s}`);
  }
  await tx.execute(sql`UPDATE audit_head SET hash = (SELECT hash FROM audit_events WHERE seq = ${last}) WHERE id = 1`);
  for (const name of TRIGGERS) await tx.execute(sql.raw(`ALTER TABLE audit_events ENABLE TRIGGER ${name}`));
}

/** Drops the checkpoints from seq on, as the owner can with the row triggers off (and could with TRUNCATE before migration 0013). */
async function dropCheckpointsFrom(tx: Db, seq: number) {
  await tx.execute(sql`ALTER TABLE audit_checkpoints DISABLE TRIGGER audit_checkpoints_no_update_delete`);
  await tx.execute(sql`DELETE FROM audit_checkpoints WHERE seq >= ${seq}`);
  await tx.execute(sql`ALTER TABLE audit_checkpoints ENABLE TRIGGER audit_checkpoints_no_update_delete`);
}

/** The log going on: one more event line, chained to the export's last, `laterMs` after it. */
function appendEvent(lines: readonly string[], laterMs: number): string[] {
  const last = JSON.parse(lines.at(-1)!) as AuditEventContent & { hash: string };
  const content: AuditEventContent = { ...last, seq: last.seq + 1, at: new Date(Date.parse(last.at) + laterMs).toISOString(), action: "user.signed_in", data: {}, prevHash: last.hash };
  delete (content as { hash?: string }).hash;
  return [...lines, JSON.stringify({ ...content, hash: auditEventHash(content) }) + "\n"];
}

const LATER = CHECKPOINT_STALE_AFTER_MS + 60_000;

/** Runs fn in a transaction that is always rolled back, so each forgery starts from the real log. */
async function inRolledBackTransaction(db: Db, fn: (tx: Db) => Promise<void>) {
  const rolledBack = await rejection(
    db.transaction(async (raw) => {
      await fn(raw as unknown as Db);
      raw.rollback();
    }),
  );
  expect(rolledBack.message).toBe("Rollback");
}

forEachDatabase("signed audit checkpoints", (t) => {
  let org: Organisation;

  beforeAll(async () => {
    org = await seedOrganisation(t.db);
  });

  it("sign the head when a document is issued, in the issuing transaction, with a generated key stored sealed", async () => {
    const before = await headSeq(t.db);
    const { document, bytes } = await issuePortfolioReport(org.auditor);
    const rows = await checkpoints(t.db);
    // One checkpoint of the head the PDF prints (before rendering), one of the document's own event.
    expect(rows.map((r) => r.seq)).toEqual([before, document.auditSeq]);
    expect(document.auditSeq).toBe(before + 1);
    const [key] = await t.db.select().from(signingKeys);
    expect(key!.privateKeyCiphertext).toMatch(/^v1\./);
    expect(key!.privateKeyCiphertext).not.toContain("PRIVATE KEY");
    for (const row of rows) expect(checkpointSignatureValid(toSignedCheckpoint(row), key!.publicKey)).toBe(true);
    const [published] = await publishedSigningKeys(t.db);
    expect(published).toMatchObject({ keyId: key!.id, algorithm: "Ed25519", publicKey: key!.publicKey, current: true });
    expect(published!.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    // The PDF prints the key and the checkpoint of the head before its own event.
    const text = squeeze((await pdfPages(bytes)).join("\n"));
    for (const value of [`key id ${key!.id}`, key!.publicKey, rows[0]!.signature, rows[0]!.headHash]) expect(text).toContain(squeeze(value));
    expect(await verifyAuditLog(t.db)).toMatchObject({ ok: true, chainOk: true, checkpoints: { ok: true, checked: 2, lastGoodSeq: document.auditSeq } });
  });

  it("a checkpoint signed in a transaction that fails is gone with it", async () => {
    const before = await checkpoints(t.db);
    const failed = withTransaction(org.admin, async (tx) => {
      await emitAudit(tx, org.admin, { action: "user.deactivated", entityType: "user", entityId: org.owner.actor.userId, data: { email: "owner@attest.demo" } });
      expect(await signCheckpoint(tx)).toMatchObject({ seq: (await headSeq(tx)) });
      throw new Error("the change after the checkpoint failed");
    });
    expect((await rejection(failed)).message).toBe("the change after the checkpoint failed");
    expect(await checkpoints(t.db)).toEqual(before);
  });

  it("the background step signs only when the log grew and the newest checkpoint is old enough", async () => {
    const due = (now: Date) => t.db.transaction((tx) => signCheckpointIfDue(tx as unknown as Db, now));
    const newest = (await checkpoints(t.db)).at(-1)!;
    const later = (ms: number) => new Date(newest.signedAt.getTime() + ms);
    expect(await due(later(2 * CHECKPOINT_MAX_AGE_MS))).toBeNull(); // the log has not grown
    await createModel(org.owner, { name: "Checkpointed model" });
    expect(await due(later(CHECKPOINT_MAX_AGE_MS - 60_000))).toBeNull(); // grown, but signed recently
    const made = await due(later(CHECKPOINT_MAX_AGE_MS));
    expect(made).toMatchObject({ seq: await headSeq(t.db), signedAt: later(CHECKPOINT_MAX_AGE_MS) });
    expect(await due(later(3 * CHECKPOINT_MAX_AGE_MS))).toBeNull(); // not grown since
    // Several instances signing the same head: the first checkpoint stands.
    const again = await t.db.transaction((tx) => signCheckpoint(tx as unknown as Db, later(4 * CHECKPOINT_MAX_AGE_MS)));
    expect(again).toEqual(made);
  });

  it("detect a history rewritten and re-chained, at the first checkpoint after the rewritten event", async () => {
    // Checkpoints so far: before the report, at its event, and at the model created after it.
    const cps = await checkpoints(t.db);
    expect(cps).toHaveLength(3);
    const [, first, second] = cps;
    const target = first!.seq + 1; // the model.created event
    await inRolledBackTransaction(t.db, async (tx) => {
      await rewriteAndRechain(tx, target);
      // The hash chain alone is fooled…
      expect(await verifyAuditChain(tx)).toMatchObject({ ok: true });
      // …the checkpoints are not: the first one signed after the rewritten event fails.
      const verdict = await verifyAuditLog(tx);
      expect(verdict).toMatchObject({
        ok: false,
        chainOk: true,
        checkpoints: { ok: false, checked: 2, lastGoodSeq: first!.seq, firstFailingSeq: second!.seq },
      });
      expect(verdict.checkpoints.reason).toBe(`the chain's hash at seq ${second!.seq} is not the one signed at ${second!.signedAt.toISOString()}: history after checkpoint ${first!.seq} was rewritten`);
    });
    expect(await verifyAuditLog(t.db)).toMatchObject({ ok: true });
  });

  it("detect a forged checkpoint (a signature that does not match)", async () => {
    await inRolledBackTransaction(t.db, async (tx) => {
      const seq = await headSeq(tx);
      await createModel({ ...org.owner, db: tx }, { name: "Unchecked model" });
      // A forger without the private key can only copy a signature from another checkpoint.
      const real = (await checkpoints(tx)).at(-1)!;
      const { seq: head, hash } = await auditHeadState(tx);
      await tx.insert(auditCheckpoints).values({ seq: head, headHash: hash, signedAt: new Date(), keyId: real.keyId, signature: real.signature });
      expect(await verifyAuditLog(tx)).toMatchObject({ ok: false, chainOk: true, checkpoints: { firstFailingSeq: head, reason: `checkpoint ${head}: the signature does not match (key ${real.keyId})` } });
      expect(seq).toBeLessThan(head);
    });
  });

  it("the standalone verifier checks the checkpoints an unfiltered export carries, against a key given with --key", async () => {
    const lines = await exportAll(org.auditor);
    const records = lines.filter((l) => l.includes('"record":'));
    const keyLine = JSON.parse(records[0]!);
    const cps = await checkpoints(t.db);
    expect(keyLine).toMatchObject({ record: "signing_key", algorithm: "Ed25519" });
    expect(records.slice(1).map((l) => JSON.parse(l).seq)).toEqual(cps.map((c) => c.seq));
    const good = runVerifier(lines, "--complete", "--key", keyLine.publicKey);
    expect(good.verdict).toMatchObject({ ok: true, mode: "complete", checkpoints: { ok: true, checked: cps.length, keyIds: [keyLine.keyId], lastGoodSeq: cps.at(-1)!.seq } });
    expect(good.status).toBe(0);

    const stranger = rawPublicKey(generateKeyPairSync("ed25519").publicKey).toString("base64");
    const untrusted = runVerifier(lines, "--key", stranger);
    expect(untrusted.status).toBe(1);
    expect(untrusted.verdict.checkpoints).toMatchObject({ ok: false, firstFailingSeq: cps[0]!.seq, reason: `checkpoint ${cps[0]!.seq} is signed by key ${keyLine.keyId}, which is not a key given with --key` });
    expect(keyIdOf(Buffer.from(stranger, "base64"))).not.toBe(keyLine.keyId);

    // Events cut from the end of a complete export: the last checkpoint is past the file's end.
    const cut = runVerifier(lines.filter((l) => l.includes('"record":') || JSON.parse(l).seq < cps.at(-1)!.seq), "--complete");
    expect(cut.status).toBe(1);
    expect(cut.verdict).toMatchObject({ ok: false, checkpoints: { firstFailingSeq: cps.at(-1)!.seq, reason: `checkpoint ${cps.at(-1)!.seq} is past the last event of the export: events were removed from the end` } });

    // A checkpoint line after the events is a malformed file, named by its line.
    const misplaced = runVerifier([...lines.filter((l) => !l.includes('"record":"checkpoint"')), records[1]!]);
    expect(misplaced.status).toBe(2);
    expect(misplaced.stderr).toMatch(/must come before the first event/);
  });

  it("the standalone verifier detects the rewritten and re-chained history in an export", async () => {
    const cps = await checkpoints(t.db);
    const target = cps[1]!.seq + 1;
    let lines: string[] = [];
    await inRolledBackTransaction(t.db, async (tx) => {
      await rewriteAndRechain(tx, target);
      lines = await exportAll({ ...org.auditor, db: tx });
    });
    const { status, verdict } = runVerifier(lines, "--complete");
    expect(status).toBe(1);
    // Every event verifies: only the checkpoints tell.
    expect(verdict).toMatchObject({ ok: false, mode: "complete", checkpoints: { ok: false, checked: 2, lastGoodSeq: cps[1]!.seq, firstFailingSeq: cps[2]!.seq } });
    expect(verdict.firstBrokenSeq).toBeUndefined();
    expect(verdict.checkpoints.reason).toMatch(/history after checkpoint \d+ was rewritten$/);
  });

  it("refuse to reuse a stored checkpoint that does not state the head, or whose signature does not hold", async () => {
    // A row planted for a future seq: once the log reaches it, signing must not return it as ours.
    await inRolledBackTransaction(t.db, async (tx) => {
      const real = (await checkpoints(tx)).at(-1)!;
      const next = (await headSeq(tx)) + 1;
      await tx.insert(auditCheckpoints).values({ seq: next, headHash: "f".repeat(64), signedAt: new Date(), keyId: real.keyId, signature: real.signature });
      await createModel({ ...org.owner, db: tx }, { name: "Planted for" });
      expect(await headSeq(tx)).toBe(next);
      expect((await rejection(signCheckpoint(tx))).message).toBe(`the stored checkpoint at seq ${next} does not hold for the chain's head (hash or signature): the audit checkpoints were tampered with`);
    });
    // The right head hash with a copied signature fails the same way.
    await inRolledBackTransaction(t.db, async (tx) => {
      const real = (await checkpoints(tx)).at(-1)!;
      await createModel({ ...org.owner, db: tx }, { name: "Planted with the head" });
      const head = await auditHeadState(tx);
      await tx.insert(auditCheckpoints).values({ seq: head.seq, headHash: head.hash, signedAt: new Date(), keyId: real.keyId, signature: real.signature });
      expect((await rejection(signCheckpoint(tx))).message).toMatch(/^the stored checkpoint at seq \d+ does not hold/);
    });
  });

  it("detect a checkpoint signed by a key stored under an id that is not its own", async () => {
    await inRolledBackTransaction(t.db, async (tx) => {
      const forger = generateKeyPairSync("ed25519");
      const id = "0123456789abcdef";
      await tx.insert(signingKeys).values({ id, publicKey: rawPublicKey(forger.publicKey).toString("base64"), privateKeyCiphertext: null });
      await createModel({ ...org.owner, db: tx }, { name: "Signed by a forger" });
      const head = await auditHeadState(tx);
      const signed = signCheckpointStatement({ seq: head.seq, headHash: head.hash, signedAt: new Date().toISOString(), keyId: id }, forger.privateKey);
      await tx.insert(auditCheckpoints).values({ ...signed, signedAt: new Date(signed.signedAt) });
      expect(await verifyAuditLog(tx)).toMatchObject({ ok: false, chainOk: true, checkpoints: { firstFailingSeq: head.seq, reason: `key id ${id} is not the SHA-256 of its public key` } });
    });
  });

  it("detect checkpoints that stopped: history rewritten from some seq and every checkpoint from there dropped", async () => {
    const cps = await checkpoints(t.db);
    await inRolledBackTransaction(t.db, async (tx) => {
      await signCheckpoint(tx); // the head is covered: the genuine log is fine however late it is checked
      const later = new Date(Date.now() + LATER);
      expect(await verifyAuditLog(tx, later)).toMatchObject({ ok: true });
      const kept = cps[1]!;
      await rewriteAndRechain(tx, kept.seq + 1);
      await dropCheckpointsFrom(tx, kept.seq + 1);
      // Every remaining checkpoint holds, and just after the rewrite that is all one can tell…
      expect(await verifyAuditLog(tx)).toMatchObject({ ok: true, checkpoints: { ok: true, lastGoodSeq: kept.seq } });
      // …but no checkpoint comes any more: an hour on, the log says so.
      const verdict = await verifyAuditLog(tx, later);
      expect(verdict).toMatchObject({ ok: false, chainOk: true, checkpoints: { ok: false, lastGoodSeq: kept.seq, uncoveredSeq: kept.seq + 1 } });
      expect(verdict.checkpoints.firstFailingSeq).toBeUndefined();
      expect(verdict.checkpoints.reason).toMatch(new RegExp(`^no signed checkpoint covers seq ${kept.seq + 1} .* and the newest checkpoint is at seq ${kept.seq}: checkpoints stopped, or were removed$`));
    });
  });

  it("refuse TRUNCATE on checkpoints and signing keys (migration 0013)", async () => {
    for (const [statement, table] of [["TRUNCATE audit_checkpoints", "audit_checkpoints"], ["TRUNCATE audit_checkpoints, signing_keys", "audit_checkpoints"], ["TRUNCATE signing_keys CASCADE", "signing_keys"]] as const) {
      const error = databaseError(await rejection(t.db.execute(sql.raw(statement))));
      expect(error.message, statement).toMatch(new RegExp(`^(${table}|audit_checkpoints|signing_keys) rows are immutable: TRUNCATE is not allowed$`));
    }
    expect((await checkpoints(t.db)).length).toBeGreaterThan(0);
  });

  it("the standalone verifier checks a checkpoint with the key given with --key, never with the file's copy", async () => {
    const lines = await exportAll(org.auditor);
    const keyLine = JSON.parse(lines.find((l) => l.includes('"record":"signing_key"'))!);
    // Without the file's key lines, the given key alone verifies every checkpoint.
    const withoutKeys = lines.filter((l) => !l.includes('"record":"signing_key"'));
    const pinned = runVerifier(withoutKeys, "--complete", "--key", keyLine.publicKey);
    expect(pinned.verdict).toMatchObject({ ok: true, checkpoints: { ok: true, keyIds: [keyLine.keyId] } });
    expect(runVerifier(withoutKeys, "--complete").verdict.checkpoints).toMatchObject({ ok: false, reason: expect.stringMatching(/signed by an unknown key/) });
    // A file whose key line carries other bytes under the given key's id (and checkpoints signed with those) is refused.
    const forger = generateKeyPairSync("ed25519");
    const swapped = lines.map((line) => {
      const record = JSON.parse(line);
      if (record.record === "signing_key") return JSON.stringify({ ...record, publicKey: rawPublicKey(forger.publicKey).toString("base64") }) + "\n";
      if (record.record === "checkpoint") return JSON.stringify({ record: "checkpoint", ...signCheckpointStatement({ seq: record.seq, headHash: record.headHash, signedAt: record.signedAt, keyId: record.keyId }, forger.privateKey) }) + "\n";
      return line;
    });
    const refused = runVerifier(swapped, "--complete", "--key", keyLine.publicKey);
    expect(refused.status).toBe(1);
    expect(refused.verdict.checkpoints.reason).toMatch(new RegExp(`is signed by key ${keyLine.keyId}, which is not a key given with --key$`));
  });

  it("the standalone verifier detects dropped checkpoints: by a --checkpoint pin, and by checkpoints that stopped", async () => {
    let genuine: string[] = [];
    let forged: string[] = [];
    let kept!: TSignedCheckpoint;
    let dropped!: TSignedCheckpoint;
    await inRolledBackTransaction(t.db, async (tx) => {
      await signCheckpoint(tx);
      genuine = await exportAll({ ...org.auditor, db: tx });
      const cps = (await checkpoints(tx)).map(toSignedCheckpoint);
      [kept, dropped] = [cps[1]!, cps[2]!];
      await rewriteAndRechain(tx, kept.seq + 1);
      await dropCheckpointsFrom(tx, kept.seq + 1);
      forged = await exportAll({ ...org.auditor, db: tx });
    });
    const pin = `${dropped.seq}:${dropped.headHash}`;
    // The genuine log: the pin holds, and its head is covered however much later the next event comes.
    const good = runVerifier(appendEvent(genuine, LATER), "--complete", "--checkpoint", pin, "--checkpoint", `${kept.seq}:${kept.headHash}`);
    expect(good.verdict).toMatchObject({ ok: true, checkpoints: { ok: true, pinned: 2 } });
    expect(good.status).toBe(0);
    // The forgery verifies on its own right after the rewrite…
    expect(runVerifier(forged, "--complete").verdict).toMatchObject({ ok: true, checkpoints: { ok: true, lastGoodSeq: kept.seq } });
    // …not against a checkpoint printed in a PDF the auditor holds…
    const pinnedRun = runVerifier(forged, "--complete", "--checkpoint", pin);
    expect(pinnedRun.status).toBe(1);
    expect(pinnedRun.verdict.checkpoints).toMatchObject({ ok: false, firstFailingSeq: dropped.seq, reason: `the chain's hash at seq ${dropped.seq} is not the one given with --checkpoint: history was rewritten` });
    // …and not once the log has gone on for more than an hour without a checkpoint.
    const stale = runVerifier(appendEvent(forged, LATER), "--complete");
    expect(stale.status).toBe(1);
    expect(stale.verdict.checkpoints).toMatchObject({ ok: false, lastGoodSeq: kept.seq, uncoveredSeq: kept.seq + 1, reason: expect.stringMatching(/checkpoints stopped, or were removed$/) });
    // A pin past the end of a complete export, and a malformed pin.
    const beyond = runVerifier(genuine, "--complete", "--checkpoint", `${JSON.parse(genuine.at(-1)!).seq + 5}:${"a".repeat(64)}`);
    expect(beyond.verdict.checkpoints.reason).toMatch(/has no event at seq \d+ to check the checkpoint given with --checkpoint against: events were removed from the end$/);
    const malformed = runVerifier(genuine, "--checkpoint", "12:not-a-hash");
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toMatch(/--checkpoint takes <seq>:<headHash>/);
  });
});

forEachDatabase("the checkpoint signing key", (t) => {
  afterAll(() => void delete process.env.ATTEST_SIGNING_KEY);

  it("is generated once when several instances use it for the first time at once", async () => {
    // On PostgreSQL the four transactions (four pooled connections) all start before any of them
    // looks for the key; PGlite runs transactions one at a time, so there nobody waits.
    const parties = t.kind === "postgres" ? 4 : 1;
    let arrived = 0;
    let release!: () => void;
    const everyone = new Promise<void>((resolve) => (release = resolve));
    const firstUse = () =>
      t.db.transaction(async (raw) => {
        const tx = raw as unknown as Db;
        await tx.execute(sql`SELECT 1`);
        if (++arrived >= parties) release();
        await everyone;
        return (await currentSigningKey(tx)).id;
      });
    const ids = await Promise.all(Array.from({ length: 4 }, firstUse));
    expect(new Set(ids).size).toBe(1);
    expect(await t.db.select({ id: signingKeys.id }).from(signingKeys)).toEqual([{ id: ids[0] }]);
  });

  it("when configured (ATTEST_SIGNING_KEY), is used and only its public half is stored; old keys stay published", async () => {
    const { privateKey } = generateKeyPairSync("ed25519");
    process.env.ATTEST_SIGNING_KEY = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    const id = keyIdOf(rawPublicKey(privateKey));
    const key = await t.db.transaction((tx) => currentSigningKey(tx as unknown as Db));
    expect(key.id).toBe(id);
    const [row] = await t.db.select().from(signingKeys).where(eq(signingKeys.id, id));
    expect(row).toMatchObject({ publicKey: rawPublicKey(privateKey).toString("base64"), privateKeyCiphertext: null });
    // Base64 DER works too, and registering again is harmless.
    process.env.ATTEST_SIGNING_KEY = privateKey.export({ format: "der", type: "pkcs8" }).toString("base64");
    expect((await t.db.transaction((tx) => currentSigningKey(tx as unknown as Db))).id).toBe(id);
    expect((await publishedSigningKeys(t.db)).map((k) => k.keyId).sort()).toEqual([id, (await t.db.select().from(signingKeys)).find((k) => k.id !== id)!.id].sort());
  });
});
