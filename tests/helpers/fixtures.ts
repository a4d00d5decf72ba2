import { count, eq } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import type { Actor, RequestMeta } from "@/lib/auth/actor";
import { loadUserActor } from "@/lib/auth/load-actor";
import { auditEventBySeq, auditEventsAfter, auditHeadState } from "@/lib/services/audit/queries";
import type { ServiceContext } from "@/lib/services/context";

export type UserActor = Extract<Actor, { kind: "user" }>;
export type UserContext = ServiceContext & { actor: UserActor };

/** The request facts every test context carries, so events can be checked for them. */
export const TEST_REQUEST: RequestMeta = { requestId: "req-test", ip: "198.51.100.1", userAgent: "vitest" };

/** A password long enough for the schema; tests that need to sign in use it. */
export const TEST_PASSWORD = "correct horse battery staple";

/** The acting user behind an email, loaded the way every request loads it. */
export async function contextFor(db: Db, email: string, request: RequestMeta = TEST_REQUEST): Promise<UserContext> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const actor = user ? await loadUserActor(db, user.id) : null;
  if (!actor) throw new Error(`no usable account for ${email}`);
  return { db, actor, request };
}

/** The demo organisation (seedDemo: 4 users, 5 models, 6 versions = 15 audit events) and its people. */
export async function seedOrganisation(db: Db) {
  await seedDemo(db);
  return {
    admin: await contextFor(db, "admin@attest.demo"),
    owner: await contextFor(db, "owner@attest.demo"),
    officer: await contextFor(db, "officer@attest.demo"),
    auditor: await contextFor(db, "auditor@attest.demo"),
  };
}
export type Organisation = Awaited<ReturnType<typeof seedOrganisation>>;

export async function headSeq(db: Db): Promise<number> {
  return (await auditHeadState(db)).seq;
}

export async function lastEvent(db: Db) {
  const event = await auditEventBySeq(db, await headSeq(db));
  if (!event) throw new Error("the audit log is empty");
  return event;
}

export async function eventsSince(db: Db, seq: number) {
  return auditEventsAfter(db, seq, 10_000);
}

export async function rowCount(db: Db, table: PgTable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table);
  return Number(row!.n);
}

/** The error a promise rejects with; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error("expected the call to fail, but it succeeded");
}

/** The database's own error under drizzle's "Failed query" wrapper: SQLSTATE code and message. */
export function databaseError(error: unknown): { code: string | undefined; message: string } {
  let e = error as { code?: string; message?: string; cause?: unknown } | undefined;
  while (e && !e.code && e.cause) e = e.cause as typeof e;
  return { code: e?.code, message: e?.message ?? String(error) };
}
