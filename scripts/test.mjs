// `npm test`: the whole suite, the same on a laptop and in CI.
//  1. vitest: unit tests, and integration tests on PGlite (and PostgreSQL when TEST_DATABASE_URL is set)
//  2. a production build
//  3. Playwright against that build: real HTTP (permission matrix, tokens, throttling) and the persona journeys
// It finds a browser for Playwright first: the system Chromium, else it installs one.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const results = path.join(os.tmpdir(), `attest-test-${process.pid}`);

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function findBrowser() {
  for (const candidate of [process.env.PLAYWRIGHT_CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("[test] no Chromium found: installing Debian's chromium package…");
    run("apt-get", ["update", "-qq"]);
    if (run("apt-get", ["install", "-y", "-qq", "chromium"]) === 0 && existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  }
  console.log("[test] no system Chromium: asking Playwright to install its own…");
  if (run("npx", ["playwright", "install", "chromium"]) === 0) return undefined; // Playwright finds its own
  console.error("[test] No browser for the end-to-end tests. Install Chromium (apt-get install chromium) or run `npx playwright install chromium`, then try again.");
  process.exit(1);
}

function counts(file, pick) {
  try {
    return pick(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    return { passed: 0, failed: 1 };
  }
}

const vitestJson = `${results}-vitest.json`;
const playwrightJson = `${results}-playwright.json`;
const browser = findBrowser();

const vitest = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
const build = run("npx", ["next", "build"]);
const e2eData = path.join(os.tmpdir(), `attest-e2e-${process.pid}`);
const playwright = build === 0
  ? run("npx", ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson, E2E_DATA_DIR: e2eData, ...(browser ? { PLAYWRIGHT_CHROMIUM_PATH: browser } : {}) })
  : 1;
rmSync(e2eData, { recursive: true, force: true });

const v = counts(vitestJson, (j) => ({ passed: j.numPassedTests, failed: j.numFailedTests + (j.numPendingTests ?? 0) }));
const p = build === 0 ? counts(playwrightJson, (j) => ({ passed: j.stats.expected, failed: j.stats.unexpected + j.stats.flaky + j.stats.skipped })) : { passed: 0, failed: 1 };
for (const f of [vitestJson, playwrightJson]) rmSync(f, { force: true });

console.log(`\nvitest: ${v.passed} passed, ${v.failed} failed · playwright: ${p.passed} passed, ${p.failed} failed${build === 0 ? "" : " (the build failed)"}`);
console.log(`${v.passed + p.passed} passed, ${v.failed + p.failed} failed`);
process.exit(vitest === 0 && build === 0 && playwright === 0 && v.failed + p.failed === 0 ? 0 : 1);
