import { createHash } from "node:crypto";

/**
 * How the audit log names a receiver: its origin and the SHA-256 of the whole URL, never the URL
 * itself (a path or query can be a capability that lets anyone post to the receiver). The hash
 * tells whether two events name the same URL, and lets whoever knows a URL confirm it.
 */
export function auditedReceiver(url: string): { origin: string; urlSha256: string } {
  return { origin: new URL(url).origin, urlSha256: createHash("sha256").update(url, "utf8").digest("hex") };
}
