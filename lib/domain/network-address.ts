import { BlockList, isIP } from "node:net";

/**
 * Addresses an outgoing request from Attest must not reach unless an operator allows it
 * (ATTEST_WEBHOOK_ALLOW_PRIVATE): this host and the networks behind it. Otherwise a webhook URL
 * would let an admin make the server call its own internal services (169.254.169.254, a
 * database's HTTP port, an intranet name) and read their answers off the delivery log.
 * IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) are checked as the IPv4 address they carry.
 */
const NOT_PUBLIC: readonly (readonly [string, number, "ipv4" | "ipv6"])[] = [
  ["0.0.0.0", 8, "ipv4"], // "this network", the unspecified address
  ["10.0.0.0", 8, "ipv4"], // RFC 1918
  ["100.64.0.0", 10, "ipv4"], // carrier-grade NAT (RFC 6598)
  ["127.0.0.0", 8, "ipv4"], // loopback
  ["169.254.0.0", 16, "ipv4"], // link-local, cloud metadata services
  ["172.16.0.0", 12, "ipv4"], // RFC 1918
  ["192.0.0.0", 24, "ipv4"], // IETF protocol assignments
  ["192.168.0.0", 16, "ipv4"], // RFC 1918
  ["198.18.0.0", 15, "ipv4"], // benchmarking
  ["224.0.0.0", 4, "ipv4"], // multicast
  ["240.0.0.0", 4, "ipv4"], // reserved, broadcast
  ["::", 128, "ipv6"], // unspecified
  ["::1", 128, "ipv6"], // loopback
  ["::", 96, "ipv6"], // IPv4-compatible (deprecated)
  ["64:ff9b::", 96, "ipv6"], // NAT64: reaches an IPv4 address through a local translator
  ["64:ff9b:1::", 48, "ipv6"], // local-use NAT64
  ["fc00::", 7, "ipv6"], // unique local (ULA)
  ["fe80::", 10, "ipv6"], // link-local
  ["fec0::", 10, "ipv6"], // site-local (deprecated)
  ["ff00::", 8, "ipv6"], // multicast
];

const blocked = new BlockList();
for (const [network, prefix, family] of NOT_PUBLIC) blocked.addSubnet(network, prefix, family);

/** True for a public unicast address; false for loopback, private, link-local, ULA, unspecified, multicast and reserved ones, and for anything that is not an IP address. */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[(.*)\]$/, "$1");
  const family = isIP(bare);
  if (family === 0) return false;
  const mapped = family === 6 ? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1] : undefined;
  if (mapped) return !blocked.check(mapped, "ipv4");
  return !blocked.check(bare, family === 4 ? "ipv4" : "ipv6");
}
