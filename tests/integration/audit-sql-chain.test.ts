import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { queryRows, type Db } from "@/db/client";
import { migrate } from "@/db/migrate";
import { auditEventHash, ChainVerifier, GENESIS_HASH, type AuditEventContent } from "@/lib/domain/audit-chain";
import { canonicalJson } from "@/lib/domain/canonical-json";
import { auditCanonicalSql, auditHashSql } from "@/lib/services/audit/chain-sql";
import { auditOnCommit, emitAudit } from "@/lib/services/audit/emit";
import { streamAuditEvents, verifyAuditChain } from "@/lib/services/audit/queries";
import { withTransaction } from "@/lib/services/context";
import { seedOrganisation } from "../helpers/fixtures";
import { forEachDatabase } from "../helpers/test-db";

// Every character class JSON.stringify and to_json could disagree on. (NUL and lone surrogates
// cannot be stored in PostgreSQL text at all.)
const CONTROL = Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).join("");
const TRICKY_TEXT = `${CONTROL} "quoted" back\\slash /slash \u007f DEL \u2028\u2029 é ß 中文 😀 \u{10FFFF} \uFF61 \uE000 </script>`;

const base: AuditEventContent = {
  seq: 1, at: "2026-01-31T09:30:00.000Z", actorId: null, actorEmail: "system:seed", actorRoles: [], tokenId: null, action: "user.created",
  entityType: "user", entityId: null, data: {}, requestId: null, ip: null, userAgent: null, prevHash: GENESIS_HASH,
};

const TRICKY: [string, AuditEventContent][] = [
  ["null fields and empty data", base],
  ["every text field tricky", {
    ...base, seq: 9_007_199_254_740_991, at: "1999-12-31T23:59:59.999Z", actorId: "5d2a9e7b-1c3f-4a8e-b6d0-2f4c6e8a0b1d",
    actorEmail: TRICKY_TEXT, actorRoles: ["model_owner", TRICKY_TEXT, "a,b", "{x}", ""], tokenId: "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f",
    action: TRICKY_TEXT, entityType: TRICKY_TEXT, entityId: TRICKY_TEXT, requestId: TRICKY_TEXT, ip: "2001:db8::1", userAgent: TRICKY_TEXT, prevHash: "ab".repeat(32),
  }],
  ["numbers", {
    ...base, data: {
      big: 1e21, bound: -18922551344498712, fraction: 0.1, sum: 0.1 + 0.2, negZero: -0, maxSafe: 2 ** 53 + 2, beyond: 12345678901234567890, tiny: 5e-324, max: Number.MAX_VALUE,
      small: 1e-7, edge: 1e-6, neg: -1.5e-10, wide: 123456789012345680000, list: [0, -1, 1e300, 100, 1.5],
    },
  }],
  ["nested data, empty containers, nulls, tricky keys", {
    ...base, data: {
      before: { name: TRICKY_TEXT, roles: [], meta: {} }, after: { name: null, nested: [[[]], [{}], [{ z: 1, a: [null, true, false] }]] },
      "\uFF61": 1, "😀": 2, "\uE000": 3, é: 4, e: 5, B: 6, a: 7, "10": 8, "9": 9, "": 10, [TRICKY_TEXT]: 11,
      // An own "__proto__" member, as JSON.parse makes one (a literal would set the prototype).
      ...JSON.parse('{"__proto__":{"x":1}}'),
    },
  }],
];

