import type { NextRequest } from "next/server";
import { errorResponse, responseForError } from "@/lib/api/errors";
import { evaluationQuery } from "@/lib/api/evaluation-query";
import { apiRoute, type RouteContext } from "@/lib/api/route";
import { NotFound } from "@/lib/services/errors";
import { ingestPredictionsCsv, MAX_PREDICTIONS_BYTES } from "@/lib/services/evaluations/ingest-predictions";
import { evaluationResponse, evaluationsOfVersion } from "@/lib/services/evaluations/queries";
import { recordEvaluationCounts } from "@/lib/services/evaluations/record-counts";
import { uploadProgressReporter } from "@/lib/services/evaluations/upload-progress";
import { versionDetail } from "@/lib/services/models/queries";

const CSV_TYPES = ["text/csv", "text/tab-separated-values", "text/plain"];

async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

function ingest(ctx: RouteContext, req: NextRequest, slug: string, version: string, onProgress?: (p: { bytes: number; rows: number }) => void) {
  const query = evaluationQuery(req.nextUrl.searchParams);
  // A browser names its upload so it can poll GET /api/v1/uploads/{id} while it is still sending.
  const uploadId = req.headers.get("x-upload-id");
  const report = uploadId && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(uploadId) ? uploadProgressReporter(ctx.db, uploadId, ctx.actor.userId) : null;
  const progress = report || onProgress ? (p: { bytes: number; rows: number }) => (report?.(p), onProgress?.(p)) : undefined;
  return ingestPredictionsCsv(ctx, { slug, version, ...query, chunks: chunksOf(req.body!), onProgress: progress });
}

/**
 * Upload a predictions file (text/csv or TSV, streamed: never held in memory) or post counts
 * (application/json). With Accept: application/x-ndjson the answer streams progress lines
 * {"type":"progress","bytes","rows"} and ends with {"type":"result","status",…} or
 * {"type":"error","status","error"}, so a browser can show rows processed as they are counted.
 */
export const POST = apiRoute({ permission: "evaluations.write", maxBodyBytes: MAX_PREDICTIONS_BYTES }, async (ctx, _input, req, params) => {
  const slug = String(params.slug);
  const version = String(params.version);
  const contentType = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (Number(req.headers.get("content-length") ?? 0) > MAX_PREDICTIONS_BYTES) {
    return errorResponse(413, "payload_too_large", `A predictions file is at most ${MAX_PREDICTIONS_BYTES / 1024 / 1024} MB.`);
  }
  if (contentType === "application/json") {
    let body: unknown;
    try {
      body = JSON.parse(await req.text());
    } catch {
      return errorResponse(400, "invalid_json", "The request body is not valid JSON.");
    }
    const query = evaluationQuery(req.nextUrl.searchParams);
    // The body (overall, attributes, intersections, scoreHistogram) is checked by the service;
    // the URL names the model version, whatever the body says (it is spread first).
    const evaluation = await recordEvaluationCounts(ctx, { ...(body as { overall: never; attributes: never }), slug, version, name: query.name, references: query.references, latencyMs: query.latencyMs });
    return Response.json(evaluationResponse(evaluation, null), { status: 201 });
  }
  if (!CSV_TYPES.includes(contentType)) return errorResponse(415, "unsupported_media_type", "Send predictions as text/csv or text/tab-separated-values, or counts as application/json.");
  if (!req.body) return errorResponse(422, "unprocessable", "The file is empty.", { code: "empty_file" });
  if (!(req.headers.get("accept") ?? "").includes("application/x-ndjson")) {
    const evaluation = await ingest(ctx, req, slug, version);
    return Response.json(evaluationResponse(evaluation, null), { status: 201 });
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: object) => controller.enqueue(encoder.encode(JSON.stringify(line) + "\n"));
      let lastSent = 0;
      try {
        const evaluation = await ingest(ctx, req, slug, version, ({ bytes, rows }) => {
          if (Date.now() - lastSent < 200) return;
          lastSent = Date.now();
          send({ type: "progress", bytes, rows });
        });
        send({ type: "result", status: 201, evaluation: evaluationResponse(evaluation, null) });
      } catch (error) {
        const response = responseForError(error, ctx.request.requestId);
        send({ type: "error", status: response.status, ...(await response.json()) });
      }
      controller.close();
    },
  });
  return new Response(stream, { status: 200, headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
});

export const GET = apiRoute({ permission: "models.read" }, async (ctx, _input, _req, params) => {
  const detail = await versionDetail(ctx.db, String(params.slug), String(params.version));
  if (!detail) throw new NotFound("The model version");
  return { evaluations: await evaluationsOfVersion(ctx.db, detail.version.id) };
});
