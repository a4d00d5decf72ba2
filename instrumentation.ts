// Runs once when the server starts: migrate, seed the demo organisation on an empty embedded
// database and print its logins, before the first request arrives; then start the background jobs.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("./db/instance");
  const db = await getDb();
  const { startBackgroundJobs } = await import("./lib/services/jobs/background");
  startBackgroundJobs(db);
}
