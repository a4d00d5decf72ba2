// `npm start` builds first when there is no production build, or when source files changed
// since the last one, so a fresh clone needs one command to run.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const buildId = path.join(".next", "BUILD_ID");
const SOURCES = ["app", "components", "lib", "db", "next.config.js", "package.json", "instrumentation.ts"];

function newestChange(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
if (builtAt < Math.max(...SOURCES.map(newestChange))) {
  console.log("[attest] building the app (first start or sources changed)…");
  execSync("npx next build", { stdio: "inherit" });
}
