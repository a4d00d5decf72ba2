/**
 * The operator's command line: accounts and API tokens without the web console, e.g. to create
 * the first admin of a production database. It opens the database exactly as the app does and
 * changes it only through the service verbs, as the system actor "cli", so every change leaves
 * its audit event like any other.
 */
import { parseArgs } from "node:util";
import { asc } from "drizzle-orm";
import { configFromEnv, openDatabase, type Db } from "@/db/client";
import { migrate } from "@/db/migrate";
import { users } from "@/db/schema";
import { NO_REQUEST, type ServiceContext } from "@/lib/services/context";
import { InvalidInput, ServiceError } from "@/lib/services/errors";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { listApiTokens } from "@/lib/services/tokens/queries";
import { revokeApiToken } from "@/lib/services/tokens/revoke-token";
import { createUser } from "@/lib/services/users/create-user";

const HELP = `Attest admin CLI

  npm run --silent admin -- user create --email E --name N --roles r1,r2 [--auditor-expires YYYY-MM-DD]
      The password is read from standard input when it is not a terminal and not empty
      (echo "$PASSWORD" | npm run --silent admin -- user create …); otherwise a one-time
      password is generated, printed once, and must be changed at first sign-in.
      Auditor access lapses at the end of the --auditor-expires day (UTC).
  npm run --silent admin -- user list
  npm run --silent admin -- token create --email OWNER --name N --scopes s1,s2 [--expires-days D]
      Prints the new token alone on the last line of output; it is not shown again.
  npm run --silent admin -- token list
  npm run --silent admin -- token revoke --id TOKEN_ID

Roles: admin, model_owner, compliance_officer, auditor.
Scopes: models:read, models:write, evaluations:write, gate:read, deployments:write, reports:read, audit:read.

Database: DATABASE_URL when set (PostgreSQL), else the embedded PGlite database in DATA_DIR
(default .data/), migrated first as the app does. The embedded database is for one process at a
time: stop the app before using the CLI on it. With PostgreSQL the app can keep running.
Run from the project directory. Exit codes: 0 done, 1 refused (bad value, conflict, not found),
2 usage error.`;

class UsageError extends Error {}

type Option = { type: "string" };
type Values = Record<string, string | undefined>;
type Command = {
  options: Record<string, Option>;
  required: string[];
  /** Reads the password from stdin before the database is opened, so a slow pipe holds no lock. */
  readsPassword?: boolean;
  run: (ctx: ServiceContext, v: Values) => Promise<void>;
};

const text: Option = { type: "string" };
const list = (value: string | undefined) => (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);

/** What a zod field path is called on this command line. */
const FLAG_NAMES: Record<string, string> = {
  email: "--email", ownerEmail: "--email", name: "--name", roles: "--roles", scopes: "--scopes",
  auditorExpiresAt: "--auditor-expires", expiresInDays: "--expires-days", tokenId: "--id", password: "password (stdin)",
};

async function passwordFromStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
  return password === "" ? undefined : password;
}

/** "2026-12-31" → the first instant after that day (UTC), when auditor access lapses. */
function endOfDay(value: string): Date {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00.000Z`) : null;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) {
    throw new InvalidInput("Some fields need attention.", { fields: { auditorExpiresAt: "Give the last day of access as YYYY-MM-DD." } });
  }
  return new Date(day.getTime() + 86_400_000);
}

function printTable(rows: Record<string, string>[]): void {
  if (rows.length === 0) return void console.log("(none)");
  const keys = Object.keys(rows[0]!);
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => r[k]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  console.log(line(keys));
  for (const row of rows) console.log(line(keys.map((k) => row[k]!)));
}

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? "-";
const minute = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16)}Z` : "-");

