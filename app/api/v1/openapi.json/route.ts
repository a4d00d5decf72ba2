import { openApiDocument } from "@/lib/api/openapi";

/** Public: the API's description is not a secret. */
export function GET() {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
