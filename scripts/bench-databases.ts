// Throw-away databases for the benchmarks: PGlite in a temporary data directory on disk, and a
// PostgreSQL database created on DATABASE_URL's server and dropped afterwards.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "pg";
import { openDatabase, type DatabaseHandle } from "@/db/client";

export async function onThrowawayPglite<T>(prefix: string, run: (handle: DatabaseHandle, storage: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
  const handle = await openDatabase({ dataDir: dir });
  try {
    return await run(handle, `PGlite in a temporary DATA_DIR on disk (${dir})`);
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function onThrowawayPostgres<T>(url: string, prefix: string, run: (handle: DatabaseHandle, storage: string) => Promise<T>): Promise<T> {
  const name = `${prefix.replace(/\W/g, "_")}_${process.pid}_${Date.now()}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const benchUrl = new URL(url);
  benchUrl.pathname = `/${name}`;
  const handle = await openDatabase({ url: benchUrl.toString() });
  try {
    return await run(handle, `PostgreSQL, throw-away database ${name} (dropped afterwards)`);
  } finally {
    await handle.close();
    // Pool.end() resolves before the server has let the sessions go; dropping WITH (FORCE) at once
    // can kill one mid-goodbye, and its FATAL would crash this process. Let them leave first.
    for (let attempt = 0; attempt < 100; attempt++) {
      const { rows } = await admin.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [name]);
      if (rows[0]?.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
