import { createHash, randomBytes } from "node:crypto";

const TOKEN_PREFIX = "att_";

/** A new token: 256 random bits, shown once; only its SHA-256 is stored. */
export function newApiTokenSecret(): { secret: string; hash: string; prefix: string } {
  const secret = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { secret, hash: hashApiToken(secret), prefix: secret.slice(0, TOKEN_PREFIX.length + 6) };
}

// A plain SHA-256 is enough here: the secret has 256 bits of entropy, nothing to brute-force.
export function hashApiToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function looksLikeApiToken(value: string): boolean {
  return /^att_[A-Za-z0-9_-]{43}$/.test(value);
}
