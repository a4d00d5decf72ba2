// Timing for the query benchmarks: p50/p95 of repeated runs after a warm-up, and query plans.
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";

/** The middle value (the upper of the two middle ones for an even count). */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, index)]! * 100) / 100;
}

/** Runs `run` three times to warm up (plan caches, connections, JIT), then `runs` times timed; the last result comes back too. */
export async function timeRuns<T>(runs: number, run: () => Promise<T>): Promise<{ p50: number; p95: number; result: T }> {
  for (let i = 0; i < 3; i++) await run();
  const samples: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), result };
}

/** EXPLAIN (ANALYZE, BUFFERS) of a query, written to stderr. */
export async function explainTo(log: (message: string) => void, db: Db, label: string, query: string): Promise<void> {
  const rows = await queryRows<Record<string, string>>(db, sql.raw(`EXPLAIN (ANALYZE, BUFFERS) ${query}`));
  log(`plan for ${label}:\n${rows.map((r) => Object.values(r)[0]).join("\n")}`);
}
