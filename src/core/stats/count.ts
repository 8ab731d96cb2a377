/**
 * NaN-aware count: the number of values that are not NaN (numpy
 * `np.count_nonzero(~np.isnan(a))`). Infinities count. Empty input gives 0.
 */

/**
 * Number of non-NaN values.
 *
 * @example
 * ```ts
 * nanCount([1, NaN, 3]); // 2
 * ```
 */
export function nanCount(values: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    n += x === x ? 1 : 0;
  }
  return n;
}
