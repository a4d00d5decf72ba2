import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { auditEventsAfter } from "@/lib/services/audit/queries";

const ZQuerySchema = z.object({
  afterSeq: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** Events in seq order from afterSeq on: pipelines and auditors page through the whole log. */
export const GET = apiRoute({ permission: "audit.read", input: ZQuerySchema }, async (ctx, { afterSeq, limit }) => {
  const events = await auditEventsAfter(ctx.db, afterSeq, limit);
  return { events, nextAfterSeq: events.length === limit ? events[events.length - 1]!.seq : null };
});
