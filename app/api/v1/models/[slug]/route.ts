import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { NotFound } from "@/lib/services/errors";
import { modelBySlug } from "@/lib/services/models/queries";
import { updateModel } from "@/lib/services/models/update-model";

export const GET = apiRoute({ permission: "models.read" }, async (ctx, _input, _req, params) => {
  const model = await modelBySlug(ctx.db, String(params.slug));
  if (!model) throw new NotFound("The model");
  return model;
});

const ZUpdateModelBody = z.object({
  name: z.string().optional(),
  purpose: z.string().optional(),
  businessUnit: z.string().optional(),
  tags: z.array(z.string()).optional(),
  ownerEmail: z.string().optional(),
  maintainerEmails: z.array(z.string()).optional(),
});

/** Change the model's details, its accountable owner or its maintainers (owner and maintainers only). */
export const PATCH = apiRoute({ permission: "models.write", input: ZUpdateModelBody }, async (ctx, input, _req, params) => updateModel(ctx, { slug: String(params.slug), ...input }));
