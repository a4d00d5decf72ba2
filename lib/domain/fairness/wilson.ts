/** The two-sided 95% normal quantile, Φ⁻¹(0.975), to double precision. */
export const Z_95 = 1.959963984540054;

export type TInterval = [lo: number, hi: number];

/**
 * The Wilson score interval for a proportion successes/trials (Wilson 1927; Newcombe 1998
 * method 3, without continuity correction), or null when there are no trials (the proportion is
 * undefined). Written as (x + z²/2 ± z·√(x(n−x)/n + z²/4)) / (n + z²), which is the textbook
 * form multiplied through by n and loses less precision for large n. The bounds are exactly 0
 * when x = 0 and exactly 1 when x = n, and always contain x/n.
 */
export function wilsonInterval(successes: number, trials: number, z: number = Z_95): TInterval | null {
  if (trials <= 0) return null;
  const x = successes;
  const n = trials;
  const z2 = z * z;
  const centre = (x + z2 / 2) / (n + z2);
  const half = (z * Math.sqrt((x * (n - x)) / n + z2 / 4)) / (n + z2);
  const p = x / n;
  const lo = x === 0 ? 0 : Math.min(p, Math.max(0, centre - half));
  const hi = x === n ? 1 : Math.max(p, Math.min(1, centre + half));
  return [lo, hi];
}
