import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { updateObligation } from "@/lib/services/risk/update-obligation";

const ZBody = z.object({ status: z.string().optional(), note: z.string().optional(), ownerEmail: z.string().nullish(), dueDate: z.string().nullish() });

export const PATCH = apiRoute({ permission: "obligations.write", input: ZBody }, async (ctx, input, _req, params) =>
  updateObligation(ctx, { obligationId: String(params.id), ...input, status: input.status as never }),
);
