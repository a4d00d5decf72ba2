import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { openDatabase, type DatabaseHandle, type Db } from "@/db/client";
import { migrate } from "@/db/migrate";

/** The PostgreSQL server to test against (as a superuser); unset means PGlite only. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

export type TestDatabase = {
  readonly kind: "pglite" | "postgres";
  readonly db: Db;
  /** PostgreSQL only: the throw-away database's name. */
  readonly name: string;
};

/** A URL to another database on the TEST_DATABASE_URL server, optionally as another user. */
export function postgresUrl(database: string, user?: string): string {
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${database}`;
  if (user) {
    url.username = user;
    url.password = "";
  }
  return url.toString();
}

/** One statement on the server's maintenance database (CREATE/DROP DATABASE, roles). */
export async function serverQuery(text: string): Promise<void> {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * Drops a throw-away database. pg's Pool.end() resolves as soon as it has asked its clients to
 * end, not when the server has let them go: dropping WITH (FORCE) at once can kill a backend
 * mid-goodbye, and its FATAL 57P01 then surfaces in the test run as an unhandled error. So wait
 * (briefly) for the sessions to leave; FORCE only removes stragglers.
 */
async function dropDatabase(database: string): Promise<void> {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    for (let attempt = 0; attempt < 100; attempt++) {
      const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [database]);
      if (rows[0]?.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * Registers hooks on the enclosing describe: its tests get a fresh, migrated database, in memory
 * for PGlite, or a throw-away `attest_t_<random>` database on the PostgreSQL server, dropped after.
 * `migrated: false` leaves it empty, for tests of the migrations themselves.
 */
export function useTestDatabase(kind: "pglite" | "postgres", { migrated = true } = {}): TestDatabase {
  const name = kind === "postgres" ? `attest_t_${randomBytes(6).toString("hex")}` : "";
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    if (kind === "postgres") await serverQuery(`CREATE DATABASE ${name}`);
    handle = await openDatabase(kind === "postgres" ? { url: postgresUrl(name) } : {});
    if (migrated) await migrate(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
    if (kind === "postgres") await dropDatabase(name);
  });
  return {
    kind,
    name,
    get db() {
      if (!handle) throw new Error("the test database is opened in beforeAll");
      return handle.db;
    },
  };
}

/** Runs the same describe block on PGlite always, and on PostgreSQL when TEST_DATABASE_URL is set. */
export function forEachDatabase(name: string, fn: (t: TestDatabase) => void, options?: { migrated?: boolean }): void {
  describe(`${name} [PGlite]`, () => fn(useTestDatabase("pglite", options)));
  if (TEST_DATABASE_URL) describe(`${name} [PostgreSQL]`, () => fn(useTestDatabase("postgres", options)));
}
