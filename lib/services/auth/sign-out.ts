import { withTransaction, type ServiceContext } from "../context";
import { auditOnCommit } from "../audit/emit";

/** Records a sign-out; the session cookie itself is cleared by next-auth. */
export async function recordSignOut(ctx: ServiceContext) {
  if (ctx.actor.kind !== "user") return;
  const { userId, email } = ctx.actor;
  await withTransaction(ctx, (tx) => auditOnCommit(tx, ctx, { action: "auth.logged_out", entityType: "user", entityId: userId, data: { email } }));
}
