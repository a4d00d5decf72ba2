import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// A throw-away data directory per run: the journeys start from the freshly seeded demo organisation.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), "attest-e2e-"));
process.env.E2E_DATA_DIR = dataDir;
const port = Number(process.env.E2E_PORT ?? 3111);
export const baseURL = `http://localhost:${port}`;

// scripts/test.mjs finds or installs a browser and passes it here; without it, the system
// Chromium when present, else Playwright's own download (`npx playwright install chromium`).
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  reporter: process.env.PLAYWRIGHT_REPORTER ? [[process.env.PLAYWRIGHT_REPORTER]] : [["list"]],
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    // Real HTTP against the production build: the permission matrix, tokens, throttling.
    { name: "api", testDir: "e2e/api" },
    // Persona journeys in the browser; after the API project so audit-head assertions there
    // are not disturbed by concurrent journeys.
    { name: "ui", testDir: "e2e/ui", dependencies: ["api"], use: { viewport: { width: 1366, height: 860 } } },
  ],
  webServer: {
    command: "node scripts/server.mjs",
    url: `${baseURL}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    // The webhook receivers in e2e/api/webhooks.spec.ts listen on 127.0.0.1: a private address.
    env: { DATA_DIR: dataDir, PORT: String(port), NEXTAUTH_URL: baseURL, SEED_DEMO: "true", NODE_ENV: "production", ATTEST_WEBHOOK_ALLOW_PRIVATE: "true" },
  },
});
