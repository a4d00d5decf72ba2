import { randomUUID } from "node:crypto";
import type { RequestMeta } from "@/lib/auth/actor";

type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | null {
  if (typeof (headers as { get?: unknown }).get === "function") return (headers as { get(n: string): string | null }).get(name);
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/**
 * The client address. scripts/server.mjs puts the socket's address in X-Attest-Peer (a client
 * cannot set it). Behind N trusted reverse proxies (TRUSTED_PROXY_COUNT=N) the client is the
 * N-th address from the right of X-Forwarded-For, which those proxies append to.
 */
export function clientIp(headers: HeaderSource): string | null {
  const peer = header(headers, "x-attest-peer") || null;
  const trusted = Number(process.env.TRUSTED_PROXY_COUNT ?? 0);
  if (trusted <= 0) return peer;
  const hops = (header(headers, "x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return hops[hops.length - trusted] ?? peer;
}

export function requestMeta(headers: HeaderSource): RequestMeta {
  const given = header(headers, "x-request-id");
  return {
    requestId: given && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID(),
    ip: clientIp(headers),
    userAgent: header(headers, "user-agent")?.slice(0, 512) ?? null,
  };
}
