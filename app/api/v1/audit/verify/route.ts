import { apiRoute } from "@/lib/api/route";
import { verifyAuditChain } from "@/lib/services/audit/queries";

/** Recomputes the whole chain: {ok, checked, headSeq, headHash, firstBrokenSeq?}. */
export const GET = apiRoute({ permission: "audit.read" }, async (ctx) => verifyAuditChain(ctx.db));
