import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "./client";

// Any fixed number works; it only has to be the same for every instance of Attest.
const MIGRATION_LOCK_KEY = 7_262_537_801;
const MIGRATIONS_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), "db", "migrations");

type JournalEntry = { idx: number; tag: string };

/**
 * Applies the committed drizzle-kit migrations that have not run yet, in one transaction under
 * an advisory lock: when two instances start at once, the second waits and then finds nothing to do.
 * Returns the tags it applied.
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  const journal = JSON.parse(readFileSync(path.join(dir, "meta", "_journal.json"), "utf8")) as { entries: JournalEntry[] };
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    // Only create the table when it is missing: even CREATE TABLE IF NOT EXISTS needs CREATE on
    // the schema, which the app's production role lacks (db/grants.ts), and the app migrates at start.
    const [table] = await queryRows<{ exists: boolean }>(tx, sql`SELECT to_regclass('attest_migrations') IS NOT NULL AS exists`);
    if (!table?.exists) {
      await tx.execute(sql`CREATE TABLE attest_migrations (
        tag text PRIMARY KEY, sha256 text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    }
    const done = await queryRows<{ tag: string }>(tx, sql`SELECT tag FROM attest_migrations`);
    const applied = new Set(done.map((r) => r.tag));
    const ran: string[] = [];
    for (const entry of [...journal.entries].sort((a, b) => a.idx - b.idx)) {
      if (applied.has(entry.tag)) continue;
      const text = readFileSync(path.join(dir, `${entry.tag}.sql`), "utf8");
      // PGlite runs one statement per query, so each breakpoint-separated statement goes alone.
      for (const statement of text.split("--> statement-breakpoint")) {
        if (statement.replace(/--.*$/gm, "").trim()) await tx.execute(sql.raw(statement));
      }
      const sha256 = createHash("sha256").update(text).digest("hex");
      await tx.execute(sql`INSERT INTO attest_migrations (tag, sha256) VALUES (${entry.tag}, ${sha256})`);
      ran.push(entry.tag);
    }
    return ran;
  });
}
