import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/instance";
import { requestMeta } from "@/lib/api/request-meta";
import { signIn } from "@/lib/services/auth/sign-in";
import { authSecret } from "./secret";

/** Sessions last a working day; every request still re-reads the user from the database. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export function authOptions(): AuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          if (!credentials?.email || !credentials.password) return null;
          const user = await signIn(await getDb(), requestMeta(req.headers ?? {}), { email: credentials.email, password: credentials.password });
          return user ? { id: user.id, email: user.email, name: user.name } : null;
        },
      }),
    ],
    callbacks: {
      // The token carries only who signed in; roles are loaded fresh on every request.
      jwt: ({ token, user }) => (user ? { sub: user.id, email: user.email, name: user.name } : token),
      session: ({ session, token }) => ({ ...session, user: { ...session.user, id: token.sub } }),
    },
  };
}
