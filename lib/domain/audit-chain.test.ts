import { describe, expect, it } from "vitest";
import { auditEventHash, ChainVerifier, GENESIS_HASH, type AuditEventContent, type ChainedAuditEvent } from "./audit-chain";
import { canonicalJson } from "./canonical-json";

const first: AuditEventContent = {
  seq: 1,
  at: "2026-01-31T09:30:00.000Z",
  actorId: null,
  actorEmail: "system:seed",
  actorRoles: [],
  tokenId: null,
  action: "user.created",
  entityType: "user",
  entityId: "0b6f3c1e-8a4d-4f6e-9c2a-3d5e7f9a1b2c",
  data: { email: "ana@bank.eu", name: "Ana Admin", roles: ["admin"], auditorExpiresAt: null, via: "seed" },
  requestId: null,
  ip: null,
  userAgent: null,
  prevHash: GENESIS_HASH,
};

// Written out by hand, and hashed once outside this code base:
//   printf '%s' "$prevHash$canonical" | sha256sum
const FIRST_CANONICAL =
  '{"action":"user.created","actorEmail":"system:seed","actorId":null,"actorRoles":[],"at":"2026-01-31T09:30:00.000Z",' +
  '"data":{"auditorExpiresAt":null,"email":"ana@bank.eu","name":"Ana Admin","roles":["admin"],"via":"seed"},' +
  '"entityId":"0b6f3c1e-8a4d-4f6e-9c2a-3d5e7f9a1b2c","entityType":"user","ip":null,' +
  '"prevHash":"0000000000000000000000000000000000000000000000000000000000000000","requestId":null,"seq":1,"tokenId":null,"userAgent":null}';
const FIRST_HASH = "5c0dc723a44b3630c1095db06fc046bcec5bf26956d27c535bcd18a60b5d8a55";

// A user acting through a token, with request facts and non-ASCII text (hashed as UTF-8).
const second: AuditEventContent = {
  seq: 2,
  at: "2026-01-31T09:31:05.250Z",
  actorId: "5d2a9e7b-1c3f-4a8e-b6d0-2f4c6e8a0b1d",
  actorEmail: "chloe@bank.eu",
  actorRoles: ["model_owner"],
  tokenId: "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f",
  action: "model.created",
  entityType: "model",
  entityId: "9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4",
  data: { slug: "credit-scoring", name: "Crédit scoring", ownerEmail: "chloe@bank.eu", businessUnit: "Retail Lending", tags: ["credit", "tabular"] },
  requestId: "req-42",
  ip: "203.0.113.7",
  userAgent: "curl/8.5.0",
  prevHash: FIRST_HASH,
};
const SECOND_HASH = "b4f1146d97ee08842a11d10819f7b36fef27e374dea8a65984b0c8d3bd1f68d3";

describe("auditEventHash", () => {
  it("hashes the canonical JSON of the event without its hash", () => {
    expect(canonicalJson(first)).toBe(FIRST_CANONICAL);
    expect(auditEventHash(first)).toBe(FIRST_HASH);
  });

  it("chains: the next event's hash covers the previous hash", () => {
    expect(auditEventHash(second)).toBe(SECOND_HASH);
  });

  it("changes when any field changes", () => {
    expect(auditEventHash({ ...first, data: { ...(first.data as object), name: "Ana  Admin" } })).not.toBe(FIRST_HASH);
    expect(auditEventHash({ ...first, at: "2026-01-31T09:30:00.001Z" })).not.toBe(FIRST_HASH);
  });
});

/** A valid chain seq 1..n, built with the function under test (its values are pinned above). */
function chain(n: number): ChainedAuditEvent[] {
  const events: ChainedAuditEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const content: AuditEventContent = { ...first, seq, entityId: `user-${seq}`, at: `2026-02-01T10:00:0${seq}.000Z`, prevHash };
    const hash = auditEventHash(content);
    events.push({ ...content, hash });
    prevHash = hash;
  }
  return events;
}

/** Re-hashes an edited event, as someone rewriting history would. */
function rehashed(event: ChainedAuditEvent, change: Partial<AuditEventContent>): ChainedAuditEvent {
  const { hash: _, ...content } = { ...event, ...change };
  return { ...content, hash: auditEventHash(content) };
}

function verify(events: ChainedAuditEvent[], complete: boolean, head?: { seq: number; hash: string }) {
  const verifier = new ChainVerifier(complete);
  for (const event of events) verifier.add(event);
  return verifier.result(head);
}

