/**
 * Mergeable running statistics: count, mean, M2 (sum of squared deviations
 * from the mean), min, max. Feed chunks with `accumulate`, combine partial
 * results from other chunks, passes or workers with `mergeAccumulators`, and
 * read count/mean/std/rms/min/max with `summarize`: the result does not
 * depend on how the data were split (up to rounding).
 *
 * Each chunk is reduced with the corrected two-pass algorithm (see
 * variance.ts) and merged with the pairwise update of Chan, Golub & LeVeque
 * (1979, "Updating formulae and a pairwise algorithm for computing sample
 * variances", Stanford STAN-CS-79-773; also Chan et al. 1983, eq. 2.1):
 *
 *   n = na + nb,  d = mean_b - mean_a,
 *   mean = mean_a + d nb / n,  M2 = M2a + M2b + d^2 na nb / n.
 *
 * Accumulators are plain objects of numbers: they cross worker boundaries and
 * JSON as they are (an empty one has count 0 and NaN elsewhere; JSON turns
 * NaN into null, which `mergeAccumulators` treats as empty through count 0).
 * Percentiles are not mergeable this way (use nanPercentile on the values).
 */

export interface Accumulator {
  count: number;
  mean: number;
  /** Sum of squared deviations from the mean. */
  m2: number;
  min: number;
  max: number;
}

export interface Summary {
  count: number;
  mean: number;
  /** Population variance (ddof = 0) unless asked otherwise. */
  variance: number;
  std: number;
  rms: number;
  min: number;
  max: number;
}

/**
 * An empty accumulator.
 *
 * @example
 * ```ts
 * let acc = createAccumulator();
 * ```
 */
export function createAccumulator(): Accumulator {
  return { count: 0, mean: NaN, m2: NaN, min: NaN, max: NaN };
}

/**
 * Merge two accumulators (Chan et al. pairwise update); neither is modified.
 *
 * @example
 * ```ts
 * const total = mergeAccumulators(fromWorker1, fromWorker2);
 * ```
 */
export function mergeAccumulators(a: Accumulator, b: Accumulator): Accumulator {
  if (!(b.count > 0)) {
    return { ...a };
  }
  if (!(a.count > 0)) {
    return { ...b };
  }
  const n = a.count + b.count;
  const d = b.mean - a.mean;
  return {
    count: n,
    mean: a.mean + (d * b.count) / n,
    m2: a.m2 + b.m2 + ((d * d * a.count) / n) * b.count,
    min: Math.min(a.min, b.min),
    max: Math.max(a.max, b.max)
  };
}

/**
 * Accumulator of one chunk (corrected two-pass).
 *
 * @example
 * ```ts
 * chunkAccumulator([1, 2, NaN, 3]); // { count: 3, mean: 2, m2: 2, min: 1, max: 3 }
 * ```
 */
export function chunkAccumulator(values: ArrayLike<number>): Accumulator {
  let sum = 0;
  let n = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x === x) {
      sum += x;
      n++;
      min = x < min ? x : min;
      max = x > max ? x : max;
    }
  }
  if (n === 0) {
    return createAccumulator();
  }
  const m0 = sum / n;
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x === x) {
      const d = x - m0;
      s1 += d;
      s2 += d * d;
    }
  }
  return { count: n, mean: m0 + s1 / n, m2: s2 - (s1 * s1) / n, min, max };
}

/**
 * Add the non-NaN values of a chunk; returns a new accumulator.
 *
 * @example
 * ```ts
 * let acc = createAccumulator();
 * for (const block of blocks) acc = accumulate(acc, block); // e.g. decoded chunks of a variable
 * summarize(acc).std;
 * ```
 */
export function accumulate(acc: Accumulator, values: ArrayLike<number>): Accumulator {
  return mergeAccumulators(acc, chunkAccumulator(values));
}

/**
 * Count, mean, variance and std (divided by count - ddof; NaN when count <= ddof),
 * rms = sqrt(mean^2 + M2/count), min and max; NaN for an empty accumulator.
 *
 * @example
 * ```ts
 * summarize(accumulate(createAccumulator(), [1, 2, 3, 4])); // mean 2.5, std 1.118...
 * ```
 */
export function summarize(acc: Accumulator, ddof = 0): Summary {
  const n = acc.count > 0 ? acc.count : 0;
  const variance = n - ddof > 0 ? Math.max(0, acc.m2) / (n - ddof) : NaN;
  return {
    count: n,
    mean: n > 0 ? acc.mean : NaN,
    variance,
    std: Math.sqrt(variance),
    rms: n > 0 ? Math.sqrt(acc.mean * acc.mean + Math.max(0, acc.m2) / n) : NaN,
    min: n > 0 ? acc.min : NaN,
    max: n > 0 ? acc.max : NaN
  };
}

/**
 * All the statistics of `values` at once (one accumulator).
 *
 * @example
 * ```ts
 * const { count, mean, std, rms, min, max } = nanStats(ssha);
 * ```
 */
export function nanStats(values: ArrayLike<number>, ddof = 0): Summary {
  return summarize(chunkAccumulator(values), ddof);
}
