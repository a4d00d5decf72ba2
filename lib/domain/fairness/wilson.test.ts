import { describe, expect, it } from "vitest";
import { wilsonInterval, Z_95 } from "./wilson";

describe("wilsonInterval", () => {
  it("uses z = Φ⁻¹(0.975) to double precision", () => {
    expect(Z_95).toBe(1.959963984540054);
  });

  // Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison of
  // seven methods", Statistics in Medicine 17:857–872, Table II, method 3 (score, no continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0.0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])("Newcombe 1998: %i/%i → %f to %f", (x, n, lo, hi) => {
    const [l, h] = wilsonInterval(x, n)!;
    expect(l.toFixed(4)).toBe(lo.toFixed(4));
    expect(h.toFixed(4)).toBe(hi.toFixed(4));
  });

  // The same formula evaluated in 50-digit decimal arithmetic (Python decimal), rounded to double.
  it.each([
    [81, 263, 0.2552885198782742, 0.36620957698280004],
    [15, 148, 0.06238639953073628, 0.16048724172330803],
    [0, 20, 0, 0.16112515805281935],
    [1, 29, 0.006113214292762662, 0.17175521879320285],
    [29, 29, 0.8830302015002592, 1],
    [3, 4, 0.3006418425824019, 0.9544127391902995],
    [1, 2, 0.09453120573423072, 0.9054687942657693],
    [805, 1795, 0.42559496162893107, 0.4715610667176223],
    [1369, 1901, 0.6995382702901878, 0.7398683775041094],
    [2035, 3251, 0.6091886931529314, 0.6424364659713299],
  ])("%i/%i to ~15 digits", (x, n, lo, hi) => {
    const [l, h] = wilsonInterval(x, n)!;
    expect(l).toBeCloseTo(lo, 15);
    expect(h).toBeCloseTo(hi, 15);
  });

  it("is null when there are no trials (the proportion is undefined)", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it("is exactly 0 at the bottom when x = 0 and exactly 1 at the top when x = n", () => {
    expect(wilsonInterval(0, 1_000_000)![0]).toBe(0);
    expect(wilsonInterval(1_000_000, 1_000_000)![1]).toBe(1);
    expect(wilsonInterval(0, 1)).toEqual([0, expect.any(Number)]);
  });

  it("is symmetric: the interval of n−x is the mirror of that of x", () => {
    for (const [x, n] of [[0, 7], [3, 10], [17, 40], [999, 1000]] as const) {
      const [lo, hi] = wilsonInterval(x, n)!;
      const [mlo, mhi] = wilsonInterval(n - x, n)!;
      expect(lo).toBeCloseTo(1 - mhi, 15);
      expect(hi).toBeCloseTo(1 - mlo, 15);
    }
  });

  it("contains the estimate and stays within [0, 1] for every x of small and large n", () => {
    for (const n of [1, 2, 3, 10, 29, 30, 1000, 1_000_003]) {
      const step = Math.max(1, Math.floor(n / 200));
      const xs = new Set([0, 1, n - 1, n, ...Array.from({ length: Math.floor(n / step) + 1 }, (_, i) => i * step)]);
      for (const x of [...xs].filter((x) => x >= 0 && x <= n)) {
        const [lo, hi] = wilsonInterval(x, n)!;
        expect(lo).toBeGreaterThanOrEqual(0);
        expect(hi).toBeLessThanOrEqual(1);
        expect(lo).toBeLessThanOrEqual(x / n);
        expect(hi).toBeGreaterThanOrEqual(x / n);
      }
    }
  });
});
