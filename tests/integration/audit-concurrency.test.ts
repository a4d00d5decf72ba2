import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { Client } from "pg";
import { appRoleGrantsSql } from "@/db/grants";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, queryRows, type DatabaseHandle, type Db } from "@/db/client";
import { verifyAuditChain } from "@/lib/services/audit/queries";
import { auditOnCommit } from "@/lib/services/audit/emit";
import { withTransaction } from "@/lib/services/context";
import { OutcomeUnknown } from "@/lib/services/errors";
import { createModel } from "@/lib/services/models/create-model";
import { contextFor, eventsSince, headSeq, seedOrganisation, TEST_REQUEST, type UserContext } from "../helpers/fixtures";
import { forEachDatabase, postgresUrl, serverQuery, TEST_DATABASE_URL, useTestDatabase } from "../helpers/test-db";

const MUTATIONS = 50;
const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

/** After `before`, exactly MUTATIONS new events with consecutive seqs, on a chain that verifies. */
async function expectOneGapFreeChain(db: Db, before: number) {
  const events = await eventsSince(db, before);
  expect(events.map((e) => e.seq)).toEqual(range(before + 1, MUTATIONS));
  expect(new Set(events.map((e) => e.entityId)).size).toBe(MUTATIONS);
  expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: before + MUTATIONS, headSeq: before + MUTATIONS });
  return events;
}

forEachDatabase("concurrent appends", (t) => {
  let owner: UserContext;
  beforeAll(async () => {
    owner = (await seedOrganisation(t.db)).owner;
  });

  it(`${MUTATIONS} mutations at once leave ${MUTATIONS} gap-free events on one chain`, async () => {
    const before = await headSeq(t.db);
    await Promise.all(range(0, MUTATIONS).map((i) => createModel(owner, { name: `Concurrent model ${i}` })));
    await expectOneGapFreeChain(t.db, before);
  });
});

// The design's claim: any number of stateless instances on one PostgreSQL produce one chain,
// because appends serialise on the head row in the database, not in process memory.
if (TEST_DATABASE_URL) {
  describe("two app instances on one PostgreSQL [PostgreSQL]", () => {
    const t = useTestDatabase("postgres");
    const instances: DatabaseHandle[] = [];
    beforeAll(async () => {
      await seedOrganisation(t.db);
      for (let i = 0; i < 2; i++) instances.push(await openDatabase({ url: postgresUrl(t.name) }));
    });
    afterAll(async () => {
      for (const instance of instances) await instance.close();
    });

    it(`${MUTATIONS} mutations split across both form one gap-free chain`, async () => {
      const owners = await Promise.all(
        ["instance-a", "instance-b"].map((requestId, i) => contextFor(instances[i]!.db, "owner@attest.demo", { ...TEST_REQUEST, requestId })),
      );
      const before = await headSeq(t.db);
      await Promise.all(range(0, MUTATIONS).map((i) => createModel(owners[i % 2]!, { name: `Model ${i}`, slug: `model-${i}` })));
      const events = await expectOneGapFreeChain(t.db, before);
      expect(events.filter((e) => e.requestId === "instance-a")).toHaveLength(MUTATIONS / 2);
      expect(events.filter((e) => e.requestId === "instance-b")).toHaveLength(MUTATIONS / 2);
    });
  });
}

