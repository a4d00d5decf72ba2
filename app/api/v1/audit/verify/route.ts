import { apiRoute } from "@/lib/api/route";
import { verifyAuditLog } from "@/lib/services/audit/checkpoint-queries";

/**
 * Recomputes the whole chain and checks every signed checkpoint against it:
 * {ok, chainOk, checked, headSeq, headHash, firstBrokenSeq?, reason?, checkpoints: {ok, checked, lastGoodSeq?, firstFailingSeq?, reason?}}.
 */
export const GET = apiRoute({ permission: "audit.read" }, async (ctx) => verifyAuditLog(ctx.db));
