import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { incompleteTailStart, scanUtf8 } from "./utf8";

const decodes = (bytes: Uint8Array) => {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

const utf8ish = fc.array(
  fc.oneof(
    fc.integer({ min: 0, max: 255 }).map((b) => [b]),
    fc.string({ unit: "grapheme", maxLength: 3 }).map((s) => [...new TextEncoder().encode(s)]),
    fc.constantFrom([0xe0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90], [0xc0, 0x80], [0xf0, 0x9f, 0x98]),
  ),
  { maxLength: 20 },
).map((parts) => new Uint8Array(parts.flat()));

describe("scanUtf8", () => {
  it("agrees with TextDecoder on what is well-formed", () => {
    fc.assert(
      fc.property(utf8ish, (bytes) => {
        const { invalidAt, incompleteFrom } = scanUtf8(bytes);
        expect(invalidAt === -1 && incompleteFrom === bytes.length).toBe(decodes(bytes));
        if (invalidAt !== -1) {
          expect(decodes(bytes.subarray(0, invalidAt))).toBe(true);
          expect(decodes(bytes.subarray(0, invalidAt + 1))).toBe(false);
        }
        if (invalidAt === -1) {
          expect(incompleteTailStart(bytes)).toBe(incompleteFrom);
          expect(decodes(bytes.subarray(0, incompleteFrom))).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("finds the first bad byte", () => {
    expect(scanUtf8(new Uint8Array([0x61, 0xe9, 0x62]))).toEqual({ invalidAt: 1, incompleteFrom: 3 });
    expect(scanUtf8(new Uint8Array([0x61, 0xf0, 0x9f]))).toEqual({ invalidAt: -1, incompleteFrom: 1 });
    expect(scanUtf8(new Uint8Array([]))).toEqual({ invalidAt: -1, incompleteFrom: 0 });
  });
});
