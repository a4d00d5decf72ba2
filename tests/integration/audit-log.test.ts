import { beforeAll, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { ChainVerifier, type ChainedAuditEvent } from "@/lib/domain/audit-chain";
import { emitAudit } from "@/lib/services/audit/emit";
import { exportAuditEvents } from "@/lib/services/audit/export-audit-events";
import { auditHeadState, listAuditEvents, verifyAuditChain, type AuditFilters } from "@/lib/services/audit/queries";
import { withTransaction } from "@/lib/services/context";
import { Forbidden } from "@/lib/services/errors";
import { createModel } from "@/lib/services/models/create-model";
import { headSeq, rejection, rowCount, seedOrganisation, TEST_REQUEST, type Organisation } from "../helpers/fixtures";
import { forEachDatabase } from "../helpers/test-db";

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

// seedDemo writes seq 1-4 user.created, then per model its model.created followed by its versions.
const SEEDED_MODEL_SEQS = [14, 11, 9, 7, 5];
const SEEDED_VERSION_SEQS = [15, 13, 12, 10, 8, 6];

forEachDatabase("audit log", (t) => {
  let org: Organisation;
  beforeAll(async () => {
    org = await seedOrganisation(t.db);
  });

  it("verifies the seeded chain end to end, in one batch or many", async () => {
    const head = await auditHeadState(t.db);
    expect(head.seq).toBe(15);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, checked: 15, headSeq: 15, headHash: head.hash });
    expect(await verifyAuditChain(t.db, 4)).toEqual({ ok: true, checked: 15, headSeq: 15, headHash: head.hash });
  });

  // The seed's events are the only ones by system:seed, so these hold whatever later tests add.
  it("pages newest first with a keyset cursor; pages do not overlap", async () => {
    const seqs: number[][] = [];
    const cursors: (number | null)[] = [];
    let beforeSeq: number | undefined;
    do {
      const page = await listAuditEvents(t.db, { actor: "SYSTEM:seed" }, { beforeSeq, limit: 4 });
      seqs.push(page.events.map((e) => e.seq));
      cursors.push(page.nextBeforeSeq);
      beforeSeq = page.nextBeforeSeq ?? undefined;
    } while (beforeSeq !== undefined);
    expect(seqs).toEqual([[15, 14, 13, 12], [11, 10, 9, 8], [7, 6, 5, 4], [3, 2, 1]]);
    expect(cursors).toEqual([12, 8, 4, null]);
  });

  it("filters by actor, action and entity", async () => {
    const seqsOf = async (filters: AuditFilters) => (await listAuditEvents(t.db, { actor: "system:seed", ...filters }, { limit: 50 })).events.map((e) => e.seq);
    expect(await seqsOf({ action: "model.created" })).toEqual(SEEDED_MODEL_SEQS);
    expect(await seqsOf({ entityType: "model_version" })).toEqual(SEEDED_VERSION_SEQS);
    expect(await seqsOf({ entityType: "user", entityId: org.auditor.actor.userId })).toEqual([4]);
    expect(await seqsOf({ action: "user.created", from: new Date(Date.now() + 60_000) })).toEqual([]);
    expect((await listAuditEvents(t.db, { actor: "nobody@attest.demo" }, { limit: 50 })).events).toEqual([]);
  });

  it("an event emitted in a transaction that then fails is gone with it", async () => {
    const head = await auditHeadState(t.db);
    const events = await rowCount(t.db, auditEvents);
    const failed = withTransaction(org.admin, async (tx) => {
      await emitAudit(tx, org.admin, { action: "user.deactivated", entityType: "user", entityId: org.owner.actor.userId, data: { email: "owner@attest.demo" } });
      throw new Error("the change after the event failed");
    });
    expect((await rejection(failed)).message).toBe("the change after the event failed");
    expect(await auditHeadState(t.db)).toEqual(head);
    expect(await rowCount(t.db, auditEvents)).toBe(events);
  });

  it("refuses an event whose data does not match its action", async () => {
    const before = await headSeq(t.db);
    const bad = { action: "user.deactivated", entityType: "user", entityId: null, data: { mail: "x" } } as never;
    await expect(withTransaction(org.admin, (tx) => emitAudit(tx, org.admin, bad))).rejects.toThrow();
    expect(await headSeq(t.db)).toBe(before);
  });

  it("an export is itself audited and holds exactly the events up to that moment", async () => {
    const throughSeq = await headSeq(t.db);
    const { exportEvent, lines } = await exportAuditEvents(org.auditor, { filters: { action: "model.created" }, format: "jsonl" });
    expect(exportEvent).toMatchObject({ seq: throughSeq + 1, action: "audit.exported", entityType: "audit_log", actorEmail: "auditor@attest.demo" });
    expect(exportEvent.data).toEqual({ format: "jsonl", filters: { action: "model.created" }, count: 5, throughSeq });
    // Registered after the export was requested, before its body is read: not part of it.
    await createModel(org.owner, { name: "Late arrival" });

    const events = (await collect(lines)).map((line) => JSON.parse(line) as ChainedAuditEvent);
    expect(events.map((e) => e.seq)).toEqual([...SEEDED_MODEL_SEQS].reverse());
    const verifier = new ChainVerifier(false);
    for (const event of events) verifier.add(event);
    expect(verifier.result()).toMatchObject({ ok: true, checked: 5 });
  });

  it("a full export re-verifies as a complete chain against the head it names", async () => {
    const { exportEvent, lines } = await exportAuditEvents(org.officer, { filters: {}, format: "jsonl" });
    const verifier = new ChainVerifier(true);
    for (const line of await collect(lines)) verifier.add(JSON.parse(line));
    const { throughSeq } = exportEvent.data as { throughSeq: number };
    expect(verifier.result({ seq: throughSeq, hash: exportEvent.prevHash })).toMatchObject({ ok: true, checked: throughSeq });
  });

  it("a CSV export quotes commas, quotes and newlines, and defuses formulas", async () => {
    const hostile = { ...org.owner, request: { ...TEST_REQUEST, userAgent: `=HYPERLINK("http://evil"),"x"\nline 2` } };
    const model = await createModel(hostile, { name: "Risk, \"quoted\"", slug: "csv-probe", businessUnit: "-2+3" });
    const { lines } = await exportAuditEvents(org.auditor, { filters: { entityType: "model", entityId: model.id }, format: "csv" });
    const [header, row, ...rest] = await collect(lines);
    expect(header).toBe("seq,at,actorEmail,actorRoles,tokenId,action,entityType,entityId,data,requestId,ip,userAgent,prevHash,hash\n");
    expect(rest).toEqual([]);
    const [event] = (await listAuditEvents(t.db, { entityId: model.id }, { limit: 1 })).events;
    expect(row).toBe(
      `${event!.seq},${event!.at},owner@attest.demo,model_owner,,model.created,model,${model.id},` +
        // data with its keys in canonical (sorted) order, as it is stored and hashed.
        `"{""businessUnit"":""-2+3"",""name"":""Risk, \\""quoted\\"""",""ownerEmail"":""owner@attest.demo"",""slug"":""csv-probe"",""tags"":[]}",` +
        `req-test,198.51.100.1,"'=HYPERLINK(""http://evil""),""x""\nline 2",${event!.prevHash},${event!.hash}\n`,
    );
  });

  it("a model owner may not export the audit log", async () => {
    const before = await headSeq(t.db);
    expect(await rejection(exportAuditEvents(org.owner, { filters: {}, format: "jsonl" }))).toBeInstanceOf(Forbidden);
    expect(await headSeq(t.db)).toBe(before);
  });

  it("the chain still verifies after everything above", async () => {
    expect(await verifyAuditChain(t.db, 7)).toMatchObject({ ok: true, checked: await headSeq(t.db) });
  });
});
