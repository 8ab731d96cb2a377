/**
 * Reduction units and their canonical fold: what makes a reduction split over
 * worker threads or PBS tasks bit-identical to one run.
 *
 * Floating-point merges of (count, mean, M2) (Chan et al., accumulator.ts)
 * are exact in algebra but not associative in rounding: ((a + b) + c) and
 * (a + (b + c)) differ in the last bits. So a reduction is cut into *units*
 * whose accumulators do not depend on who computes them, and units are
 * always combined the same way:
 *
 * - a unit is one pass (one (cycle, pass)), or one file or dataset when the
 *   data have no pass numbers; its lines are reduced block by block from the
 *   unit's own first line (so the same whether the pass is read alone, inside
 *   a folder of files or by a worker);
 * - units are folded left, one by one, into an empty accumulator, in the
 *   order of their keys (cycle, then pass, then name; `compareUnits`), never
 *   in the order they were computed or read.
 *
 * The main thread, the worker threads and `swot merge` (which reads the
 * units out of partial files) all call `foldStatsUnits` / `foldMapUnits`,
 * so the three give the same bits. Compensated or exact sums would also make
 * the order irrelevant, but cost every value an extra few operations and
 * change today's accumulator; the fold costs one merge per unit.
 */

import { Accumulator, createAccumulator, mergeAccumulators } from './accumulator';
import { createGroupedAccumulator, GroupedAccumulator, mergeGroup, mergeGroupedAccumulators } from './grouped-accumulator';

/** What a unit is: a pass (cycle and/or pass number), else a file or dataset name. */
export interface UnitKey {
  cycle?: number;
  pass?: number;
  name?: string;
}

/** One string per unit ("24:70", or the name), to find duplicates. */
export function unitId(key: UnitKey): string {
  return key.cycle !== undefined || key.pass !== undefined ? `${key.cycle ?? ''}:${key.pass ?? ''}` : `name:${key.name ?? ''}`;
}

function byNumber(a: number | undefined, b: number | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a - b;
}

/**
 * Canonical order of units: by cycle, then pass (numbers first, missing last), then name.
 *
 * @example
 * ```ts
 * units.sort((a, b) => compareUnits(a.key, b.key));
 * ```
 */
export function compareUnits(a: UnitKey, b: UnitKey): number {
  const c = byNumber(a.cycle, b.cycle) || byNumber(a.pass, b.pass);
  if (c !== 0) return c;
  const na = a.name ?? '';
  const nb = b.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** The statistics of one unit: its total, and per cross-track pixel when asked. */
export interface StatsUnit {
  key: UnitKey;
  total: Accumulator;
  pixels?: GroupedAccumulator;
}

export interface FoldedStats {
  total: Accumulator;
  /** One accumulator per unit, in canonical order. */
  units: StatsUnit[];
  pixels?: GroupedAccumulator;
}

function sortedUnique<T extends { key: UnitKey }>(units: readonly T[], what: string): T[] {
  const sorted = [...units].sort((a, b) => compareUnits(a.key, b.key));
  for (let i = 1; i < sorted.length; i++) {
    if (unitId(sorted[i].key) === unitId(sorted[i - 1].key)) {
      throw new RangeError(`${what}: unit ${unitId(sorted[i].key)} appears twice`);
    }
  }
  return sorted;
}

/**
 * Fold unit statistics in canonical order (left fold from an empty accumulator).
 *
 * @throws RangeError when a unit appears twice or pixel counts differ.
 *
 * @example
 * ```ts
 * const { total, units } = foldStatsUnits([...fromWorker1, ...fromWorker2]);
 * ```
 */
export function foldStatsUnits(units: readonly StatsUnit[]): FoldedStats {
  const sorted = sortedUnique(units, 'foldStatsUnits');
  let total = createAccumulator();
  let pixels: GroupedAccumulator | undefined;
  for (const u of sorted) {
    total = mergeAccumulators(total, u.total);
    if (u.pixels) {
      pixels = mergeGroupedAccumulators(pixels ?? createGroupedAccumulator(u.pixels.count.length), u.pixels);
    }
  }
  return { total, units: sorted, ...(pixels ? { pixels } : {}) };
}

/**
 * The non-empty cells of one unit's binned map (cell index in the grid,
 * ascending, and the cell's accumulator). A pass crosses few cells of a map,
 * so units are kept sparse.
 */
export interface SparseCells {
  index: Int32Array;
  count: Float64Array;
  mean: Float64Array;
  m2: Float64Array;
  min: Float64Array;
  max: Float64Array;
}

export interface MapUnit {
  key: UnitKey;
  cells: SparseCells;
}

/**
 * Take the `touched` cells of `acc` (as listed by accumulateBins) into a
 * sparse copy, and reset them in `acc` to empty, so that `acc` serves the
 * next unit without being reallocated or scanned.
 *
 * @example
 * ```ts
 * const touched: number[] = [];
 * accumulateBins(scratch, grid, lon, lat, ssha, touched);
 * const cells = takeCells(scratch, touched);
 * ```
 */
export function takeCells(acc: GroupedAccumulator, touched: number[]): SparseCells {
  const index = Int32Array.from(touched).sort();
  const n = index.length;
  const out: SparseCells = {
    index,
    count: new Float64Array(n),
    mean: new Float64Array(n),
    m2: new Float64Array(n),
    min: new Float64Array(n),
    max: new Float64Array(n)
  };
  for (let k = 0; k < n; k++) {
    const g = index[k];
    out.count[k] = acc.count[g];
    out.mean[k] = acc.mean[g];
    out.m2[k] = acc.m2[g];
    out.min[k] = acc.min[g];
    out.max[k] = acc.max[g];
    acc.count[g] = 0;
    acc.mean[g] = 0;
    acc.m2[g] = 0;
    acc.min[g] = Infinity;
    acc.max[g] = -Infinity;
  }
  touched.length = 0;
  return out;
}

/** Merge sparse cells into `a` (the arithmetic of mergeGroupedAccumulators, cell by cell); returns `a`. */
export function mergeSparseCells(a: GroupedAccumulator, b: SparseCells): GroupedAccumulator {
  const cells = a.count.length;
  for (let k = 0; k < b.index.length; k++) {
    const g = b.index[k];
    if (!(g >= 0 && g < cells)) {
      throw new RangeError(`mergeSparseCells: cell ${g} outside a map of ${cells} cells`);
    }
    mergeGroup(a, g, b, k);
  }
  return a;
}

/**
 * Fold map units in canonical order into an empty map of `cells` cells.
 *
 * @throws RangeError when a unit appears twice or a cell is out of the map.
 *
 * @example
 * ```ts
 * const acc = foldMapUnits(units, createBinAccumulator(grid).count.length);
 * ```
 */
export function foldMapUnits(units: readonly MapUnit[], cells: number): GroupedAccumulator {
  const acc = createGroupedAccumulator(cells);
  for (const u of sortedUnique(units, 'foldMapUnits')) {
    mergeSparseCells(acc, u.cells);
  }
  return acc;
}
