import { eq } from "drizzle-orm";
import { z } from "zod";
import { apiTokens, users } from "@/db/schema";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { Conflict, NotFound } from "../errors";
import { auditOnCommit } from "../audit/emit";
import { parseInput } from "../parse";

const ZRevokeTokenSchema = z.object({ tokenId: z.uuid("Unknown token.") });

export async function revokeApiToken(ctx: ServiceContext, input: z.input<typeof ZRevokeTokenSchema>) {
  authorize(ctx, "tokens.manage");
  const { tokenId } = parseInput(ZRevokeTokenSchema, input);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .select({ token: apiTokens, ownerEmail: users.email })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(eq(apiTokens.id, tokenId))
      .for("update", { of: apiTokens });
    if (!row) throw new NotFound("The token");
    if (row.token.revokedAt) throw new Conflict("This token is already revoked.");
    const [revoked] = await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, tokenId)).returning();
    await auditOnCommit(tx, ctx, { action: "token.revoked", entityType: "api_token", entityId: tokenId, data: { name: row.token.name, ownerEmail: row.ownerEmail } });
    return revoked!;
  });
}
