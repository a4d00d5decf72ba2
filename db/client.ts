import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { Pool } from "pg";
import * as schema from "./schema";

/** The one database type every service takes: the same on PGlite and on PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseHandle = {
  db: Db;
  kind: "pglite" | "postgres";
  close: () => Promise<void>;
};

export type DatabaseConfig = { url?: string; dataDir?: string };

// The PostgreSQL databases openDatabase made (not their transactions): see withTransaction.
const POSTGRES_ROOTS = new WeakSet<object>();

/** Is this a PostgreSQL database handle itself, rather than PGlite or a transaction on either? */
export function isPostgresRoot(db: Db): boolean {
  return POSTGRES_ROOTS.has(db);
}

/** Opens a database without migrating it: PostgreSQL when a URL is given, else PGlite. */
export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.url) {
    const pool = new Pool({ connectionString: config.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    POSTGRES_ROOTS.add(db);
    return { db, kind: "postgres", close: () => pool.end() };
  }
  // An empty dataDir means in-memory: tests use it for a throw-away database.
  const client = config.dataDir ? await PGlite.create(config.dataDir) : await PGlite.create();
  return { db: drizzlePglite(client, { schema }) as unknown as Db, kind: "pglite", close: () => client.close() };
}

/** What the environment asks for: DATABASE_URL, else PGlite in DATA_DIR (default .data/). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Required<Pick<DatabaseConfig, "dataDir">> & DatabaseConfig {
  return { url: env.DATABASE_URL || undefined, dataDir: path.resolve(/* turbopackIgnore: true */ env.DATA_DIR || ".data") };
}

/** Rows of a raw SQL query; node-postgres and PGlite both return `{ rows }`. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
