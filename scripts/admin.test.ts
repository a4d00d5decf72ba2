import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { asc, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { authenticateApiToken } from "@/lib/auth/load-actor";
import { verifyPassword } from "@/lib/auth/password";

const ROOT = path.resolve(__dirname, "..");
let dataDir: string;

/** The CLI as an operator runs it, in its own process, on an embedded database in dataDir. */
function admin(args: string[], stdin = "") {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/admin.ts", ...args], {
    cwd: ROOT,
    input: stdin,
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, lastLine: run.stdout.trimEnd().split("\n").at(-1) ?? "" };
}

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "attest-admin-"));
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("scripts/admin.ts", () => {
  let token = "";

  it("creates a user with the password given on stdin", () => {
    const run = admin(["user", "create", "--email", "Pipeline.Owner@Bank.eu", "--name", "Pipeline Owner", "--roles", "model_owner"], "a-long-cli-password\n");
    expect(run.stderr).not.toMatch(/error/);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Created user pipeline.owner@bank.eu");
    expect(run.stdout).not.toMatch(/scrypt\$/);
  }, 60_000);

  it("creates a token and prints it alone on the last line", () => {
    const run = admin(["token", "create", "--email", "pipeline.owner@bank.eu", "--name", "credit-risk CI", "--scopes", "models:read,models:write", "--expires-days", "30"]);
    expect(run.status).toBe(0);
    expect(run.lastLine).toMatch(/^att_[A-Za-z0-9_-]{43}$/);
    token = run.lastLine;
  }, 60_000);

  it("refuses bad roles with a non-zero exit naming the field, and changes nothing", () => {
    const run = admin(["user", "create", "--email", "x@bank.eu", "--name", "X", "--roles", "model_owner,superuser"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/--roles: A role is one of/);
  }, 60_000);

  it("refuses a usage error with exit code 2", () => {
    const run = admin(["user", "create", "--email", "x@bank.eu", "--roles", "auditor"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/needs --name/);
  }, 60_000);

  it("left a working account and token, and audited both as the CLI", async () => {
    const handle = await openDatabase({ dataDir });
    try {
      const db = handle.db;
      const actor = await authenticateApiToken(db, token);
      expect(actor).toMatchObject({ kind: "user", email: "pipeline.owner@bank.eu", roles: ["model_owner"], token: { scopes: ["models:read", "models:write"] } });
      const all = await db.select().from(users);
      expect(all.map((u) => u.email)).toEqual(["pipeline.owner@bank.eu"]); // the refused commands left nothing
      const user = all[0];
      expect(await verifyPassword("a-long-cli-password", user!.passwordHash)).toBe(true);
      const events = await db.select().from(auditEvents).where(inArray(auditEvents.action, ["user.created", "token.created"])).orderBy(asc(auditEvents.seq));
      expect(events.map((e) => [e.action, e.actorEmail])).toEqual([["user.created", "system:cli"], ["token.created", "system:cli"]]);
      expect(events[0]!.data).toMatchObject({ email: "pipeline.owner@bank.eu", via: "cli" });
      expect(events[1]!.data).toMatchObject({ ownerEmail: "pipeline.owner@bank.eu", scopes: ["models:read", "models:write"] });
    } finally {
      await handle.close();
    }
  }, 60_000);
});
