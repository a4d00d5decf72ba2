import { mkdirSync } from "node:fs";
import type { FullConfig } from "@playwright/test";
import { ROLES } from "../lib/auth/permissions";
import { DEMO, storageStatePath } from "./support/roles";
import { signInRequest } from "./support/session";

/** Signs each demo role in once and keeps its cookies for the specs (storageState). */
export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0]!.use.baseURL!;
  mkdirSync("e2e/.auth", { recursive: true });
  for (const role of ROLES) {
    const { context, response } = await signInRequest(baseURL, DEMO[role].email, DEMO[role].password);
    if (!response.ok()) throw new Error(`demo sign-in for ${role} failed with ${response.status()}`);
    await context.storageState({ path: storageStatePath(role) });
    await context.dispose();
  }
}
