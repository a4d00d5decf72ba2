import type { NextRequest } from "next/server";
import { errorResponse } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/route";
import { cardExport } from "@/lib/services/model-cards/exports";
import { importHuggingFaceCard } from "@/lib/services/model-cards/import-huggingface";
import { saveModelCard } from "@/lib/services/model-cards/save-card";
import { NotFound, ServiceError } from "@/lib/services/errors";
import { versionDetail } from "@/lib/services/models/queries";
import { emptyModelCard } from "@/lib/domain/model-card/schema";

const MAX_CARD_BYTES = 1_000_000;

/** ETags name the revision: "rev-3"; "rev-0" is the empty card before the first save. */
const etag = (revision: number | null) => `"rev-${revision ?? 0}"`;

function parseIfMatch(req: NextRequest): number | null | undefined {
  const header = req.headers.get("if-match");
  if (!header) return undefined;
  const match = /^(?:W\/)?"rev-(\d+)"$/.exec(header.trim());
  if (!match) throw new ServiceError("precondition_failed", 412, 'If-Match must be an ETag from GET …/card, like "rev-3".');
  const revision = Number(match[1]);
  return revision === 0 ? null : revision;
}

/** X-Change-Summary carries percent-encoded UTF-8 (headers are Latin-1); plain ASCII works as is. */
function changeSummary(req: NextRequest): string | undefined {
  const raw = req.headers.get("x-change-summary");
  if (!raw) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The card content itself (the object PUT accepts), or its Hugging Face / CycloneDX export. */
export const GET = apiRoute({ permission: "models.read" }, async (ctx, _input, req, params) => {
  const detail = await versionDetail(ctx.db, String(params.slug), String(params.version));
  if (!detail) throw new NotFound("The model version");
  const format = req.nextUrl.searchParams.get("format");
  if (format) return cardExport(ctx.db, detail, format);
  return Response.json(detail.card?.content ?? emptyModelCard(), { headers: { ETag: etag(detail.card?.revision ?? null), "Cache-Control": "no-store" } });
});

/**
 * Saves a new revision. If-Match is required (428 without it) and must name the current
 * revision (409 otherwise, with the current one in the error details). JSON saves the card as
 * given; text/markdown imports a Hugging Face model card.
 */
export const PUT = apiRoute({ permission: "models.write" }, async (ctx, _input, req, params) => {
  const baseRevision = parseIfMatch(req);
  if (baseRevision === undefined) return errorResponse(428, "precondition_required", 'Send If-Match with the ETag of the card you edited (GET …/card), e.g. If-Match: "rev-3".');
  const body = await req.text();
  if (Buffer.byteLength(body) > MAX_CARD_BYTES) return errorResponse(413, "payload_too_large", `A model card is at most ${MAX_CARD_BYTES} bytes.`);
  const contentType = req.headers.get("content-type") ?? "";
  const target = { slug: String(params.slug), version: String(params.version), baseRevision, summary: changeSummary(req) };
  let result;
  if (contentType.startsWith("text/markdown")) {
    result = await importHuggingFaceCard(ctx, { ...target, markdown: body });
  } else if (contentType.startsWith("application/json")) {
    let content: unknown;
    try {
      content = JSON.parse(body);
    } catch {
      return errorResponse(400, "invalid_json", "The request body is not valid JSON.");
    }
    // A signed-in browser saves from the editor; a token is a pipeline or a script.
    result = await saveModelCard(ctx, { ...target, content, source: ctx.actor.token ? "api" : "editor" });
  } else {
    return errorResponse(415, "unsupported_media_type", "Send the card as application/json, or a Hugging Face README as text/markdown.");
  }
  const { revision, unchanged } = result;
  return Response.json(
    { revision: revision.revision, contentHash: revision.contentHash, changedFields: revision.changedFields, unchanged, ...("unmapped" in result ? { unmapped: result.unmapped } : {}) },
    { status: unchanged ? 200 : 201, headers: { ETag: etag(revision.revision) } },
  );
});
