import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "./secret";

/**
 * Secrets Attest must be able to use again (a webhook's signing secret, a signing key), kept in
 * the database encrypted with the app secret: AES-256-GCM under a key derived with HKDF-SHA256
 * from authSecret() and a purpose, so a value sealed for one purpose cannot be opened as another.
 * Format: "v1.<iv>.<ciphertext>.<tag>", each part base64url. Rotating the app secret makes the
 * sealed values unreadable: they must then be set again (webhook secrets rotated).
 */
const VERSION = "v1";
/** GCM accepts tags of 4 to 16 bytes unless told otherwise: a short tag would be far easier to forge. */
const TAG_BYTES = 16;

function keyFor(purpose: string, appSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", appSecret, "attest sealed secret", `${VERSION}:${purpose}`, 32));
}

export function sealSecret(plaintext: string, purpose: string, appSecret: string = authSecret()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(purpose, appSecret), iv, { authTagLength: TAG_BYTES });
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, ciphertext, cipher.getAuthTag()].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

/** The plaintext, or an error when the value was altered, sealed for another purpose or under another app secret. */
export function openSealedSecret(sealed: string, purpose: string, appSecret: string = authSecret()): string {
  const [version, iv, ciphertext, tag] = sealed.split(".");
  if (version !== VERSION || !iv || ciphertext === undefined || !tag) throw new Error("not a sealed secret");
  const authTag = Buffer.from(tag, "base64url");
  if (authTag.length !== TAG_BYTES) throw new Error("not a sealed secret");
  const decipher = createDecipheriv("aes-256-gcm", keyFor(purpose, appSecret), Buffer.from(iv, "base64url"), { authTagLength: TAG_BYTES });
  decipher.setAuthTag(authTag);
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}
