import type { Db } from "@/db/client";
import type { TModel } from "@/db/schema";
import type { ServiceContext } from "../context";
import { Forbidden } from "../errors";
import { assertCanEditModel } from "../models/access";

/**
 * Who takes part in a comment thread besides its author: the model's owner and maintainers
 * always; compliance officers answer too, but only the owner's side (or the author) resolves.
 */
export async function assertMayDiscuss(tx: Db, ctx: ServiceContext, model: TModel, options: { officersMay: boolean }): Promise<void> {
  if (options.officersMay && ctx.actor.kind === "user" && ctx.actor.roles.includes("compliance_officer")) return;
  try {
    await assertCanEditModel(tx, ctx, model);
  } catch (error) {
    if (!(error instanceof Forbidden)) throw error;
    throw new Forbidden(options.officersMay ? "Only the model's owner and maintainers, and compliance officers, can answer a review comment." : "Only the model's owner and maintainers, or the comment's author, can resolve it.");
  }
}
