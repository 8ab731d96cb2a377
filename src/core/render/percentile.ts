/**
 * Robust colour limits: percentiles of the finite values (HoloViews'
 * `clim_percentile`), by quickselect on a sample, O(n).
 */

/** At most this many values are used (a strided sample of larger arrays). */
const MAX_SAMPLE = 1 << 20;

/** k-th smallest of a[0..n) in place (Floyd-Rivest's simpler cousin: Hoare quickselect, median of 3). */
function select(a: Float64Array, k: number, n: number): number {
  let lo = 0;
  let hi = n - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // median of three as pivot
    let p = a[mid];
    const x = a[lo];
    const y = a[hi];
    if ((x <= p && p <= y) || (y <= p && p <= x)) {
      // p is the median
    } else if ((p <= x && x <= y) || (y <= x && x <= p)) {
      p = x;
    } else {
      p = y;
    }
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < p) i++;
      while (a[j] > p) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) {
      hi = j;
    } else if (k >= i) {
      lo = i;
    } else {
      return a[k];
    }
  }
  return a[k];
}

/** The finite values of `values` (strided sample when large), as a Float64Array. */
function finiteSample(values: ArrayLike<number>): Float64Array {
  const stride = Math.max(1, Math.ceil(values.length / MAX_SAMPLE));
  const out = new Float64Array(Math.ceil(values.length / stride));
  let n = 0;
  for (let i = 0; i < values.length; i += stride) {
    const x = values[i];
    if (x - x === 0) {
      out[n++] = x;
    }
  }
  return out.subarray(0, n);
}

/**
 * Percentiles `ps` (0-100) of the finite values, linear interpolation
 * between order statistics (numpy's default). NaN and infinities are
 * ignored; arrays over 2^20 values are sampled with a fixed stride.
 * Returns NaN for each percentile when no value is finite.
 *
 * @example
 * percentiles(ssha, [5, 95]); // [-0.12, 0.18]
 * @throws RangeError when a percentile lies outside [0, 100]
 */
export function percentiles(values: ArrayLike<number>, ps: readonly number[]): number[] {
  for (const p of ps) {
    if (!(p >= 0 && p <= 100)) {
      throw new RangeError(`percentile must lie in [0, 100], got ${p}`);
    }
  }
  const a = finiteSample(values);
  const n = a.length;
  if (n === 0) {
    return ps.map(() => NaN);
  }
  return ps.map(p => {
    const h = ((n - 1) * p) / 100;
    const k = Math.floor(h);
    const lo = select(a, k, n);
    if (h === k || k + 1 >= n) {
      return lo;
    }
    const hi = select(a, k + 1, n);
    return lo + (hi - lo) * (h - k);
  });
}

/** Minimum and maximum of the finite values ([NaN, NaN] when none). */
export function finiteRange(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x - x === 0) {
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
  }
  return lo === Infinity ? [NaN, NaN] : [lo, hi];
}

export type Clim = [number, number] | { percentile: [number, number] };

/**
 * Colour limits from an option: fixed `[vmin, vmax]`, or percentiles
 * (`{percentile: [5, 95]}`, the default). Symmetric around 0 when `symmetric`
 * (diverging maps on anomalies). Degenerate ranges are widened so that
 * vmin < vmax always holds; no finite value gives [0, 1].
 *
 * @throws RangeError for a fixed clim that is not two finite increasing numbers
 */
export function colorLimits(values: ArrayLike<number>, clim: Clim = { percentile: [5, 95] }, symmetric = false): [number, number] {
  let lo: number;
  let hi: number;
  if (Array.isArray(clim)) {
    [lo, hi] = clim;
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) {
      throw new RangeError(`clim must be two finite numbers [vmin, vmax] with vmin < vmax, got ${JSON.stringify(clim)}`);
    }
    return [lo, hi];
  }
  [lo, hi] = percentiles(values, (clim as { percentile: [number, number] }).percentile);
  if (Number.isNaN(lo)) {
    return [0, 1];
  }
  if (symmetric) {
    const m = Math.max(Math.abs(lo), Math.abs(hi));
    [lo, hi] = [-m, m];
  }
  if (!(lo < hi)) {
    const d = Math.abs(lo) * 1e-3 || 1e-3;
    [lo, hi] = [lo - d, hi + d];
  }
  return [lo, hi];
}
