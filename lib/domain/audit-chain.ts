import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json";

export const GENESIS_HASH = "0".repeat(64);

/** An audit event as it is hashed and exported: every column but the hash itself. */
export type AuditEventContent = {
  seq: number;
  at: string; // ISO 8601 UTC with milliseconds
  actorId: string | null;
  actorEmail: string;
  actorRoles: string[];
  tokenId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  data: unknown;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  prevHash: string;
};

export type ChainedAuditEvent = AuditEventContent & { hash: string };

/** hash = SHA-256(prev_hash ‖ canonical_json(event without hash)), hex-encoded. */
export function auditEventHash(event: AuditEventContent): string {
  return createHash("sha256").update(event.prevHash).update(canonicalJson(event)).digest("hex");
}

export type ChainVerification = {
  ok: boolean;
  checked: number;
  headSeq: number;
  headHash: string;
  firstBrokenSeq?: number;
  reason?: string;
};

/**
 * Walks events in seq order, carrying state between batches so a million-row log can be checked
 * page by page. `complete` means the events start at seq 1 and must link without gaps; a filtered
 * export is checked event by event and wherever consecutive seqs meet.
 */
export class ChainVerifier {
  private checked = 0;
  private last: { seq: number; hash: string } | null = null;
  private broken: { seq: number; reason: string } | null = null;

  constructor(private readonly complete: boolean) {}

  add(event: ChainedAuditEvent): void {
    if (this.broken) return;
    const { hash, ...content } = event;
    const fail = (reason: string) => (this.broken = { seq: event.seq, reason });
    if (this.complete) {
      const expectedSeq = this.last ? this.last.seq + 1 : 1;
      if (event.seq !== expectedSeq) return void fail(`expected seq ${expectedSeq}, found ${event.seq}`);
    } else if (this.last && event.seq <= this.last.seq) {
      return void fail(`seq ${event.seq} is out of order after ${this.last.seq}`);
    }
    const linked = this.last && this.last.seq + 1 === event.seq;
    const expectedPrev = linked ? this.last!.hash : this.complete ? GENESIS_HASH : null;
    if (expectedPrev !== null && content.prevHash !== expectedPrev) return void fail("prev_hash does not match the previous event's hash");
    if (auditEventHash(content) !== hash) return void fail("hash does not match the event's content");
    this.checked += 1;
    this.last = { seq: event.seq, hash };
  }

  /** `head` is what the database says the chain head is (seq and hash), when it is known. */
  result(head?: { seq: number; hash: string }): ChainVerification {
    const headSeq = this.last?.seq ?? 0;
    const headHash = this.last?.hash ?? GENESIS_HASH;
    if (this.broken) {
      return { ok: false, checked: this.checked, headSeq, headHash, firstBrokenSeq: this.broken.seq, reason: this.broken.reason };
    }
    if (head && (head.seq !== headSeq || head.hash !== headHash)) {
      return { ok: false, checked: this.checked, headSeq, headHash, firstBrokenSeq: Math.min(head.seq, headSeq + 1), reason: "the chain head does not match the last event" };
    }
    return { ok: true, checked: this.checked, headSeq, headHash };
  }
}
