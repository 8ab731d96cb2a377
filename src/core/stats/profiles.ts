/**
 * Along-track and cross-track profiles of a swath variable of shape
 * [num_lines, num_pixels] (C order): statistics per line over its pixels
 * (along-track profile, one value per line) or per pixel over the lines
 * (cross-track profile, one value per pixel: e.g. the mean or std of SSHA as
 * a function of the distance to nadir). NaN values are skipped; a line or
 * pixel with no valid value gets count 0 and NaN statistics. Profiles over
 * many passes are built with `accumulateCrossTrack` into one grouped
 * accumulator (mergeable across workers; see grouped-accumulator.ts).
 */

import { addToGroup, createGroupedAccumulator, GroupedAccumulator, GroupedSummary, summarizeGroups } from './grouped-accumulator';

function checkSwath(values: ArrayLike<number>, shape: readonly number[], what: string): [number, number] {
  if (shape.length !== 2 || values.length !== shape[0] * shape[1]) {
    throw new RangeError(`${what}: ${values.length} values do not match shape [${shape.join(', ')}]`);
  }
  return [shape[0], shape[1]];
}

/**
 * Add a swath to per-line accumulators (`acc` has num_lines groups), e.g.
 * the same lines of the reference grid over many cycles.
 *
 * @throws RangeError when shapes do not match.
 *
 * @example
 * ```ts
 * const acc = createGroupedAccumulator(9860);
 * for (const cycle of cycles) accumulateAlongTrack(acc, cycle.ssha, [9860, 69]);
 * ```
 */
export function accumulateAlongTrack(acc: GroupedAccumulator, values: ArrayLike<number>, shape: readonly number[]): GroupedAccumulator {
  const [lines, pixels] = checkSwath(values, shape, 'accumulateAlongTrack');
  if (acc.count.length !== lines) {
    throw new RangeError(`accumulateAlongTrack: accumulator has ${acc.count.length} groups for ${lines} lines`);
  }
  for (let i = 0, p = 0; i < lines; i++) {
    for (let j = 0; j < pixels; j++, p++) {
      const x = values[p];
      if (x === x) addToGroup(acc, i, x);
    }
  }
  return acc;
}

/**
 * Add a swath to per-pixel accumulators (`acc` has num_pixels groups): call it
 * for each pass, merge partial accumulators from workers, then summarizeGroups.
 *
 * @throws RangeError when shapes do not match.
 *
 * @example
 * ```ts
 * const acc = createGroupedAccumulator(69);
 * for (const pass of passes) accumulateCrossTrack(acc, pass.ssha, pass.shape);
 * const { mean, std } = summarizeGroups(acc);
 * ```
 */
export function accumulateCrossTrack(acc: GroupedAccumulator, values: ArrayLike<number>, shape: readonly number[]): GroupedAccumulator {
  const [lines, pixels] = checkSwath(values, shape, 'accumulateCrossTrack');
  if (acc.count.length !== pixels) {
    throw new RangeError(`accumulateCrossTrack: accumulator has ${acc.count.length} groups for ${pixels} pixels`);
  }
  for (let i = 0, p = 0; i < lines; i++) {
    for (let j = 0; j < pixels; j++, p++) {
      const x = values[p];
      if (x === x) addToGroup(acc, j, x);
    }
  }
  return acc;
}

/**
 * Statistics of each line over its pixels (one entry per line).
 *
 * @throws RangeError when `values` does not match `shape`.
 *
 * @example
 * ```ts
 * const { mean, count } = alongTrackProfile(ssha, [9860, 69]);
 * ```
 */
export function alongTrackProfile(values: ArrayLike<number>, shape: readonly number[], ddof = 0): GroupedSummary {
  const [lines] = checkSwath(values, shape, 'alongTrackProfile');
  return summarizeGroups(accumulateAlongTrack(createGroupedAccumulator(lines), values, shape), ddof);
}

/**
 * Statistics of each pixel (cross-track position) over the lines.
 *
 * @throws RangeError when `values` does not match `shape`.
 *
 * @example
 * ```ts
 * const { std } = crossTrackProfile(ssha, [9860, 69]); // 69 values
 * ```
 */
export function crossTrackProfile(values: ArrayLike<number>, shape: readonly number[], ddof = 0): GroupedSummary {
  const [, pixels] = checkSwath(values, shape, 'crossTrackProfile');
  return summarizeGroups(accumulateCrossTrack(createGroupedAccumulator(pixels), values, shape), ddof);
}