const COMMANDS: Record<string, Command> = {
  "user create": {
    options: { email: text, name: text, roles: text, "auditor-expires": text },
    required: ["email", "name", "roles"],
    readsPassword: true,
    async run(ctx, v) {
      const roles = list(v.roles);
      const auditorExpiresAt = v["auditor-expires"] ? endOfDay(v["auditor-expires"]) : null;
      if (auditorExpiresAt && !roles.includes("auditor")) {
        throw new InvalidInput("Some fields need attention.", { fields: { auditorExpiresAt: "Only auditors have an access expiry." } });
      }
      const { user, oneTimePassword } = await createUser(ctx, { email: v.email!, name: v.name!, roles, auditorExpiresAt, password: v.password }, "cli");
      const expiry = user.auditorExpiresAt ? `; auditor access lapses at ${user.auditorExpiresAt.toISOString()} (end of ${v["auditor-expires"]}, UTC)` : "";
      console.log(`Created user ${user.email} (${user.name}), roles: ${user.roles.join(", ")}${expiry}.`);
      if (oneTimePassword) {
        console.log("One-time password, shown once (it must be changed at first sign-in):");
        console.log(oneTimePassword);
      }
    },
  },
  "user list": {
    options: {},
    required: [],
    async run(ctx) {
      const rows = await ctx.db
        .select({ email: users.email, name: users.name, roles: users.roles, active: users.active, auditorExpiresAt: users.auditorExpiresAt, createdAt: users.createdAt })
        .from(users)
        .orderBy(asc(users.email));
      printTable(rows.map((u) => ({ email: u.email, name: u.name, roles: u.roles.join(","), active: u.active ? "yes" : "no", "auditor lapses": minute(u.auditorExpiresAt), created: day(u.createdAt) })));
    },
  },
  "token create": {
    options: { email: text, name: text, scopes: text, "expires-days": text },
    required: ["email", "name", "scopes"],
    async run(ctx, v) {
      const days = v["expires-days"];
      if (days !== undefined && !/^\d+$/.test(days)) {
        throw new InvalidInput("Some fields need attention.", { fields: { expiresInDays: "Give a whole number of days." } });
      }
      const { token, secret } = await createApiToken(ctx, { ownerEmail: v.email!, name: v.name!, scopes: list(v.scopes), expiresInDays: days ? Number(days) : null });
      console.log(`Created token "${token.name}" (id ${token.id}) for ${v.email!.trim().toLowerCase()}, scopes: ${token.scopes.join(", ")}; expires: ${token.expiresAt?.toISOString() ?? "never"}.`);
      console.log("Store it now, it is not shown again:");
      console.log(secret);
    },
  },
  "token list": {
    options: {},
    required: [],
    async run(ctx) {
      const tokens = await listApiTokens(ctx.db);
      printTable(tokens.map((t) => ({
        id: t.id, name: t.name, prefix: t.prefix, owner: t.ownerEmail, scopes: t.scopes.join(","),
        expires: day(t.expiresAt), revoked: day(t.revokedAt), "last used": day(t.lastUsedAt),
      })));
    },
  },
  "token revoke": {
    options: { id: text },
    required: ["id"],
    async run(ctx, v) {
      const token = await revokeApiToken(ctx, { tokenId: v.id! });
      console.log(`Revoked token "${token.name}" (id ${token.id}).`);
    },
  },
};

function parseCommand(argv: string[]) {
  if (argv.length === 0 || argv.includes("--help") || argv.includes("-h")) return null;
  const name = argv.slice(0, 2).join(" ");
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(", ")}`);
  let values: Values;
  try {
    values = parseArgs({ args: argv.slice(2), options: command.options, strict: true, allowPositionals: false }).values as Values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const missing = command.required.filter((k) => !values[k]?.trim());
  if (missing.length) throw new UsageError(`${name} needs ${missing.map((k) => `--${k}`).join(", ")}`);
  return { command, values };
}

async function withDatabase<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const config = configFromEnv();
  const handle = await openDatabase(config);
  try {
    const applied = await migrate(handle.db);
    if (applied.length) console.error(`[attest] applied migrations: ${applied.join(", ")}`);
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseCommand(argv);
  if (!parsed) {
    console.log(HELP);
    return 0;
  }
  if (parsed.command.readsPassword) parsed.values.password = await passwordFromStdin();
  await withDatabase((db) => parsed.command.run({ db, actor: { kind: "system", name: "cli" }, request: NO_REQUEST }, parsed.values));
  return 0;
}

function report(error: unknown): number {
  if (error instanceof UsageError) {
    console.error(`error: ${error.message}\nRun with --help for usage.`);
    return 2;
  }
  if (error instanceof ServiceError) {
    console.error(`error: ${error.message}`);
    const fields = (error.details as { fields?: Record<string, string> } | undefined)?.fields ?? {};
    for (const [path, message] of Object.entries(fields)) {
      const [field] = path.split(".");
      console.error(`  ${FLAG_NAMES[field!] ?? path}: ${message}`);
    }
    return 1;
  }
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => (process.exitCode = report(error)),
);
