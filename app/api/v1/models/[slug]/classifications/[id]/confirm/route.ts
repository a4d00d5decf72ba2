import { apiRoute } from "@/lib/api/route";
import { confirmClassification } from "@/lib/services/risk/confirm-classification";

export const POST = apiRoute({ permission: "risk.decide", auth: "session" }, async (ctx, _input, _req, params) =>
  confirmClassification(ctx, { classificationId: String(params.id) }),
);
