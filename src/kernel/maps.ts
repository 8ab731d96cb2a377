/**
 * `meanMap(data, variable, grid)`: a lon/lat binned map (count, mean, std, ...)
 * of a variable over many passes, e.g. the mean SSHA map over a cycle,
 * streamed block by block in bounded memory.
 */
import {
  accumulateBins,
  BinGrid,
  BinnedMap,
  binnedMapOf,
  blockLength,
  checkOptionKeys,
  createBinAccumulator,
  decodeVariable,
  detectLayout,
  GroupedAccumulator,
  mergeGroupedAccumulators,
  optionKeys,
  requireNumericVariable,
  SELECT_KEYS,
  SelectQuery,
  UsageError
} from '../core';
import { runReduction, shares, workerCount } from './workers';
import { Dataset } from './dataset';
import { Progress, resolveProgress } from './progress';

/** Accumulate lines [start, stop) into the bins (main thread or a worker). */
export async function mapLines(
  ds: Dataset,
  variable: string,
  grid: BinGrid,
  start: number,
  stop: number,
  onBlock?: () => void
): Promise<GroupedAccumulator> {
  const layout = detectLayout(ds);
  if (layout.kind !== 'swath') {
    throw new UsageError(`${ds.source}: meanMap works on swaths (latitude/longitude per pixel)`);
  }
  const v = requireNumericVariable(ds, variable);
  const step = blockLength(v.chunks, v.shape[0]);
  let acc = createBinAccumulator(grid);
  for (let a = start; a < stop; a += step) {
    const b = Math.min(stop, a + step);
    const read = async (name: string) =>
      decodeVariable(requireNumericVariable(ds, name), (await ds.reader.readRaw(name, [[a, b]])).data, ds.source).data as Float64Array;
    acc = accumulateBins(acc, grid, await read(layout.lon.name), await read(layout.lat.name), await read(variable));
    onBlock?.();
  }
  return acc;
}

export interface MeanMapOptions {
  /** Worker threads (default: every core above 50 M values, else the main thread). */
  workers?: number;
  /** Only these lines (cycles, passes, time; a bbox is applied by the grid itself). */
  query?: Omit<SelectQuery, 'variables' | 'bbox'>;
  progress?: boolean | Progress;
}

const MEAN_MAP_KEYS = optionKeys<MeanMapOptions>({ workers: true, query: true, progress: true });
const GRID_KEYS = optionKeys<BinGrid>({ lonMin: true, lonMax: true, latMin: true, latMax: true, lonStep: true, latStep: true, convention: true });

/**
 * @example
 * const m = await swot.meanMap(ds, 'ssha_filtered', { lonMin: 280, lonMax: 310, latMin: 25, latMax: 45, lonStep: 0.25 }, { query: { cycles: 25 } });
 * m.mean; // Float64Array of num_lat x num_lon, NaN in empty cells
 */
export async function meanMap(ds: Dataset, variable: string, grid: BinGrid, options: MeanMapOptions = {}): Promise<BinnedMap> {
  checkOptionKeys(grid, GRID_KEYS, 'the grid of meanMap()');
  checkOptionKeys(options, MEAN_MAP_KEYS, 'meanMap()');
  checkOptionKeys(options.query, SELECT_KEYS.filter(k => k !== 'variables' && k !== 'bbox'), 'the query of meanMap()');
  const layout = detectLayout(ds);
  if (layout.kind !== 'swath') {
    throw new UsageError(`${ds.source}: meanMap works on swaths (latitude/longitude per pixel)`);
  }
  const v = requireNumericVariable(ds, variable);
  if (v.dims.join() !== layout.lat.dims.join()) {
    throw new UsageError(`${ds.source}: ${variable} is not on the swath dimensions (${layout.lat.dims.join(', ')})`);
  }
  const lines = v.shape[0];
  let acc = createBinAccumulator(grid);
  const progress = resolveProgress(options.progress, `${variable} map`);
  if (options.query && Object.keys(options.query).length > 0) {
    // Cycles, passes or a period: the selected lines are read through select (in memory).
    const part = await ds.select({ ...options.query, variables: [variable] });
    const get = (name: string) => part.get(name).data as Float64Array;
    acc = accumulateBins(acc, grid, get(layout.lon.name), get(layout.lat.name), get(variable));
    progress?.(1, 1);
    return binnedMapOf(acc, grid);
  }
  const step = blockLength(v.chunks, lines);
  const blocks = Math.ceil(lines / step);
  let done = 0;
  const onBlock = () => progress?.(++done, blocks);
  const target = (ds as Dataset & { target?: string | string[] }).target;
  const workers = workerCount(options.workers, v.shape.reduce((n, x) => n * x, 1), blocks);
  if (workers > 1 && target !== undefined) {
    const parts = await Promise.all(
      shares(lines, step, workers).map(([start, stop]) =>
        runReduction<GroupedAccumulator>({ kind: 'map', target, variable, grid, start, stop }, onBlock)
      )
    );
    acc = parts.reduce(mergeGroupedAccumulators, acc);
  } else {
    acc = await mapLines(ds, variable, grid, 0, lines, onBlock);
  }
  return binnedMapOf(acc, grid);
}
