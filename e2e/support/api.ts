import { request, type APIRequestContext } from "@playwright/test";
import type { Role } from "../../lib/auth/permissions";
import { storageStatePath } from "./roles";

export const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? 3111}`;

/** A request context signed in as a demo role (cookies from global setup), or anonymous. */
export function asRole(role: Role | null, headers: Record<string, string> = {}): Promise<APIRequestContext> {
  return request.newContext({ baseURL: BASE_URL, storageState: role ? storageStatePath(role) : undefined, extraHTTPHeaders: headers });
}

export function withToken(token: string): Promise<APIRequestContext> {
  return request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
}

/** The last audit seq, found by paging forward with the public events API as an auditor. */
export async function auditHeadSeq(auditor: APIRequestContext, from = 0): Promise<number> {
  let seq = from;
  for (;;) {
    const res = await auditor.get(`/api/v1/audit/events?afterSeq=${seq}&limit=1000`);
    const { events } = (await res.json()) as { events: { seq: number }[] };
    if (events.length === 0) return seq;
    seq = events[events.length - 1]!.seq;
  }
}
