import { describe, expect, it } from "vitest";
import { routeFiles, exportedMethods } from "@/e2e/support/routes";
import { documentedOperations, openApiDocument } from "./openapi";

describe("the OpenAPI document", () => {
  it("describes every /api/v1 route file and method, and nothing else", () => {
    const routes = routeFiles()
      .filter((r) => r.route.startsWith("/api/v1"))
      .flatMap((r) => exportedMethods(r.file).map((m) => `${m} ${r.route.replace(/\[(\w+)\]/g, "{$1}")}`));
    expect([...documentedOperations()].sort()).toEqual(routes.sort());
  });

  it("is OpenAPI 3.1 with a bearer scheme and JSON schemas for bodies", () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    const put = doc.paths["/api/v1/models/{slug}/versions/{version}/card"]!.put as { requestBody: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } };
    expect(Object.keys(put.requestBody.content["application/json"]!.schema.properties)).toContain("intendedUse");
  });
});
