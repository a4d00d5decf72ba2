import type { NextRequest } from "next/server";
import type { z } from "zod";
import { getDb } from "@/db/instance";
import type { Actor } from "@/lib/auth/actor";
import { authenticateApiToken } from "@/lib/auth/load-actor";
import { allows, type Permission } from "@/lib/auth/permissions";
import { actorFromCookies } from "@/lib/auth/session";
import type { ServiceContext } from "@/lib/services/context";
import { fieldErrors } from "@/lib/services/parse";
import { errorResponse, responseForError } from "./errors";
import { requestMeta } from "./request-meta";

type UserActor = Extract<Actor, { kind: "user" }>;
export type RouteContext = ServiceContext & { actor: UserActor };

type RouteOptions<S extends z.ZodType | undefined> = {
  /** Checked before anything else; the service verb checks it again with the resource. */
  permission: Permission | null;
  /** "session" routes refuse API tokens (admin pages); "any" accepts a browser session or a token. */
  auth?: "session" | "any";
  /** JSON body for POST/PUT/PATCH/DELETE, query parameters for GET. */
  input?: S;
  maxBodyBytes?: number;
};

type Params = Record<string, string | string[]>;
type Handler<S> = (ctx: RouteContext, input: S extends z.ZodType ? z.output<S> : undefined, req: NextRequest, params: Params) => Promise<Response | unknown>;

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

async function resolveActor(req: NextRequest, auth: "session" | "any", ctx: { db: ServiceContext["db"] }): Promise<UserActor | Response> {
  const authorization = req.headers.get("authorization");
  if (authorization) {
    const [scheme, secret] = authorization.split(" ");
    if (auth === "session") return errorResponse(403, "forbidden", "This route is for signed-in users in the browser; API tokens cannot use it.");
    const actor = scheme?.toLowerCase() === "bearer" && secret ? await authenticateApiToken(ctx.db, secret) : null;
    return actor ?? errorResponse(401, "unauthenticated", "The API token is missing, malformed, expired or revoked.");
  }
  const actor = await actorFromCookies(req.cookies);
  if (!actor) return errorResponse(401, "unauthenticated", "Sign in or send a valid API token.");
  // Browsers send Origin on cross-site requests: a cookie-authenticated change must come from us.
  const origin = req.headers.get("origin");
  if (MUTATING.has(req.method) && origin && new URL(origin).host !== req.headers.get("host")) {
    return errorResponse(403, "forbidden", "Cross-site requests are refused.");
  }
  return actor;
}

async function readInput(req: NextRequest, schema: z.ZodType, maxBodyBytes: number): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  let raw: unknown;
  if (req.method === "GET" || req.method === "HEAD") {
    raw = Object.fromEntries(req.nextUrl.searchParams);
  } else {
    const declared = Number(req.headers.get("content-length") ?? 0);
    const text = declared > maxBodyBytes ? null : await req.text();
    if (text === null || Buffer.byteLength(text) > maxBodyBytes) {
      return { ok: false, response: errorResponse(413, "payload_too_large", `The request body is larger than ${maxBodyBytes} bytes.`) };
    }
    try {
      raw = text ? JSON.parse(text) : {};
    } catch {
      return { ok: false, response: errorResponse(400, "invalid_json", "The request body is not valid JSON.") };
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, response: errorResponse(400, "validation_failed", "Some fields need attention.", { fields: fieldErrors(parsed.error) }) };
  return { ok: true, value: parsed.data };
}

/**
 * Every route handler goes through here: it loads the actor from the database (a deactivated or
 * demoted user is refused whatever their cookie says), checks the permission and the token's
 * scope, parses the input with zod, runs the handler and maps typed errors to status codes.
 */
export function apiRoute<S extends z.ZodType | undefined = undefined>(options: RouteOptions<S>, handler: Handler<S>) {
  return async (req: NextRequest, context: { params: Promise<Params> }): Promise<Response> => {
    const meta = requestMeta(req.headers);
    const withId = (res: Response) => (res.headers.set("x-request-id", meta.requestId ?? ""), res);
    try {
      const db = await getDb();
      const actor = await resolveActor(req, options.auth ?? "any", { db });
      if (actor instanceof Response) return withId(actor);
      if (options.permission && !allows(actor.roles, options.permission, actor.token?.scopes)) {
        const reason = actor.token && allows(actor.roles, options.permission) ? "This API token does not carry the scope this route needs." : "You do not have permission to do this.";
        return withId(errorResponse(403, "forbidden", reason));
      }
      let input: unknown;
      if (options.input) {
        const read = await readInput(req, options.input, options.maxBodyBytes ?? 1_000_000);
        if (!read.ok) return withId(read.response);
        input = read.value;
      }
      const result = await handler({ db, actor, request: meta }, input as never, req, await context.params);
      return withId(result instanceof Response ? result : Response.json(result));
    } catch (error) {
      return withId(responseForError(error, meta.requestId));
    }
  };
}
