import { eq } from "drizzle-orm";
import { z } from "zod";
import { apiTokens, users } from "@/db/schema";
import { newApiTokenSecret } from "@/lib/auth/api-token";
import { SCOPES } from "@/lib/auth/permissions";
import { actorEmail } from "@/lib/auth/actor";
import { ZEmailSchema } from "@/lib/domain/email";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { InvalidInput } from "../errors";
import { auditOnCommit } from "../audit/emit";
import { parseInput } from "../parse";

const ZCreateTokenSchema = z.object({
  ownerEmail: ZEmailSchema,
  name: z.string().trim().min(1, "Name the token after what uses it, e.g. “credit-risk CI”.").max(80),
  scopes: z.array(z.string()).pipe(z.array(z.enum(SCOPES, { message: `A scope is one of ${SCOPES.join(", ")}.` })).min(1, "Choose at least one scope.")),
  expiresInDays: z.number().int().min(1).max(730).nullable().optional(),
});

/** Issues an API token that acts as its owner within its scopes. The secret is returned once. */
export async function createApiToken(ctx: ServiceContext, input: z.input<typeof ZCreateTokenSchema>) {
  authorize(ctx, "tokens.manage");
  const data = parseInput(ZCreateTokenSchema, input);
  const { secret, hash, prefix } = newApiTokenSecret();
  const expiresAt = data.expiresInDays ? new Date(Date.now() + data.expiresInDays * 86_400_000) : null;
  const scopes = [...new Set(data.scopes)].sort();
  const token = await withTransaction(ctx, async (tx) => {
    const [owner] = await tx.select().from(users).where(eq(users.email, data.ownerEmail));
    if (!owner || !owner.active) throw new InvalidInput("The token's owner must be an active user.", { fields: { ownerEmail: "No active user has this email." } });
    const [token] = await tx
      .insert(apiTokens)
      .values({ userId: owner.id, name: data.name, scopes, tokenHash: hash, prefix, expiresAt, createdBy: actorEmail(ctx.actor) })
      .returning();
    await auditOnCommit(tx, ctx, {
      action: "token.created",
      entityType: "api_token",
      entityId: token!.id,
      data: { name: data.name, ownerEmail: owner.email, scopes, prefix, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return token!;
  });
  return { token, secret };
}
