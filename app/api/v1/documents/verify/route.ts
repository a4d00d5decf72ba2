import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { issuedDocumentBySha256, verificationAnswer } from "@/lib/services/documents/queries";

const ZVerifyQuerySchema = z.object({
  sha256: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{64}$/, "Give the file's SHA-256 as 64 hexadecimal digits."),
});

/** Did Attest issue exactly the file with this SHA-256? 200 with what, when and by whom, or 404. */
export const GET = apiRoute({ permission: "reports.read", input: ZVerifyQuerySchema }, async (ctx, { sha256 }) => {
  const answer = verificationAnswer(await issuedDocumentBySha256(ctx.db, sha256));
  return Response.json(answer, { status: answer.issued ? 200 : 404, headers: { "Cache-Control": "no-store" } });
});
