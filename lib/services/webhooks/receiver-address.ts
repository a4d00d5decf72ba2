import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { isPublicAddress } from "@/lib/domain/network-address";
import { InvalidInput } from "../errors";

/**
 * Where webhooks may go. By default only to public addresses (lib/domain/network-address.ts):
 * the URL is checked when an admin saves it, and the address is checked again at every send, by
 * the lookup the connection itself uses, so the address that was vetted is the one connected to
 * and a DNS answer that changes in between (rebinding) gains nothing.
 * ATTEST_WEBHOOK_ALLOW_PRIVATE=true lifts the rule, for receivers inside the operator's own
 * network (and for tests, whose receivers listen on 127.0.0.1). It is read on each use.
 */
export function privateReceiversAllowed(): boolean {
  return process.env.ATTEST_WEBHOOK_ALLOW_PRIVATE === "true";
}

/** The answer, at save and at send time alike. It does not say which address a name resolved to. */
export const PRIVATE_RECEIVER =
  "The receiver's host is or resolves to a loopback, private or link-local address, and webhooks go only to public addresses (an operator can allow others with ATTEST_WEBHOOK_ALLOW_PRIVATE=true).";

/** Marks the refusal among connection errors, so the delivery log shows it as it is. */
export const PRIVATE_RECEIVER_CODE = "ATTEST_PRIVATE_RECEIVER";

const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, "$1");

function refusal(): NodeJS.ErrnoException {
  return Object.assign(new Error(PRIVATE_RECEIVER), { code: PRIVATE_RECEIVER_CODE });
}

/** All of a name's addresses, or [] when it does not resolve (within 5 s). */
function resolveAll(hostname: string): Promise<LookupAddress[]> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve([]), 5000);
    dnsLookup(hostname, { all: true }, (error, addresses) => {
      clearTimeout(timer);
      resolve(error ? [] : addresses);
    });
  });
}

/**
 * At save time: PRIVATE_RECEIVER when the URL's host is a non-public address or a name any of
 * whose addresses is one; null otherwise. A name that does not resolve (yet) is accepted: every
 * send checks again.
 */
export async function receiverUrlRefusal(url: string): Promise<string | null> {
  if (privateReceiversAllowed()) return null;
  const host = hostOf(new URL(url));
  const addresses = isIP(host) ? [host] : (await resolveAll(host)).map((a) => a.address);
  return addresses.some((address) => !isPublicAddress(address)) ? PRIVATE_RECEIVER : null;
}

/** At send time, for a URL whose host is an address (no lookup happens for those): the refusal, or null. */
export function literalAddressRefusal(url: URL): NodeJS.ErrnoException | null {
  const host = hostOf(url);
  return isIP(host) && !privateReceiversAllowed() && !isPublicAddress(host) ? refusal() : null;
}

/**
 * The lookup an outgoing connection uses: the system resolver, refusing the whole answer when any
 * of its addresses is not public (unless allowed). The connection goes to an address from this
 * same answer, never to one resolved separately.
 */
export const vettedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    const done = callback as (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
    if (error) return done(error, "");
    if (addresses.length === 0) return done(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "");
    if (!privateReceiversAllowed() && addresses.some((a) => !isPublicAddress(a.address))) return done(refusal(), "");
    if (options.all) return done(null, addresses);
    return done(null, addresses[0]!.address, addresses[0]!.family);
  });
};

/** For the verbs that save a URL: 400 on the url field when it may not be used. */
export async function refuseNonPublicReceiver(url: string): Promise<void> {
  const refused = await receiverUrlRefusal(url);
  if (refused) throw new InvalidInput(refused, { fields: { url: refused } });
}
