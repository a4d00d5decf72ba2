import { randomBytes } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle, type Db } from "@/db/client";
import { appRoleGrantsSql } from "@/db/grants";
import { migrate } from "@/db/migrate";
import { ChainVerifier, type ChainVerification } from "@/lib/domain/audit-chain";
import { auditHashSql } from "@/lib/services/audit/chain-sql";
import { auditEventBySeq, auditHeadState, streamAuditEvents, verifyAuditChain } from "@/lib/services/audit/queries";
import { createModel } from "@/lib/services/models/create-model";
import { contextFor, databaseError, headSeq, lastEvent, rejection, seedOrganisation } from "../helpers/fixtures";
import { forEachDatabase, postgresUrl, serverQuery, TEST_DATABASE_URL, useTestDatabase } from "../helpers/test-db";

const REWRITES = [
  ["UPDATE", `UPDATE audit_events SET data = '{}' WHERE seq = 7`],
  ["DELETE", `DELETE FROM audit_events WHERE seq = 7`],
  ["TRUNCATE", `TRUNCATE audit_events`],
] as const;

/** Runs `fn` with the append-only triggers off, as only a table owner or superuser can. */
async function withTriggersDisabled(owner: Db, fn: () => Promise<unknown>) {
  const triggers = ["audit_events_no_update_delete", "audit_events_no_truncate"];
  for (const name of triggers) await owner.execute(sql.raw(`ALTER TABLE audit_events DISABLE TRIGGER ${name}`));
  try {
    await fn();
  } finally {
    for (const name of triggers) await owner.execute(sql.raw(`ALTER TABLE audit_events ENABLE TRIGGER ${name}`));
  }
}

/** What the JavaScript verifier (exports, the standalone verifier) makes of the same rows. */
async function verifyInJavaScript(db: Db): Promise<ChainVerification> {
  const verifier = new ChainVerifier(true);
  for await (const event of streamAuditEvents(db)) verifier.add(event);
  return verifier.result(await auditHeadState(db));
}

const BROKEN_HASH = "hash does not match the event's content";
// Each forgery of the seeded 15-event log (statements run in turn), and the break verification
// must report. `js`: the JavaScript verifier sees it too; it parses data, so it cannot see a
// change of bytes that leaves the parsed value alone, which the database, hashing the stored
// text itself, does see.
const FORGERIES: { name: string; forge: SQL[]; broken: number; checked: number; reason: string; js: boolean }[] = [
  { name: "data", forge: [sql`UPDATE audit_events SET data = replace(data, '"name":"', '"name":"Forged ') WHERE seq = 7`], broken: 7, checked: 6, reason: BROKEN_HASH, js: true },
  { name: "data's bytes only", forge: [sql`UPDATE audit_events SET data = data || ' ' WHERE seq = 7`], broken: 7, checked: 6, reason: BROKEN_HASH, js: false },
  { name: "the time by a millisecond", forge: [sql`UPDATE audit_events SET at = at + interval '1 millisecond' WHERE seq = 7`], broken: 7, checked: 6, reason: BROKEN_HASH, js: true },
  { name: "the actor", forge: [sql`UPDATE audit_events SET actor_email = 'someone@else.eu' WHERE seq = 7`], broken: 7, checked: 6, reason: BROKEN_HASH, js: true },
  { name: "the hash", forge: [sql`UPDATE audit_events SET hash = repeat('f', 64) WHERE seq = 7`], broken: 7, checked: 6, reason: BROKEN_HASH, js: true },
  { name: "a NOT NULL column set to NULL", forge: [sql`ALTER TABLE audit_events ALTER COLUMN action DROP NOT NULL`, sql`UPDATE audit_events SET action = NULL WHERE seq = 7`], broken: 7, checked: 6, reason: BROKEN_HASH, js: true },
  {
    name: "an event with its hash recomputed",
    forge: [sql`UPDATE audit_events SET actor_email = 'x@y.eu' WHERE seq = 7`, sql`UPDATE audit_events SET hash = ${auditHashSql()} WHERE seq = 7`],
    broken: 8, checked: 7, reason: "prev_hash does not match the previous event's hash", js: true,
  },
  { name: "a deleted event", forge: [sql`DELETE FROM audit_events WHERE seq = 7`], broken: 8, checked: 6, reason: "expected seq 7, found 8", js: true },
  { name: "the last event deleted", forge: [sql`DELETE FROM audit_events WHERE seq = 15`], broken: 15, checked: 14, reason: "the chain head does not match the last event", js: true },
];

