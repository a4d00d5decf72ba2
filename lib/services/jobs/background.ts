import type { Db } from "@/db/client";

/**
 * Work the server does by itself, not on anyone's request: each job runs every `everyMs` in this
 * process. Jobs must be safe when several app instances run them at once (claim rows with
 * FOR UPDATE SKIP LOCKED, or make the write idempotent), because every instance starts them.
 */
export type BackgroundJob = { name: string; everyMs: number; run: (db: Db) => Promise<unknown> };

const JOBS: BackgroundJob[] = [];

export function startBackgroundJobs(db: Db, jobs: readonly BackgroundJob[] = JOBS): () => void {
  if (process.env.ATTEST_BACKGROUND_JOBS === "false") return () => {};
  const timers = jobs.map((job) => {
    let running = false;
    const tick = async () => {
      // A slow run is not overlapped by the next tick of the same job.
      if (running) return;
      running = true;
      try {
        await job.run(db);
      } catch (error) {
        console.error(`[attest] background job ${job.name} failed:`, error instanceof Error ? error.message : error);
      } finally {
        running = false;
      }
    };
    const timer = setInterval(tick, job.everyMs);
    timer.unref();
    return timer;
  });
  return () => timers.forEach(clearInterval);
}
