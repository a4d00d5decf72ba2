import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** Every route handler file under app/, with the URL pattern it serves. */
export function routeFiles(dir = "app"): { file: string; route: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    if (name !== "route.ts") return [];
    const route = "/" + path.dirname(full).split(path.sep).slice(1).filter((s) => !s.startsWith("(")).join("/");
    return [{ file: full, route }];
  });
}

/** The HTTP methods a route file exports. */
export function exportedMethods(file: string): string[] {
  const source = readFileSync(file, "utf8");
  return ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => new RegExp(`export (const|async function|function) ${m}\\b`).test(source));
}

/** The state-changing HTTP methods a route file exports. */
export function mutatingMethods(file: string): string[] {
  return exportedMethods(file).filter((m) => m !== "GET");
}
