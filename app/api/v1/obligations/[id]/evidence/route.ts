import { errorResponse } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/route";
import { evidenceContentType, MAX_EVIDENCE_BYTES } from "@/lib/domain/evidence-file";
import { addObligationEvidence } from "@/lib/services/risk/add-evidence";

// Room for the multipart framing and the note around the largest file allowed.
const MAX_REQUEST_BYTES = MAX_EVIDENCE_BYTES + 64 * 1024;

/** multipart/form-data with any of: note, url, file. */
export const POST = apiRoute({ permission: "obligations.write" }, async (ctx, _input, req, params) => {
  if (Number(req.headers.get("content-length") ?? 0) > MAX_REQUEST_BYTES) return errorResponse(413, "payload_too_large", `Evidence files are at most ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB.`);
  if (!(req.headers.get("content-type") ?? "").startsWith("multipart/form-data")) return errorResponse(415, "unsupported_media_type", "Send evidence as multipart/form-data.");
  const form = await req.formData();
  const file = form.get("file");
  const upload = file instanceof File && file.size > 0 ? { name: file.name, contentType: evidenceContentType(file.type, file.name), bytes: new Uint8Array(await file.arrayBuffer()) } : null;
  const evidence = await addObligationEvidence(ctx, {
    obligationId: String(params.id),
    note: String(form.get("note") ?? ""),
    url: (form.get("url") as string | null) || null,
    file: upload,
  });
  return Response.json(evidence, { status: 201 });
});
