/**
 * NaN-aware percentiles with numpy's default 'linear' method (numpy
 * `nanpercentile`; Hyndman & Fan 1996, "Sample quantiles in statistical
 * packages", Am. Stat. 50, 361-365, definition 7). For n sorted non-NaN
 * values x and a percentile p in [0, 100]:
 *
 *   q = p / 100,  i = (n - 1) q,  k = floor(i),  t = i - k
 *   result = x[k] + (x[k+1] - x[k]) t       (t < 0.5)
 *          = x[k+1] - (x[k+1] - x[k]) (1 - t) (t >= 0.5)
 *
 * (numpy's two-sided lerp, reproduced so results match it bit for bit), and
 * x[n-1] when i >= n - 1. Empty or all-NaN input gives NaN.
 */

/** Non-NaN values, sorted ascending. */
function sortedValid(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x === x) {
      out[n++] = x;
    }
  }
  return out.subarray(0, n).sort();
}

function checkPercentile(p: number): void {
  if (!(p >= 0 && p <= 100)) {
    throw new RangeError(`percentile must be within [0, 100], got ${p}`);
  }
}

/**
 * Percentile `p` of values already sorted ascending (no NaN).
 *
 * @throws RangeError when `p` is outside [0, 100] or NaN.
 *
 * @example
 * ```ts
 * sortedPercentile([1, 2, 3, 4], 25); // 1.75
 * ```
 */
export function sortedPercentile(sorted: ArrayLike<number>, p: number): number {
  checkPercentile(p);
  const n = sorted.length;
  if (n === 0) {
    return NaN;
  }
  const i = (n - 1) * (p / 100);
  if (i >= n - 1) {
    return sorted[n - 1];
  }
  const k = Math.floor(i);
  const t = i - k;
  const a = sorted[k];
  const b = sorted[k + 1];
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/**
 * Percentiles of the non-NaN values (one sort for all of them).
 *
 * @throws RangeError when a percentile is outside [0, 100] or NaN.
 *
 * @example
 * ```ts
 * nanPercentile([1, 2, 3, 4, NaN], 50); // 2.5
 * nanPercentiles([1, 2, 3, 4], [5, 95]); // Float64Array [1.15, 3.85]
 * ```
 */
export function nanPercentiles(values: ArrayLike<number>, percentiles: readonly number[]): Float64Array {
  percentiles.forEach(checkPercentile);
  const sorted = sortedValid(values);
  return Float64Array.from(percentiles, p => sortedPercentile(sorted, p));
}

/**
 * One percentile of the non-NaN values.
 *
 * @throws RangeError when `p` is outside [0, 100] or NaN.
 *
 * @example
 * ```ts
 * nanPercentile([1, 2, 3, 4, NaN], 50); // 2.5 (the median)
 * ```
 */
export function nanPercentile(values: ArrayLike<number>, p: number): number {
  return nanPercentiles(values, [p])[0];
}
