import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { createModel } from "@/lib/services/models/create-model";
import { inventoryPage, ZInventoryQuerySchema } from "@/lib/services/models/inventory";

const ZCreateModelBody = z.object({
  name: z.string(),
  slug: z.string().optional(),
  purpose: z.string().optional(),
  businessUnit: z.string().optional(),
  tags: z.array(z.string()).optional(),
  ownerEmail: z.string().optional(),
});

export const POST = apiRoute({ permission: "models.write", input: ZCreateModelBody }, async (ctx, input) => {
  const model = await createModel(ctx, input);
  return Response.json(model, { status: 201 });
});

/** The inventory with the same filters, sorting and paging as the inventory page. */
export const GET = apiRoute({ permission: "models.read", input: ZInventoryQuerySchema }, async (ctx, query) => inventoryPage(ctx.db, query));
