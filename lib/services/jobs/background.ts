import type { Db } from "@/db/client";
import { signCheckpointIfDue } from "../audit/checkpoints";
import { sweepOverdueReviews } from "../notifications/overdue-sweep";
import { dispatchDueDeliveries } from "../webhooks/dispatch";

/**
 * Work the server does by itself, not on anyone's request: each job runs every `everyMs` in this
 * process. Jobs must be safe when several app instances run them at once (claim rows with
 * FOR UPDATE SKIP LOCKED, or make the write idempotent), because every instance starts them.
 */
export type BackgroundJob = { name: string; everyMs: number; run: (db: Db) => Promise<unknown>; /** Also run once as the process starts. */ atStart?: boolean };

const JOBS: BackgroundJob[] = [
  // Sends due webhook deliveries; ATTEST_WEBHOOK_POLL_MS sets how soon a new one goes out.
  { name: "webhook-dispatcher", everyMs: Number(process.env.ATTEST_WEBHOOK_POLL_MS) || 2000, run: (db) => dispatchDueDeliveries(db) },
  { name: "overdue-review-sweep", everyMs: 5 * 60_000, run: (db) => sweepOverdueReviews(db) },
  // Signs the audit head when the log grew and the newest checkpoint is 55 minutes old: hourly at most apart.
  // At start too: after downtime the log must not wait another 5 minutes (verification calls
  // checkpoints stopped once an event waited 65 minutes: lib/domain/audit-checkpoint.ts).
  { name: "audit-checkpoint", everyMs: 5 * 60_000, atStart: true, run: (db) => db.transaction((tx) => signCheckpointIfDue(tx as unknown as Db)) },
];

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
    if (job.atStart) void tick();
    const timer = setInterval(tick, job.everyMs);
    timer.unref();
    return timer;
  });
  return () => timers.forEach(clearInterval);
}
