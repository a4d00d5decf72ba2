// Runs once when the server starts: migrate, seed the demo organisation on an empty embedded
// database and print its logins, before the first request arrives.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("./db/instance");
  await getDb();
}
