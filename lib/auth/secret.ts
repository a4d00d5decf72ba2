import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { configFromEnv } from "@/db/client";

let cached: string | undefined;

/**
 * The secret that signs session cookies. Production sets NEXTAUTH_SECRET (every instance must
 * share it). The embedded quick start generates one on first start and keeps it beside the data
 * (mode 0600), so sessions survive a restart without any set-up. It is never logged.
 */
export function authSecret(): string {
  if (cached) return cached;
  const fromEnv = process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET;
  if (fromEnv) return (cached = fromEnv);
  const config = configFromEnv();
  if (config.url) throw new Error("NEXTAUTH_SECRET must be set when DATABASE_URL is: every instance needs the same secret.");
  const file = path.join(config.dataDir, "auth-secret");
  try {
    cached = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(config.dataDir, { recursive: true });
    cached = randomBytes(32).toString("base64url");
    writeFileSync(file, cached, { mode: 0o600, flag: "wx" });
  }
  return cached;
}
