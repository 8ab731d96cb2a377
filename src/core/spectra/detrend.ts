/**
 * Remove the least-squares line (or the mean) from a segment, in place
 * (scipy.signal.detrend 'linear' / 'constant'). The segment must hold no NaN
 * (segments are cut between gaps). Length 0 is a no-op; length 1 becomes 0.
 */

export type Detrend = 'linear' | 'mean' | 'none';

/**
 * Subtract the least-squares fit a + b j (j = 0..n-1) from `x`.
 *
 * @example
 * ```ts
 * detrendLinear(Float64Array.of(1, 3, 5)); // [0, 0, 0]
 * ```
 */
export function detrendLinear(x: Float64Array): Float64Array {
  const n = x.length;
  if (n === 0) return x;
  // Centred abscissa t = j - (n - 1)/2: slope = sum t x / sum t^2, intercept = mean.
  const c = (n - 1) / 2;
  let sx = 0;
  let stx = 0;
  let stt = 0;
  for (let j = 0; j < n; j++) {
    const t = j - c;
    sx += x[j];
    stx += t * x[j];
    stt += t * t;
  }
  const mean = sx / n;
  const slope = stt > 0 ? stx / stt : 0;
  for (let j = 0; j < n; j++) {
    x[j] -= mean + slope * (j - c);
  }
  return x;
}

/**
 * Subtract the mean from `x`.
 *
 * @example
 * ```ts
 * detrendMean(Float64Array.of(1, 2, 3)); // [-1, 0, 1]
 * ```
 */
export function detrendMean(x: Float64Array): Float64Array {
  const n = x.length;
  if (n === 0) return x;
  let s = 0;
  for (let j = 0; j < n; j++) s += x[j];
  const mean = s / n;
  for (let j = 0; j < n; j++) x[j] -= mean;
  return x;
}
