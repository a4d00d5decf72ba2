import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrate } from "@/db/migrate";
import { DEMO_USERS, seedDemo } from "@/db/seed";
import { auditEventHash, GENESIS_HASH, type AuditEventContent } from "@/lib/domain/audit-chain";
import { exportAuditEvents } from "@/lib/services/audit/export-audit-events";
import type { AuditFilters } from "@/lib/services/audit/queries";
import { NO_REQUEST, type ServiceContext } from "@/lib/services/context";
import { createUser } from "@/lib/services/users/create-user";

const SCRIPT = path.resolve(__dirname, "audit-verify.mjs");
let handle: DatabaseHandle;
let ctx: ServiceContext;
let dir: string;

type Verdict = { ok: boolean; checked: number; mode: string; headSeq: number; headHash: string; firstBrokenSeq?: number; reason?: string };

function verifyFile(lines: string[], ...flags: string[]): { status: number | null; verdict: Verdict; stderr: string } {
  const file = path.join(dir, `export-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(file, lines.join(""));
  const run = spawnSync(process.execPath, [SCRIPT, ...flags, file], { encoding: "utf8" });
  return { status: run.status, verdict: run.stdout ? JSON.parse(run.stdout) : null, stderr: run.stderr };
}

async function exportLines(filters: AuditFilters): Promise<string[]> {
  const { lines } = await exportAuditEvents(ctx, { filters, format: "jsonl" });
  const out: string[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "attest-verify-"));
  handle = await openDatabase({});
  await migrate(handle.db);
  await seedDemo(handle.db);
  ctx = { db: handle.db, actor: { kind: "system", name: "test" }, request: NO_REQUEST };
  // A user created after the models, so that a user.created export has a gap in its seqs.
  await createUser(ctx, { email: "late@attest.demo", name: "Late Comer", roles: ["auditor"], password: "a-long-enough-password" });
});

afterAll(async () => {
  await handle?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("scripts/audit-verify.mjs", () => {
  it("accepts a complete export and reports its head", async () => {
    const lines = await exportLines({});
    const last = JSON.parse(lines.at(-1)!);
    const { status, verdict } = verifyFile(lines);
    // The demo issues no document, so the export carries no checkpoint.
    expect(verdict).toEqual({ ok: true, checked: lines.length, mode: "complete", headSeq: last.seq, headHash: last.hash, checkpoints: { ok: true, checked: 0, keyIds: [] } });
    expect(status).toBe(0);
    expect(verifyFile(lines, "--complete").status).toBe(0);
  });

  it("accepts a filtered export in filtered mode", async () => {
    const lines = await exportLines({ action: "user.created" });
    expect(lines).toHaveLength(DEMO_USERS.length + 1);
    const { status, verdict } = verifyFile(lines);
    expect(verdict).toMatchObject({ ok: true, checked: lines.length, mode: "filtered" });
    expect(status).toBe(0);
  });

  it("names the seq of an event whose data was changed by one character", async () => {
    const lines = await exportLines({});
    const i = Math.floor(lines.length / 2);
    const target = JSON.parse(lines[i]!);
    const key = Object.keys(target.data).find((k) => typeof target.data[k] === "string" && target.data[k])!;
    const value: string = target.data[key];
    const flipped = value.slice(0, -1) + (value.endsWith("x") ? "y" : "x");
    const tampered = JSON.stringify({ ...target, data: { ...target.data, [key]: flipped } }) + "\n";
    const { status, verdict } = verifyFile([...lines.slice(0, i), tampered, ...lines.slice(i + 1)]);
    expect(status).toBe(1);
    expect(verdict).toMatchObject({ ok: false, firstBrokenSeq: target.seq, reason: "hash does not match the event's content", headSeq: target.seq - 1 });
  });

  it("names the seq after a gap in an export declared complete", async () => {
    const lines = await exportLines({});
    const missing = JSON.parse(lines[3]!).seq;
    const { status, verdict } = verifyFile([...lines.slice(0, 3), ...lines.slice(4)], "--complete");
    expect(status).toBe(1);
    expect(verdict).toMatchObject({ ok: false, mode: "complete", firstBrokenSeq: missing + 1 });
    // Without --complete the same file reads as a filtered export: a file alone cannot tell.
    expect(verifyFile([...lines.slice(0, 3), ...lines.slice(4)]).verdict).toMatchObject({ ok: true, mode: "filtered" });
  });

  it("catches an event rewritten with a recomputed hash at the next link", async () => {
    const lines = await exportLines({});
    const { hash, ...content } = JSON.parse(lines[2]!) as AuditEventContent & { hash: string };
    const rewritten = { ...content, data: { ...(content.data as object), name: "Someone Else" } };
    const forged = JSON.stringify({ ...rewritten, hash: auditEventHash(rewritten) }) + "\n";
    const { status, verdict } = verifyFile([...lines.slice(0, 2), forged, ...lines.slice(3)]);
    expect(status).toBe(1);
    expect(verdict).toMatchObject({ firstBrokenSeq: content.seq + 1, headSeq: content.seq });
    expect(hash).not.toBe(auditEventHash(rewritten));
  });

  it("in an export of the whole log, fails when an event waited more than 65 minutes for a checkpoint", () => {
    // A chain of events at the given minutes past 09:00, and no checkpoint at all.
    const chainAt = (minutes: number[]) => {
      let prevHash = GENESIS_HASH;
      return minutes.map((m, i) => {
        const content: AuditEventContent = {
          seq: i + 1, at: new Date(Date.UTC(2026, 0, 31, 9, m)).toISOString(), actorId: null, actorEmail: "system:test", actorRoles: [], tokenId: null,
          action: "test.event", entityType: "test", entityId: String(i), data: {}, requestId: null, ip: null, userAgent: null, prevHash,
        };
        prevHash = auditEventHash(content);
        return JSON.stringify({ ...content, hash: prevHash }) + "\n";
      });
    };
    const stale = verifyFile(chainAt([0, 30, 66]), "--complete");
    expect(stale.status).toBe(1);
    expect(stale.verdict).toMatchObject({
      ok: false,
      mode: "complete",
      checkpoints: { ok: false, checked: 0, uncoveredSeq: 1, reason: "no signed checkpoint covers seq 1 (2026-01-31T09:00:00.000Z), 66 minutes older than the last event, and there is no checkpoint at all: checkpoints stopped, or were removed" },
    });
    expect(verifyFile(chainAt([0, 30, 65]), "--complete").verdict).toMatchObject({ ok: true, checkpoints: { ok: true } });
    // Without --complete and without checkpoint lines the file may be an export up to a date: not checked.
    expect(verifyFile(chainAt([0, 30, 66])).verdict).toMatchObject({ ok: true, mode: "complete" });
    // An event without a valid time is a malformed line.
    const timeless = chainAt([0]).map((l) => l.replace(/"at":"[^"]*"/, '"at":"yesterday"'));
    expect(verifyFile(timeless).stderr).toMatch(/line 1: at must be an ISO 8601 time/);
  });

  it("exits 2 naming the line that is not JSON", async () => {
    const lines = await exportLines({});
    const { status, stderr } = verifyFile([lines[0]!, "{not json\n", ...lines.slice(1)]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/line 2 is not JSON/);
  });

  it("hashes tricky values exactly as lib/domain/canonical-json does", () => {
    // Each value goes in its own event, so a disagreement names the value's seq.
    const tricky: unknown[] = [
      { z: 1, Z: 2, é: 3, "😀": 4, "～": 5, "": 6, a: { c: [3, { y: null, x: true }], b: [] } }, // UTF-16 order: 😀 (D83D) before ～ (FF5E)
      [1e21, 1e-7, 5e-324, 1.7976931348623157e308, -1.5, 0.1 + 0.2, 123456789012, -0],
      'quotes " and \\ backslash, \n newline, \t tab, \u0001 control, \u2028 separator, \ud800 lone surrogate',
      JSON.parse('{"__proto__": {"polluted": true}, "constructor": "x"}'),
      { emptyObject: {}, emptyString: "", zero: 0, false: false, nested: [[[]], [null]] },
      { dropped: undefined, kept: null },
    ];
    let prevHash = GENESIS_HASH;
    const lines = tricky.map((data, i) => {
      const content: AuditEventContent = {
        seq: i + 1, at: "2026-01-31T09:30:00.000Z", actorId: null, actorEmail: "system:test", actorRoles: ["b", "a"], tokenId: null,
        action: "test.tricky", entityType: "test", entityId: String(i), data, requestId: "réq", ip: "::1", userAgent: null, prevHash,
      };
      const hash = auditEventHash(content);
      prevHash = hash;
      return JSON.stringify({ ...content, hash }) + "\n";
    });
    const { status, verdict } = verifyFile(lines, "--complete");
    expect(verdict).toMatchObject({ ok: true, checked: tricky.length, mode: "complete" });
    expect(status).toBe(0);
  });
});