/** The database's canonical text and hash of an event, from columns, as verification computes them. */
async function sqlCanonical(db: Db, e: AuditEventContent) {
  const [row] = await queryRows<{ canonical: string; hash: string; data: string }>(
    db,
    sql`SELECT ${auditCanonicalSql("e")} AS canonical, ${auditHashSql("e")} AS hash, attest_canonical_jsonb(${JSON.stringify(e.data)}::jsonb) AS data
      FROM (SELECT ${e.seq}::bigint AS seq, ${e.at}::timestamptz AS at, ${e.actorId}::uuid AS actor_id, ${e.actorEmail}::text AS actor_email,
        (SELECT coalesce(array_agg(r ORDER BY i), '{}') FROM jsonb_array_elements_text(${JSON.stringify(e.actorRoles)}::jsonb) WITH ORDINALITY AS x(r, i)) AS actor_roles,
        ${e.tokenId}::uuid AS token_id, ${e.action}::text AS action, ${e.entityType}::text AS entity_type, ${e.entityId}::text AS entity_id,
        ${canonicalJson(e.data)}::text AS data, ${e.requestId}::text AS request_id, ${e.ip}::text AS ip, ${e.userAgent}::text AS user_agent,
        ${e.prevHash}::text AS prev_hash) e`,
  );
  return row!;
}

