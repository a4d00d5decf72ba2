import { configFromEnv, openDatabase, type Db } from "./client";
import { migrate } from "./migrate";
import { seedDemo } from "./seed";

type Instance = { db: Db; kind: "pglite" | "postgres" };

// One database per process, kept on globalThis so dev reloads do not open a second PGlite.
const globalForDb = globalThis as unknown as { attestDb?: Promise<Instance> };

async function start(): Promise<Instance> {
  const config = configFromEnv();
  const handle = await openDatabase(config);
  const applied = await migrate(handle.db);
  if (applied.length) console.log(`[attest] applied migrations: ${applied.join(", ")}`);
  // The demo organisation is on by default for the embedded database, off for PostgreSQL.
  const seedDefault = config.url ? "false" : "true";
  if ((process.env.SEED_DEMO ?? seedDefault) !== "false") {
    const seeded = await seedDemo(handle.db);
    if (seeded) {
      console.log("[attest] seeded the demo organisation. Sign in with:");
      for (const u of seeded) console.log(`[attest]   ${u.email.padEnd(22)} ${u.password.padEnd(22)} ${u.roles.join(", ")}`);
    }
  }
  console.log(`[attest] database: ${handle.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${config.dataDir}`}`);
  return { db: handle.db, kind: handle.kind };
}

/** The app's database, migrated (and seeded on first start) before first use. */
export function getDb(): Promise<Db> {
  globalForDb.attestDb ??= start().catch((error) => {
    globalForDb.attestDb = undefined;
    throw error;
  });
  return globalForDb.attestDb.then((i) => i.db);
}
