import { request, type APIRequestContext } from "@playwright/test";

/** Signs in through next-auth's credentials endpoint exactly as the login form does. */
export async function signInRequest(baseURL: string, email: string, password: string, extraHeaders: Record<string, string> = {}) {
  const context = await request.newContext({ baseURL, extraHTTPHeaders: extraHeaders });
  const response = await postCredentials(context, email, password);
  return { context, response };
}

export async function postCredentials(context: APIRequestContext, email: string, password: string) {
  const { csrfToken } = await (await context.get("/api/auth/csrf")).json();
  return context.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, json: "true" },
    headers: { "X-Auth-Return-Redirect": "1" },
    maxRedirects: 0,
  });
}