forEachDatabase("the audit chain computed by the database", (t) => {
  let seeded: ReturnType<typeof seedOrganisation> | undefined;
  const organisation = () => (seeded ??= seedOrganisation(t.db));
  it.each(TRICKY)("%s: the same canonical text and hash as JavaScript", async (_, event) => {
    const got = await sqlCanonical(t.db, event);
    expect(got.canonical).toBe(canonicalJson(event));
    expect(got.hash).toBe(auditEventHash(event));
    expect(got.data).toBe(canonicalJson(event.data));
  });

  // attest_canonical_jsonb converts the data of events written while it was jsonb (migration 0006).
  it("canonicalises any JSON value as canonicalJson does", async () => {
    const char = fc.oneof(
      fc.constantFrom(...CONTROL, '"', "\\", "\u007f", "\u2028", "\u2029", "😀", "\u{10FFFF}", "\uFF61", "\uE000", "é", "a", "B"),
      fc.string({ unit: "binary", minLength: 1, maxLength: 1 }).filter((c) => c !== "\u0000"),
    );
    const json = fc.jsonValue({ stringUnit: char, maxDepth: 3 });
    await fc.assert(
      fc.asyncProperty(json, async (value) => {
        const text = JSON.stringify(value);
        const [row] = await queryRows<{ c: string }>(t.db, sql`SELECT attest_canonical_jsonb(${text}::jsonb) AS c`);
        expect(row!.c).toBe(canonicalJson(JSON.parse(text)));
      }),
      { numRuns: 300 },
    );
  });

  // JSON.stringify always writes the shortest form; a number written longer (by hand, by another
  // tool) must still come out as JavaScript would write the double it reads as.
  it("writes numbers given with 21 digits as JavaScript writes them", async () => {
    const double = fc.double({ noNaN: true, noDefaultInfinity: true });
    await fc.assert(
      fc.asyncProperty(fc.array(double, { minLength: 1, maxLength: 20 }), async (xs) => {
        const text = `[${xs.map((x) => x.toPrecision(21)).join(",")}]`;
        const [row] = await queryRows<{ c: string }>(t.db, sql`SELECT attest_canonical_jsonb(${text}::jsonb) AS c`);
        expect(row!.c).toBe(canonicalJson(JSON.parse(text)));
      }),
      { numRuns: 100, examples: [[[18922551344498712, 1e21, 1e-7, 5e-324, Number.MAX_VALUE, -0, 0.1, 123e-20, 2 ** 53 + 2]]] },
    );
  });

  it("the append function hashes with exactly the expression verification uses", async () => {
    // Migrations 0014 and 0015 hold copies of auditHashSql("event"): they must not drift apart.
    const forms = await queryRows<{ src: string }>(t.db, sql`SELECT prosrc AS src FROM pg_proc WHERE proname = 'attest_append_audit_event'`);
    const expression = new PgDialect().sqlToQuery(auditHashSql("event")).sql;
    const squash = (text: string) => text.replace(/\s+/g, " ");
    expect(forms).toHaveLength(2);
    for (const form of forms) expect(squash(form.src)).toContain(squash(expression));
  });

  it("emitAudit stores the hash JavaScript computes, and the chain verifies in SQL and in JavaScript", async () => {
    const org = await organisation();
    const ctx = { ...org.owner, request: { requestId: TRICKY_TEXT, ip: "203.0.113.9", userAgent: TRICKY_TEXT } };
    const changes = Object.fromEntries(TRICKY.map(([name, e]) => [name, { before: e.data, after: TRICKY_TEXT }]));
    const input = { action: "model.updated", entityType: "model", entityId: TRICKY_TEXT, data: { slug: TRICKY_TEXT, changes } } as const;
    const emitted = await withTransaction(ctx, (tx) => emitAudit(tx, ctx, input));
    const { hash, ...content } = emitted;
    expect(hash).toBe(auditEventHash(content));
    const js = new ChainVerifier(true);
    for await (const event of streamAuditEvents(t.db)) js.add(event);
    expect(await verifyAuditChain(t.db)).toEqual(js.result());
    expect(js.result()).toMatchObject({ ok: true, headSeq: emitted.seq, headHash: hash });
  });
  it("auditOnCommit appends tricky text at commit (inlined as literals on PostgreSQL) exactly as canonicalJson hashes it", async () => {
    const org = await organisation();
    const ctx = { ...org.owner, request: { requestId: TRICKY_TEXT, ip: "203.0.113.9", userAgent: `'; ROLLBACK; DROP TABLE audit_events; -- ${TRICKY_TEXT}` } };
    const input = { action: "model.updated", entityType: "model", entityId: `O'Brien \\' ${TRICKY_TEXT}`, data: { slug: TRICKY_TEXT, changes: { name: { before: "$1 $2", after: TRICKY_TEXT } } } } as const;
    const head = (await verifyAuditChain(t.db)).headSeq;
    await withTransaction(ctx, (tx) => auditOnCommit(tx, ctx, input));
    const js = new ChainVerifier(true);
    for await (const event of streamAuditEvents(t.db)) js.add(event);
    expect(js.result()).toMatchObject({ ok: true, headSeq: head + 1 });
    expect(await verifyAuditChain(t.db)).toEqual(js.result());
    const [row] = await queryRows<{ entity_id: string; user_agent: string; data: string }>(t.db, sql`SELECT entity_id, user_agent, data FROM audit_events WHERE seq = ${head + 1}`);
    expect(row).toEqual({ entity_id: input.entityId, user_agent: ctx.request.userAgent, data: canonicalJson(input.data) });
  });

  it("the append function refuses an event whose canonical form differs from the one JavaScript sent, and appends nothing", async () => {
    const before = (await verifyAuditChain(t.db)).headSeq;
    const attempt = t.db.execute(sql`SELECT * FROM attest_append_audit_event(now(), NULL, 'a@example.com', '{}', NULL, 'user.created', 'user', NULL, '{}', NULL, NULL, NULL,
      '{"action":"user.created","actorEmail":"b@example.com","actorId":null,"actorRoles":[],"at":"2026-01-01T00:00:00.000Z","data":{},"entityId":null,"entityType":"user","ip":null,"prevHash":', ',"requestId":null,"seq":', ',"tokenId":null,"userAgent":null}')`);
    const error = (await attempt.catch((e: unknown) => e)) as Error & { cause?: Error };
    expect(error.cause?.message ?? error.message).toMatch(/canonical form differs/);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, headSeq: before });
  });

  it("an event PostgreSQL cannot store (a NUL in its text) fails its verb and changes nothing", async () => {
    const org = await organisation();
    const ctx = { ...org.owner, request: { ...org.owner.request, userAgent: "agent\u0000; COMMIT; --" } };
    const before = (await verifyAuditChain(t.db)).headSeq;
    const failed = withTransaction(ctx, async (tx) => {
      await tx.execute(sql`UPDATE users SET name = 'changed under a failing event'`);
      await auditOnCommit(tx, ctx, { action: "model.updated", entityType: "model", entityId: "m", data: { slug: "m", changes: {} } });
    });
    const error = (await failed.catch((e: unknown) => e)) as Error & { cause?: Error };
    expect(error.cause?.message ?? error.message).toMatch(/0x00/);
    expect((await verifyAuditChain(t.db)).headSeq).toBe(before);
    const [changed] = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM users WHERE name = 'changed under a failing event'`);
    expect(changed!.n).toBe(0);
  });

  it("a transaction records one audit event", async () => {
    const org = await organisation();
    const ctx = org.owner;
    const input = { action: "model.updated", entityType: "model", entityId: "m", data: { slug: "m", changes: {} } } as const;
    const before = (await verifyAuditChain(t.db)).headSeq;
    const attempts: Record<string, (tx: Db) => Promise<unknown>> = {
      "one after the other": (tx: Db) => auditOnCommit(tx, ctx, input).then(() => auditOnCommit(tx, ctx, input)),
      "at once": (tx: Db) => Promise.all([auditOnCommit(tx, ctx, input), auditOnCommit(tx, ctx, input)]),
      "emitAudit, then auditOnCommit": (tx: Db) => emitAudit(tx, ctx, input).then(() => auditOnCommit(tx, ctx, input)),
      "auditOnCommit, then emitAudit": (tx: Db) => auditOnCommit(tx, ctx, input).then(() => emitAudit(tx, ctx, input)),
    };
    for (const [how, attempt] of Object.entries(attempts)) {
      await expect(withTransaction(ctx, attempt), how).rejects.toThrow("a transaction records one audit event");
    }
    expect((await verifyAuditChain(t.db)).headSeq).toBe(before);
  });
});

// Existing databases already hold events when data turns from jsonb into canonical text: the
// migration must write exactly canonicalJson(data), or every old event would fail verification.
forEachDatabase("migration 0006 on a log that already has events", (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), "attest-migrations-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const source = path.join(process.cwd(), "db", "migrations");
    cpSync(source, dir, { recursive: true });
    const journal = JSON.parse(readFileSync(path.join(source, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
    const before = journal.entries.filter((e) => e.tag < "0006");
    writeFileSync(path.join(dir, "meta", "_journal.json"), JSON.stringify({ ...journal, entries: before }));
    await migrate(t.db, dir);
  });

  it("converts data to canonical text so that the old chain still verifies", async () => {
    let prevHash = GENESIS_HASH;
    for (const [i, [, event]] of TRICKY.entries()) {
      // What emitAudit wrote before 0006: data as jsonb, the hash computed in JavaScript.
      const e = { ...event, seq: i + 1, prevHash, data: JSON.parse(JSON.stringify(event.data)) };
      const hash = auditEventHash(e);
      await t.db.execute(sql`INSERT INTO audit_events (seq, at, actor_id, actor_email, actor_roles, token_id, action, entity_type, entity_id, data, request_id, ip, user_agent, prev_hash, hash)
        SELECT ${e.seq}, ${e.at}::timestamptz, ${e.actorId}::uuid, ${e.actorEmail}, ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(e.actorRoles)}::jsonb)),
          ${e.tokenId}::uuid, ${e.action}, ${e.entityType}, ${e.entityId}, ${JSON.stringify(e.data)}::jsonb, ${e.requestId}, ${e.ip}, ${e.userAgent}, ${e.prevHash}, ${hash}`);
      await t.db.execute(sql`UPDATE audit_head SET seq = ${e.seq}, hash = ${hash}`);
      prevHash = hash;
    }
    expect(await migrate(t.db)).toContain("0006_audit_data_canonical");
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, checked: TRICKY.length, headSeq: TRICKY.length, headHash: prevHash });
    const rows = await queryRows<{ c: string }>(t.db, sql`SELECT data AS c FROM audit_events ORDER BY seq`);
    expect(rows.map((r) => r.c)).toEqual(TRICKY.map(([, e]) => canonicalJson(e.data)));
  });
}, { migrated: false });
