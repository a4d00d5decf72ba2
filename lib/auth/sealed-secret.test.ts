import { describe, expect, it } from "vitest";
import { openSealedSecret, sealSecret } from "./sealed-secret";

const APP_SECRET = "test-app-secret-0123456789";

describe("sealed secrets", () => {
  it("round-trips, with a fresh IV each time (the same secret never seals the same way twice)", () => {
    const a = sealSecret("whsec_abc", "webhook", APP_SECRET);
    const b = sealSecret("whsec_abc", "webhook", APP_SECRET);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(a).not.toContain("whsec_abc");
    expect(openSealedSecret(a, "webhook", APP_SECRET)).toBe("whsec_abc");
    expect(openSealedSecret(b, "webhook", APP_SECRET)).toBe("whsec_abc");
  });

  it("refuses another purpose, another app secret and any altered byte", () => {
    const sealed = sealSecret("private key bytes", "webhook", APP_SECRET);
    expect(() => openSealedSecret(sealed, "signing-key", APP_SECRET)).toThrow();
    expect(() => openSealedSecret(sealed, "webhook", "another-app-secret")).toThrow();
    const [v, iv, ct, tag] = sealed.split(".");
    const flipped = ct!.startsWith("A") ? `B${ct!.slice(1)}` : `A${ct!.slice(1)}`;
    expect(() => openSealedSecret([v, iv, flipped, tag].join("."), "webhook", APP_SECRET)).toThrow();
    expect(() => openSealedSecret("plaintext", "webhook", APP_SECRET)).toThrow("not a sealed secret");
  });

  it("accepts only a full 16-byte tag: a truncated tag (which GCM would otherwise check only in part) is refused", () => {
    const sealed = sealSecret("whsec_abc", "webhook", APP_SECRET);
    const [v, iv, ct, tag] = sealed.split(".");
    const bytes = Buffer.from(tag!, "base64url");
    expect(bytes).toHaveLength(16);
    for (const length of [4, 8, 12, 15]) {
      expect(() => openSealedSecret([v, iv, ct, bytes.subarray(0, length).toString("base64url")].join("."), "webhook", APP_SECRET)).toThrow("not a sealed secret");
    }
    expect(() => openSealedSecret([v, iv, ct, Buffer.concat([bytes, Buffer.from([0])]).toString("base64url")].join("."), "webhook", APP_SECRET)).toThrow();
  });
});