forEachDatabase("append-only audit log", (t) => {
  beforeAll(async () => {
    await seedOrganisation(t.db);
  });

  it.each(REWRITES)("refuses %s, even for a superuser", async (operation, statement) => {
    const error = databaseError(await rejection(t.db.execute(sql.raw(statement))));
    expect(error).toEqual({ code: "42501", message: `the audit log is append-only: ${operation} on audit_events is not allowed` });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, checked: 15 });
  });

  // Each forgery in a transaction that is rolled back, so every case starts from the seeded log.
  // Pages of 6 and 7 events put the broken one first and last in a page: the links between pages.
  it.each(FORGERIES)("names the seq of a forged $name, in any batch size", async ({ forge, broken, checked, reason, js }) => {
    let results: ChainVerification[] = [];
    const rolledBack = await rejection(t.db.transaction(async (raw) => {
      const tx = raw as unknown as Db;
      await withTriggersDisabled(tx, async () => {
        for (const statement of forge) await tx.execute(statement);
      });
      results = [await verifyAuditChain(tx), await verifyAuditChain(tx, 6), await verifyAuditChain(tx, 7), await verifyInJavaScript(tx)];
      raw.rollback();
    }));
    expect(rolledBack.message).toBe("Rollback");
    const [inSql, batched6, batched7, inJs] = results;
    expect(inSql).toMatchObject({ ok: false, checked, headSeq: checked, firstBrokenSeq: broken, reason });
    expect([batched6, batched7]).toEqual([inSql, inSql]);
    expect(inJs).toEqual(js ? inSql : expect.objectContaining({ ok: true, checked: 15 }));
  });

  it("an edit made behind the triggers' back is named by verification", async () => {
    await withTriggersDisabled(t.db, () => t.db.execute(sql`UPDATE audit_events SET data = jsonb_set(data::jsonb, '{name}', '"Forged name"')::text WHERE seq = 7`));
    const sixth = await auditEventBySeq(t.db, 6);
    expect(await verifyAuditChain(t.db)).toEqual({
      ok: false,
      checked: 6,
      headSeq: 6,
      headHash: sixth!.hash,
      firstBrokenSeq: 7,
      reason: "hash does not match the event's content",
    });
  });
});

// In production the app connects as a role without UPDATE, DELETE or TRUNCATE on the audit log:
// the database refuses a rewrite by permission, before any trigger is consulted.
if (TEST_DATABASE_URL) {
  describe("the app's role on PostgreSQL [PostgreSQL]", () => {
    const t = useTestDatabase("postgres");
    const role = `attest_app_${randomBytes(4).toString("hex")}`;
    let app: DatabaseHandle | undefined;

    beforeAll(async () => {
      await seedOrganisation(t.db);
      await serverQuery(`CREATE ROLE ${role} LOGIN`);
      for (const statement of appRoleGrantsSql(role, t.name)) await t.db.execute(sql.raw(statement));
      app = await openDatabase({ url: postgresUrl(t.name, role) });
    });
    // Hooks run in reverse: this runs before useTestDatabase drops the database.
    afterAll(async () => {
      await app?.close();
      await t.db.execute(sql.raw(`DROP OWNED BY ${role}`)).catch(() => undefined);
      await serverQuery(`DROP ROLE IF EXISTS ${role}`);
    });

    it("starts on an up-to-date database: migrate has nothing to apply and needs no DDL", async () => {
      expect(await migrate(app!.db)).toEqual([]);
    });

    it("appends to the audit log through the verbs", async () => {
      const owner = await contextFor(app!.db, "owner@attest.demo");
      const model = await createModel(owner, { name: "Mortgage affordability" });
      expect(await lastEvent(app!.db)).toMatchObject({ seq: 16, action: "model.created", entityId: model.id });
      expect(await verifyAuditChain(app!.db)).toMatchObject({ ok: true, checked: 16 });
    });

    it.each(REWRITES)("is not permitted to %s the audit log", async (_, statement) => {
      const error = databaseError(await rejection(app!.db.execute(sql.raw(statement))));
      expect(error).toEqual({ code: "42501", message: "permission denied for table audit_events" });
    });

    it("still may not rewrite it when the triggers are off, and may not turn them off itself", async () => {
      await withTriggersDisabled(t.db, async () => {
        for (const [, statement] of REWRITES) {
          expect(databaseError(await rejection(app!.db.execute(sql.raw(statement)))).message).toBe("permission denied for table audit_events");
        }
      });
      const disable = databaseError(await rejection(app!.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`)));
      expect(disable).toEqual({ code: "42501", message: "must be owner of table audit_events" });
      expect(await headSeq(app!.db)).toBe(16);
      expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, checked: 16 });
    });
  });
}
