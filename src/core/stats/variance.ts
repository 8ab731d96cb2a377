/**
 * NaN-aware variance and standard deviation (numpy `nanvar`/`nanstd`,
 * population by default: ddof = 0). Corrected two-pass algorithm (Chan,
 * Golub & LeVeque 1983, "Algorithms for computing the sample variance:
 * analysis and recommendations", Am. Stat. 37, 242-247, eq. 1.7):
 *
 *   var = (sum (x - m)^2 - (sum (x - m))^2 / n) / (n - ddof)
 *
 * with m the compensated mean. Empty or all-NaN input, or n <= ddof, gives NaN.
 */

import { nanMean } from './mean';

/**
 * Variance of the non-NaN values, divided by n - ddof.
 *
 * @example
 * ```ts
 * nanVariance([1, 2, 3, 4]); // 1.25
 * nanVariance([1, 2, 3, 4], 1); // 1.6666666666666667
 * ```
 */
export function nanVariance(values: ArrayLike<number>, ddof = 0): number {
  const m = nanMean(values);
  if (m !== m) {
    return NaN;
  }
  let s2 = 0;
  let s1 = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x === x) {
      const d = x - m;
      s1 += d;
      s2 += d * d;
      n++;
    }
  }
  return n - ddof > 0 ? (s2 - (s1 * s1) / n) / (n - ddof) : NaN;
}

/**
 * Standard deviation of the non-NaN values (population, ddof = 0, by default).
 *
 * @example
 * ```ts
 * nanStd([1, 2, 3, 4]); // 1.118033988749895
 * ```
 */
export function nanStd(values: ArrayLike<number>, ddof = 0): number {
  return Math.sqrt(nanVariance(values, ddof));
}
