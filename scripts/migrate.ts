// `npm run db:migrate`: applies the committed migrations to the configured database
// (DATABASE_URL, else PGlite in DATA_DIR) and nothing else; safe to run while the app runs on PostgreSQL.
import { configFromEnv, openDatabase } from "@/db/client";
import { migrate } from "@/db/migrate";

async function main() {
  const handle = await openDatabase(configFromEnv());
  const applied = await migrate(handle.db);
  console.log(applied.length ? `applied: ${applied.join(", ")}` : "the database is up to date");
  await handle.close();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
