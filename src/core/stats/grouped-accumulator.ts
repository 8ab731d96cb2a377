/**
 * Many mergeable accumulators side by side (one per profile position or map
 * bin), as typed arrays: count, mean, M2, min, max per group. Values are
 * added one by one with Welford's update (Welford 1962, "Note on a method
 * for calculating corrected sums of squares and products", Technometrics 4,
 * 419-420):
 *
 *   n += 1,  d = x - mean,  mean += d / n,  M2 += d (x - mean)
 *
 * and groups merge with the Chan et al. pairwise update (accumulator.ts).
 * NaN values are skipped; a group that received nothing has count 0 and
 * NaN statistics.
 */

export interface GroupedAccumulator {
  count: Float64Array;
  mean: Float64Array;
  m2: Float64Array;
  min: Float64Array;
  max: Float64Array;
}

export interface GroupedSummary {
  count: Float64Array;
  mean: Float64Array;
  std: Float64Array;
  rms: Float64Array;
  min: Float64Array;
  max: Float64Array;
}

/**
 * `groups` empty accumulators.
 *
 * @example
 * ```ts
 * const acc = createGroupedAccumulator(69); // one per cross-track pixel
 * ```
 */
export function createGroupedAccumulator(groups: number): GroupedAccumulator {
  return {
    count: new Float64Array(groups),
    mean: new Float64Array(groups),
    m2: new Float64Array(groups),
    min: new Float64Array(groups).fill(Infinity),
    max: new Float64Array(groups).fill(-Infinity)
  };
}

/**
 * Add value `x` (not NaN: the caller skips NaN) to group `g` (Welford).
 *
 * @example
 * ```ts
 * addToGroup(acc, pixel, ssha[p]);
 * ```
 */
export function addToGroup(acc: GroupedAccumulator, g: number, x: number): void {
  const n = ++acc.count[g];
  const d = x - acc.mean[g];
  acc.mean[g] += d / n;
  acc.m2[g] += d * (x - acc.mean[g]);
  if (x < acc.min[g]) acc.min[g] = x;
  if (x > acc.max[g]) acc.max[g] = x;
}

/**
 * Merge `b` into `a` group by group (Chan et al.); returns `a`.
 *
 * @throws RangeError when the numbers of groups differ.
 *
 * @example
 * ```ts
 * mergeGroupedAccumulators(total, fromOnePass);
 * ```
 */
export function mergeGroupedAccumulators(a: GroupedAccumulator, b: GroupedAccumulator): GroupedAccumulator {
  if (a.count.length !== b.count.length) {
    throw new RangeError(`mergeGroupedAccumulators: ${a.count.length} groups and ${b.count.length} groups`);
  }
  for (let g = 0; g < a.count.length; g++) mergeGroup(a, g, b, g);
  return a;
}

/** The per-group moments of `GroupedAccumulator` (or of a sparse list of groups). */
type Moments = Pick<GroupedAccumulator, 'count' | 'mean' | 'm2' | 'min' | 'max'>;

/** Merge group k of `b` into group g of `a` (Chan et al.: the same bits whatever the split). */
export function mergeGroup(a: Moments, g: number, b: Moments, k: number): void {
  const nb = b.count[k];
  if (nb === 0) return;
  const na = a.count[g];
  const n = na + nb;
  const d = b.mean[k] - a.mean[g];
  a.mean[g] += (d * nb) / n;
  a.m2[g] += b.m2[k] + ((d * d * na) / n) * nb;
  a.count[g] = n;
  if (b.min[k] < a.min[g]) a.min[g] = b.min[k];
  if (b.max[k] > a.max[g]) a.max[g] = b.max[k];
}

/**
 * Per group: count, mean, population std (ddof 0 by default), rms, min, max
 * (NaN where the count is 0, and std NaN where count <= ddof).
 *
 * @example
 * ```ts
 * const { mean, std } = summarizeGroups(acc);
 * ```
 */
export function summarizeGroups(acc: GroupedAccumulator, ddof = 0): GroupedSummary {
  const groups = acc.count.length;
  const out: GroupedSummary = {
    count: acc.count.slice(),
    mean: new Float64Array(groups),
    std: new Float64Array(groups),
    rms: new Float64Array(groups),
    min: new Float64Array(groups),
    max: new Float64Array(groups)
  };
  for (let g = 0; g < groups; g++) {
    const n = acc.count[g];
    const empty = n > 0 ? 1 : NaN;
    const m = acc.mean[g] * empty;
    const m2 = Math.max(0, acc.m2[g]);
    out.mean[g] = m;
    out.std[g] = n - ddof > 0 ? Math.sqrt(m2 / (n - ddof)) : NaN;
    out.rms[g] = Math.sqrt(m * m + m2 / n);
    out.min[g] = acc.min[g] * empty;
    out.max[g] = acc.max[g] * empty;
  }
  return out;
}
