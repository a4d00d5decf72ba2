import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { getDb } from "@/db/instance";
import { requestMeta } from "@/lib/api/request-meta";
import { authOptions } from "@/lib/auth/next-auth";
import { actorFromCookies } from "@/lib/auth/session";
import { checkSignInThrottle } from "@/lib/services/auth/sign-in";
import { recordSignOut } from "@/lib/services/auth/sign-out";
import { TooManyRequests } from "@/lib/services/errors";

type Context = { params: Promise<{ nextauth: string[] }> };

function handle(req: NextRequest, context: Context) {
  return NextAuth(req as never, context as never, authOptions()) as Promise<Response>;
}

export const GET = handle;

/**
 * Before next-auth sees a sign-in, the throttle may answer 429 (next-auth itself can only say
 * 401); sign-outs are audited while the session still names who is leaving.
 */
export async function POST(req: NextRequest, context: Context) {
  const { nextauth } = await context.params;
  const action = nextauth.join("/");
  const db = await getDb();
  const meta = requestMeta(req.headers);
  if (action === "callback/credentials") {
    const form = await req.clone().formData().catch(() => null);
    try {
      await checkSignInThrottle(db, meta, String(form?.get("email") ?? ""));
    } catch (error) {
      if (!(error instanceof TooManyRequests)) throw error;
      // next-auth's client reads the outcome from `url`; the login page explains "throttled".
      const url = new URL("/login?error=throttled", req.nextUrl.origin).toString();
      return Response.json({ url, error: { code: error.code, message: error.message } }, { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } });
    }
  }
  if (action === "signout") {
    const actor = await actorFromCookies(req.cookies);
    if (actor) await recordSignOut({ db, actor, request: meta });
  }
  return handle(req, context);
}
