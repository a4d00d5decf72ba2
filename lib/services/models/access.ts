import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { modelMaintainers, type TModel } from "@/db/schema";
import type { ServiceContext } from "../context";
import { Forbidden } from "../errors";

/** Model owners edit only the models they own or maintain (the system actor edits any). */
export async function assertCanEditModel(tx: Db, ctx: ServiceContext, model: TModel): Promise<void> {
  const { actor } = ctx;
  if (actor.kind === "system") return;
  if (actor.kind !== "user") throw new Forbidden();
  if (model.ownerId === actor.userId) return;
  const [maintainer] = await tx
    .select()
    .from(modelMaintainers)
    .where(and(eq(modelMaintainers.modelId, model.id), eq(modelMaintainers.userId, actor.userId)));
  if (!maintainer) throw new Forbidden("Only the model's owner and maintainers can change it.");
}