// Appends release the head row at an asynchronous commit, and the verb waits for durability in a
// separate barrier transaction afterwards (lib/services/context.ts withTransaction).
if (TEST_DATABASE_URL) {
  describe("commit and durability barrier [PostgreSQL]", () => {
    const t = useTestDatabase("postgres");
    let owner: UserContext;
    beforeAll(async () => {
      owner = (await seedOrganisation(t.db)).owner;
    });

    const setting = async (db: Db) => (await queryRows<{ v: string }>(db, sql`SELECT current_setting('synchronous_commit') AS v`))[0]!.v;

    it("commits the verb's transaction asynchronously, and the setting does not leak to the pool", async () => {
      const inside = await withTransaction(owner, (tx) => setting(tx));
      expect(inside).toBe("off");
      // Every pooled connection is back to the server's default.
      expect(await Promise.all(range(0, 10).map(() => setting(t.db)))).toEqual(range(0, 10).map(() => "on"));
    });

    it("a barrier that keeps failing reports an unknown outcome, not a failure: the change is committed", async () => {
      // The app's production role, in a database where it may not write the barrier's WAL record.
      const role = `attest_app_${randomBytes(4).toString("hex")}`;
      await serverQuery(`CREATE ROLE ${role} LOGIN`);
      for (const statement of appRoleGrantsSql(role, t.name)) await t.db.execute(sql.raw(statement));
      await t.db.execute(sql.raw(`REVOKE EXECUTE ON FUNCTION pg_logical_emit_message(boolean, text, text) FROM PUBLIC`));
      const app = await openDatabase({ url: postgresUrl(t.name, role) });
      try {
        const asApp = { ...owner, db: app.db };
        const error = await createModel(asApp, { name: "Committed but unconfirmed" }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(OutcomeUnknown);
        expect((error as OutcomeUnknown).status).toBe(503);
        const [row] = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM models WHERE name = 'Committed but unconfirmed'`);
        expect(row!.n).toBe(1);
      } finally {
        await app.close();
        await t.db.execute(sql.raw(`GRANT EXECUTE ON FUNCTION pg_logical_emit_message(boolean, text, text) TO PUBLIC`));
        await t.db.execute(sql.raw(`DROP OWNED BY ${role}`));
        await serverQuery(`DROP ROLE IF EXISTS ${role}`);
      }
    });

    it("verbs finishing together share barriers, and each returns only once its own commit is flushed", async () => {
      const flushedOnReturn = await Promise.all(range(0, 20).map(async (i) => {
        const written = await withTransaction(owner, async (tx) => {
          await createModel({ ...owner, db: tx }, { name: `Concurrently durable model ${i}` });
          return (await queryRows<{ at: string }>(tx, sql`SELECT pg_current_wal_insert_lsn()::text AS at`))[0]!.at;
        });
        const [row] = await queryRows<{ ok: boolean }>(t.db, sql`SELECT pg_current_wal_flush_lsn() >= ${written}::pg_lsn AS ok`);
        return row!.ok;
      }));
      expect(flushedOnReturn).toEqual(range(0, 20).map(() => true));
    });

    const until = async (condition: () => Promise<boolean>) => {
      for (let i = 0; i < 200 && !(await condition()); i++) await new Promise((resolve) => setTimeout(resolve, 25));
    };
    const backendGone = (pid: number) => async () => (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ${pid}`))[0]!.n === 0;
    const lostEvent = { action: "model.updated", entityType: "model", entityId: "lost", data: { slug: "lost", changes: {} } } as const;

    it("a session the server ends while the verb works fails the verb: nothing is committed, the process lives on", async () => {
      const before = await headSeq(t.db);
      const error = await withTransaction(owner, async (tx) => {
        const [me] = await queryRows<{ pid: number }>(tx, sql`SELECT pg_backend_pid() AS pid`);
        await auditOnCommit(tx, owner, lostEvent);
        await t.db.execute(sql`SELECT pg_terminate_backend(${me!.pid})`);
        await until(backendGone(me!.pid));
        await new Promise((resolve) => setTimeout(resolve, 50)); // the server's goodbye reaches the client
      }).catch((e: unknown) => e);
      expect(error).not.toBeInstanceOf(OutcomeUnknown);
      expect((error as Error).message).toMatch(/terminat/i);
      expect(await headSeq(t.db)).toBe(before);
      expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, headSeq: before });
    });

    it("a connection lost while the append and its COMMIT are on their way reports an unknown outcome", async () => {
      const before = await headSeq(t.db);
      // Another session holds the head row, so the final round trip waits on it; it is ended there.
      const locker = new Client({ connectionString: postgresUrl(t.name) });
      await locker.connect();
      await locker.query("BEGIN; SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE");
      let pid = 0;
      const verb = withTransaction(owner, async (tx) => {
        pid = (await queryRows<{ pid: number }>(tx, sql`SELECT pg_backend_pid() AS pid`))[0]!.pid;
        await auditOnCommit(tx, owner, lostEvent);
      }).catch((e: unknown) => e);
      await until(async () => pid !== 0 && (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ${pid} AND wait_event_type = 'Lock'`))[0]!.n === 1);
      await t.db.execute(sql`SELECT pg_terminate_backend(${pid})`);
      const error = await verb;
      await locker.query("ROLLBACK");
      await locker.end();
      expect(error).toBeInstanceOf(OutcomeUnknown);
      expect((error as OutcomeUnknown).message).toMatch(/may or may not have taken effect/);
      // Here it did not (the session ended before its COMMIT ran); the app could not know that.
      expect(await headSeq(t.db)).toBe(before);
    });

    it("returns only once the commit is flushed to the WAL", async () => {
      // The commit record is written after this position; without the barrier the WAL writer
      // would flush it up to wal_writer_delay (200 ms) later.
      const lsn = (db: Db, fn: string) => queryRows<{ ok: boolean }>(db, sql.raw(`SELECT ${fn}`));
      for (let i = 0; i < 5; i++) {
        const written = await withTransaction(owner, async (tx) => {
          await createModel({ ...owner, db: tx }, { name: `Durable model ${i}` });
          return (await queryRows<{ at: string }>(tx, sql`SELECT pg_current_wal_insert_lsn()::text AS at`))[0]!.at;
        });
        const [row] = await lsn(t.db, `pg_current_wal_flush_lsn() >= '${written}'::pg_lsn AS ok`);
        expect(row!.ok).toBe(true);
      }
    });
  });
}
