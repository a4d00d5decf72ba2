import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortScores } from "./sort-scores";

const same = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

describe("sortScores", () => {
  it("sorts like the native sort, -0 before 0, for large arrays of any finite doubles", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 50 }), fc.integer({ min: 1 << 15, max: 70_000 }), (sample, n) => {
        const values = Float64Array.from({ length: n }, (_, i) => sample[i % sample.length]! * (i % 7 === 0 ? -1 : 1));
        expect(same(sortScores(values.slice()), values.slice().sort())).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it("handles probabilities, extremes, subnormals and signed zeros", () => {
    const special = [0, -0, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 1, -1, 0.5, 0.1 + 0.2, 1e-300];
    const values = Float64Array.from({ length: 100_000 }, (_, i) => (i < special.length ? special[i]! : Math.sin(i) * 0.5 + 0.5));
    const sorted = sortScores(values.slice());
    expect(same(sorted, values.slice().sort())).toBe(true);
    expect(Object.is(sorted[0], -Number.MAX_VALUE)).toBe(true);
  });

  it("sorts a subarray in place and returns it", () => {
    const backing = new Float64Array(40_000).map((_, i) => 40_000 - i);
    const view = backing.subarray(0, 35_000);
    expect(sortScores(view)).toBe(view);
    expect(view[0]).toBe(5_001);
    expect(backing[35_000]).toBe(5_000);
  });

  it("uses the native sort for small arrays", () => {
    expect([...sortScores(Float64Array.of(3, -0, 0, -2))]).toEqual([-2, -0, 0, 3]);
  });
});
