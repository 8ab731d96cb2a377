/**
 * NaN-aware root mean square sqrt(mean(x^2)) of the non-NaN values
 * (numpy `np.sqrt(np.nanmean(a**2))`). Empty or all-NaN input gives NaN.
 */

/**
 * Root mean square of the non-NaN values.
 *
 * @example
 * ```ts
 * nanRms([3, NaN, -4]); // 3.5355339059327378
 * ```
 */
export function nanRms(values: ArrayLike<number>): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x === x) {
      s += x * x;
      n++;
    }
  }
  return n > 0 ? Math.sqrt(s / n) : NaN;
}