describe("ChainVerifier, complete chain", () => {
  it("accepts a valid chain and reports its head", () => {
    const events = chain(5);
    expect(verify(events, true, { seq: 5, hash: events[4]!.hash })).toEqual({ ok: true, checked: 5, headSeq: 5, headHash: events[4]!.hash });
  });

  it("accepts an empty log whose head is the genesis", () => {
    expect(verify([], true, { seq: 0, hash: GENESIS_HASH })).toEqual({ ok: true, checked: 0, headSeq: 0, headHash: GENESIS_HASH });
  });

  it("names the seq whose data was edited", () => {
    const events = chain(5);
    events[2] = { ...events[2]!, data: { email: "mallory@bank.eu" } };
    expect(verify(events, true)).toMatchObject({ ok: false, checked: 2, firstBrokenSeq: 3, reason: "hash does not match the event's content" });
  });

  it("names the seq where a deleted event leaves a gap", () => {
    const events = chain(5);
    events.splice(2, 1); // seq 3 is gone
    expect(verify(events, true)).toMatchObject({ ok: false, checked: 2, firstBrokenSeq: 4, reason: "expected seq 3, found 4" });
  });

  it("names the seq whose rewritten event no longer links to the one before", () => {
    const events = chain(5);
    events[3] = rehashed(events[3]!, { prevHash: "f".repeat(64) });
    expect(verify(events, true)).toMatchObject({ ok: false, checked: 3, firstBrokenSeq: 4, reason: "prev_hash does not match the previous event's hash" });
  });

  it("catches a rewritten event by the link from the next one", () => {
    const events = chain(5);
    events[1] = rehashed(events[1]!, { actorEmail: "mallory@bank.eu" });
    expect(verify(events, true)).toMatchObject({ ok: false, firstBrokenSeq: 3, reason: "prev_hash does not match the previous event's hash" });
  });

  it("requires the first event to start from the genesis hash", () => {
    const events = chain(2);
    events[0] = rehashed(events[0]!, { prevHash: "a".repeat(64) });
    expect(verify(events, true)).toMatchObject({ ok: false, checked: 0, firstBrokenSeq: 1 });
  });

  it("reports events cut off at the end when the head says there were more", () => {
    const events = chain(5);
    const head = { seq: 5, hash: events[4]!.hash };
    expect(verify(events.slice(0, 3), true, head)).toEqual({
      ok: false,
      checked: 3,
      headSeq: 3,
      headHash: events[2]!.hash,
      firstBrokenSeq: 4,
      reason: "the chain head does not match the last event",
    });
  });

  it("reports a head whose hash differs from the last event's", () => {
    const events = chain(3);
    expect(verify(events, true, { seq: 3, hash: "e".repeat(64) })).toMatchObject({ ok: false, firstBrokenSeq: 3, reason: "the chain head does not match the last event" });
  });
});

describe("ChainVerifier, filtered export (complete = false)", () => {
  it("accepts non-consecutive events, each checked against its own prev_hash", () => {
    const events = chain(8);
    const picked = [events[1]!, events[4]!, events[5]!, events[7]!]; // seqs 2, 5, 6, 8
    expect(verify(picked, false)).toEqual({ ok: true, checked: 4, headSeq: 8, headHash: events[7]!.hash });
  });

  it("still catches an edited event", () => {
    const events = chain(8);
    const picked = [events[1]!, { ...events[4]!, entityId: "user-99" }, events[7]!];
    expect(verify(picked, false)).toMatchObject({ ok: false, checked: 1, firstBrokenSeq: 5, reason: "hash does not match the event's content" });
  });

  it("checks the link where consecutive seqs meet", () => {
    const events = chain(8);
    // seq 5 rewritten with its own consistent hash: alone it passes, but seq 6 no longer links to it.
    const picked = [events[1]!, rehashed(events[4]!, { prevHash: "b".repeat(64) }), events[5]!];
    expect(verify(picked, false)).toMatchObject({ ok: false, checked: 2, firstBrokenSeq: 6, reason: "prev_hash does not match the previous event's hash" });
  });

  it("refuses events out of order", () => {
    const events = chain(4);
    expect(verify([events[2]!, events[1]!], false)).toMatchObject({ ok: false, firstBrokenSeq: 2, reason: "seq 2 is out of order after 3" });
  });
});
