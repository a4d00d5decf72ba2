import { apiRoute } from "@/lib/api/route";
import { publishedSigningKeys } from "@/lib/services/audit/checkpoint-queries";

/**
 * The Ed25519 public keys that sign audit checkpoints: {keys: [{keyId, algorithm, publicKey,
 * publicKeyPem, createdAt, current}]}. Behind audit:read like the log it lets one verify (the key
 * is also printed in every issued PDF, which is how it reaches people without an account).
 */
export const GET = apiRoute({ permission: "audit.read" }, async (ctx) => ({ keys: await publishedSigningKeys(ctx.db) }));
