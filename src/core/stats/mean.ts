/**
 * NaN-aware mean (numpy `nanmean`): the sum of the non-NaN values, with
 * Neumaier's compensated summation (Neumaier 1974, "Rundungsfehleranalyse
 * einiger Verfahren zur Summation endlicher Summen", ZAMM 54, 39-51), over
 * their count. Empty or all-NaN input gives NaN (numpy warns and gives NaN).
 */

/**
 * Compensated sum and count of the non-NaN values.
 *
 * @example
 * ```ts
 * nanSumCount([1e16, 1, -1e16, NaN]); // { sum: 1, count: 3 }
 * ```
 */
export function nanSumCount(values: ArrayLike<number>): { sum: number; count: number } {
  let sum = 0;
  let c = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x !== x) {
      continue;
    }
    const t = sum + x;
    c += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
    n++;
  }
  return { sum: sum + c, count: n };
}

/**
 * Mean of the non-NaN values.
 *
 * @example
 * ```ts
 * nanMean([1, NaN, 2]); // 1.5
 * nanMean([NaN]); // NaN
 * ```
 */
export function nanMean(values: ArrayLike<number>): number {
  const { sum, count } = nanSumCount(values);
  return count > 0 ? sum / count : NaN;
}
