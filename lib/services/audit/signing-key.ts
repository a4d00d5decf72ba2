import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { desc, isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signingKeys } from "@/db/schema";
import { openSealedSecret, sealSecret } from "@/lib/auth/sealed-secret";
import { keyIdOf, parsePrivateKey, rawPublicKey } from "@/lib/domain/audit-checkpoint";

/** The sealed-secret purpose of a generated signing key: its ciphertext opens for nothing else. */
const SEAL_PURPOSE = "audit-signing-key";
// Serialises the first use of every instance: whoever takes it first generates the key, the rest read it.
const KEY_CREATION_LOCK = 0x41747374_0002;

export type SigningKey = { id: string; privateKey: KeyObject };

/** Stores the public half (only) of a configured key; several instances may do it at once. */
async function registerConfiguredKey(tx: Db, privateKey: KeyObject): Promise<SigningKey> {
  const raw = rawPublicKey(privateKey);
  const id = keyIdOf(raw);
  await tx.insert(signingKeys).values({ id, publicKey: raw.toString("base64"), privateKeyCiphertext: null }).onConflictDoNothing({ target: signingKeys.id });
  return { id, privateKey };
}

/** The newest generated key this instance can open (one sealed under another app secret cannot be). */
async function newestGeneratedKey(tx: Db): Promise<SigningKey | null> {
  const rows = await tx.select().from(signingKeys).where(isNotNull(signingKeys.privateKeyCiphertext)).orderBy(desc(signingKeys.createdAt));
  for (const row of rows) {
    try {
      return { id: row.id, privateKey: parsePrivateKey(openSealedSecret(row.privateKeyCiphertext!, SEAL_PURPOSE)) };
    } catch {
      // Sealed under an earlier app secret: it still verifies the checkpoints it signed, but signs no more.
    }
  }
  return null;
}

/**
 * The key that signs checkpoints, inside the caller's transaction. ATTEST_SIGNING_KEY (a PKCS#8
 * PEM or base64 DER Ed25519 private key) wins, and only its public half is stored. Otherwise the
 * key Attest generated at first use, stored sealed with the app secret (lib/auth/sealed-secret.ts).
 * Two instances using it for the first time at once must end with one key: a random key has a
 * random id, so INSERT … ON CONFLICT on the id cannot merge them; a transaction-scoped advisory
 * lock makes the second instance wait, re-read, and find the first one's key. The private key
 * never leaves this process and is never logged.
 */
export async function currentSigningKey(tx: Db): Promise<SigningKey> {
  const configured = process.env.ATTEST_SIGNING_KEY;
  if (configured) return registerConfiguredKey(tx, parsePrivateKey(configured));
  const existing = await newestGeneratedKey(tx);
  if (existing) return existing;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${KEY_CREATION_LOCK})`);
  const created = await newestGeneratedKey(tx);
  if (created) return created;
  const { privateKey } = generateKeyPairSync("ed25519");
  const raw = rawPublicKey(privateKey);
  const pkcs8 = privateKey.export({ format: "der", type: "pkcs8" }).toString("base64");
  const id = keyIdOf(raw);
  await tx.insert(signingKeys).values({ id, publicKey: raw.toString("base64"), privateKeyCiphertext: sealSecret(pkcs8, SEAL_PURPOSE) });
  return { id, privateKey };
}
