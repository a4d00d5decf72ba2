import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * DESIGN.md invariants 2 and 3, enforced on the source: every service verb checks the actor's
 * permission before it opens its transaction, and leaves an audit event. A verb file is one that
 * calls withTransaction(; files without a verb (queries, schemas, helpers) are not verbs.
 */
const SERVICES = path.join(process.cwd(), "lib", "services");

// Infrastructure every verb uses; none of them is a verb.
const NOT_VERBS = new Set(["audit/queries.ts", "context.ts", "errors.ts", "parse.ts", "audit/emit.ts"]);

// Documented exceptions: these establish or end the actor, so there is no actor to authorise yet
// (sign-in) or any more (sign-out). They still audit, in their own transaction.
const ESTABLISH_THE_ACTOR = new Set(["auth/sign-in.ts", "auth/sign-out.ts"]);

// Documented exception: an upload's progress ticks are operational telemetry for the uploading
// browser, not governance data; they are not audited and are replaced as the upload goes on.
const TELEMETRY = new Set(["evaluations/upload-progress.ts"]);

// Documented exception: marking one's own notifications read is personal UI state (like an
// upload's progress), not governance data; it is not audited and touches only the actor's rows.
const PERSONAL_UI_STATE = new Set(["notifications/mark-read.ts"]);

// Documented exceptions: background jobs act on nobody's request and change no governance state.
// The dispatcher records delivery attempts of announcements whose audit event was written with
// them; the overdue sweep only notifies. Neither is audited.
const BACKGROUND_JOBS = new Set(["webhooks/dispatch.ts", "notifications/overdue-sweep.ts"]);

// Documented exceptions: a user acting on their own account needs no permission from the table,
// only to be that signed-in user; these verbs must refuse everyone else before their transaction.
const SELF_SERVICE = new Set(["users/change-own-password.ts"]);

function serviceFiles(dir = SERVICES): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return serviceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path.relative(SERVICES, full)] : [];
  });
}

/** Each exported async function with its body: from its declaration to the next top-level declaration. */
function exportedAsyncFunctions(source: string): { name: string; body: string }[] {
  const starts = [...source.matchAll(/^export async function (\w+)/gm)];
  return starts.map((match) => {
    const rest = source.slice(match.index);
    const next = rest.slice(1).search(/^(export |async function |function |const |let |type )/m);
    return { name: match[1]!, body: next === -1 ? rest : rest.slice(0, next + 1) };
  });
}

const files = serviceFiles().filter((f) => !NOT_VERBS.has(f) && !f.endsWith("schemas.ts"));
const verbFiles = files.filter((f) => readFileSync(path.join(SERVICES, f), "utf8").includes("withTransaction("));

describe("service verbs", () => {
  it("are found (the scan is not vacuous)", () => {
    expect(verbFiles).toEqual(expect.arrayContaining(["users/create-user.ts", "tokens/create-token.ts", "audit/export-audit-events.ts", "auth/sign-in.ts"]));
  });

  describe.each(verbFiles)("%s", (file) => {
    const source = readFileSync(path.join(SERVICES, file), "utf8");
    const verbs = exportedAsyncFunctions(source).filter((f) => f.body.includes("withTransaction("));

    it("exports at least one verb", () => {
      expect(verbs.map((v) => v.name)).not.toEqual([]);
    });

    it.each(verbs.map((v) => [v.name, v.body] as const))("%s authorises before its transaction and audits", (_, body) => {
      expect(body).toMatch(/\b(emitAudit|auditOnCommit)\(/);
      if (ESTABLISH_THE_ACTOR.has(file)) return;
      const authorised = body.indexOf(SELF_SERVICE.has(file) ? "throw new Forbidden(" : "authorize(ctx,");
      expect(authorised, "authorize(ctx, …) is missing").toBeGreaterThan(-1);
      expect(authorised).toBeLessThan(body.indexOf("withTransaction("));
    });
  });

  // Helpers may write only as steps of a caller's transaction: every function they export takes
  // that transaction (`tx: Db`) as its first parameter, so they cannot be called outside a verb.
  const isTransactionStep = (source: string) => {
    const exported = [...source.matchAll(/^export (?:async )?function \w+\(([^,)]*)/gm)].map((m) => m[1]!.trim());
    return exported.length > 0 && exported.every((param) => param === "tx: Db");
  };

  it("write to the database only inside verb files or as steps of a verb's transaction", () => {
    const writers = serviceFiles().filter((f) => /\.(insert|update|delete)\(/.test(readFileSync(path.join(SERVICES, f), "utf8")));
    const loose = writers.filter((f) => !verbFiles.includes(f) && !isTransactionStep(readFileSync(path.join(SERVICES, f), "utf8")) && !TELEMETRY.has(f) && !PERSONAL_UI_STATE.has(f) && !BACKGROUND_JOBS.has(f));
    expect(loose).toEqual([]);
  });
});
