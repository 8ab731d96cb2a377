/**
 * Fixed-length segments of a series with gaps: the series is split at every
 * NaN into runs of valid values (segments never span a gap: no splicing),
 * and each run yields segments of `length` points starting at its first
 * point and then every `step` points, as long as they fit. Leftovers shorter
 * than `length` are dropped.
 */

/**
 * Runs of non-NaN values of `src[offset + i * stride]`, i < n, as [first index, length].
 *
 * @example
 * ```ts
 * validRuns([1, 2, NaN, 4], 0, 1, 4); // [[0, 2], [3, 1]]
 * ```
 */
export function validRuns(src: ArrayLike<number>, offset: number, stride: number, n: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let start = -1;
  for (let i = 0; i <= n; i++) {
    const x = i < n ? src[offset + i * stride] : NaN;
    if (x === x) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      runs.push([start, i - start]);
      start = -1;
    }
  }
  return runs;
}

/**
 * Start indices of the segments of `length` points, every `step` points, inside each run.
 *
 * @throws RangeError when length or step is not a positive integer.
 *
 * @example
 * ```ts
 * segmentStarts([[0, 10], [12, 4]], 4, 4); // [0, 4, 12]
 * ```
 */
export function segmentStarts(runs: ReadonlyArray<readonly [number, number]>, length: number, step: number): number[] {
  if (!Number.isInteger(length) || length < 1 || !Number.isInteger(step) || step < 1) {
    throw new RangeError(`segmentStarts: length and step must be positive integers, got ${length} and ${step}`);
  }
  const starts: number[] = [];
  for (const [first, size] of runs) {
    for (let s = first; s + length <= first + size; s += step) {
      starts.push(s);
    }
  }
  return starts;
}
