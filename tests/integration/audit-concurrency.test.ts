import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle, type Db } from "@/db/client";
import { verifyAuditChain } from "@/lib/services/audit/queries";
import { createModel } from "@/lib/services/models/create-model";
import { contextFor, eventsSince, headSeq, seedOrganisation, TEST_REQUEST, type UserContext } from "../helpers/fixtures";
import { forEachDatabase, postgresUrl, TEST_DATABASE_URL, useTestDatabase } from "../helpers/test-db";

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
