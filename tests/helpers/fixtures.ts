import { count, eq } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { DEMO_USERS } from "@/db/seed";
import type { Actor, RequestMeta } from "@/lib/auth/actor";
import { loadUserActor } from "@/lib/auth/load-actor";
import { auditEventBySeq, auditEventsAfter, auditHeadState } from "@/lib/services/audit/queries";
import { NO_REQUEST, type ServiceContext } from "@/lib/services/context";
import { createModel } from "@/lib/services/models/create-model";
import { createModelVersion } from "@/lib/services/models/create-version";
import { createUser } from "@/lib/services/users/create-user";

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

/**
 * A small, fixed organisation for tests: the four demo users, then five models with six
 * versions and nothing else, so the audit log holds exactly 15 events in a known order (users at
 * seq 1–4; models at 5, 7, 9, 11, 14 with their versions after each). The demo seed itself grows
 * with the product (cards, classifications); tests that count events use this instead.
 */
export async function seedOrganisation(db: Db) {
  const system: ServiceContext = { db, actor: { kind: "system", name: "seed" }, request: NO_REQUEST };
  for (const user of DEMO_USERS) await createUser(system, user, "seed");
  for (const [name, versions] of TEST_MODELS) {
    const model = await createModel(system, { name, ownerEmail: "owner@attest.demo" });
    for (const version of versions) await createModelVersion(system, { slug: model.slug, version });
  }
  return {
    admin: await contextFor(db, "admin@attest.demo"),
    owner: await contextFor(db, "owner@attest.demo"),
    officer: await contextFor(db, "officer@attest.demo"),
    auditor: await contextFor(db, "auditor@attest.demo"),
  };
}

const TEST_MODELS: [string, string[]][] = [
  ["Retail credit scoring", ["2.3.0"]],
  ["CV screening assistant", ["1.0.0"]],
  ["Customer service assistant", ["0.9.2"]],
  ["Card fraud detection", ["4.1.0", "4.2.0"]],
  ["Branch cash demand forecast", ["1.4.0"]],
];
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
