/**
 * `meanMap(data, variable, grid)`: a lon/lat binned map (count, mean, std, ...)
 * of a variable over many passes, e.g. the mean SSHA map over a cycle,
 * streamed block by block in bounded memory.
 *
 * Streamed maps are made pass by pass: each pass (a reduction unit) is
 * binned on its own into a scratch map and kept as its non-empty cells, and
 * the units are folded in (cycle, pass) order (core/stats/units.ts). One
 * thread, worker threads and partial files merged by swot merge
 * (`mapPartial`, `finishMap`) so give the same bits.
 */
import {
  accumulateBins,
  BinGrid,
  BinnedMap,
  binnedMapOf,
  checkOptionKeys,
  createBinAccumulator,
  decodeVariable,
  detectLayout,
  foldMapUnits,
  MapUnit,
  optionKeys,
  requireNumericVariable,
  SELECT_KEYS,
  SelectQuery,
  takeCells,
  UsageError
} from '../core';
import { runReduction, workerCount } from './workers';
import { Dataset } from './dataset';
import { canonicalGrid, inputsOf, MapPartial, reductionInfo } from './partial';
import { shareSpans, UnitSpan, unitBlocks, unitSpans, unitStep } from './partial-units';
import { Progress, resolveProgress } from './progress';

/** Bin the units `spans` one by one, each into its sparse cells (main thread or a worker). */
export async function mapUnits(
  ds: Dataset,
  variable: string,
  grid: BinGrid,
  spans: UnitSpan[],
  onBlock?: () => void
): Promise<MapUnit[]> {
  const layout = detectLayout(ds);
  if (layout.kind !== 'swath') {
    throw new UsageError(`${ds.source}: meanMap works on swaths (latitude/longitude per pixel)`);
  }
  const v = requireNumericVariable(ds, variable);
  const step = unitStep(v);
  // One scratch map, reset cell by cell after each unit (never scanned whole).
  const scratch = createBinAccumulator(grid);
  const touched: number[] = [];
  const out: MapUnit[] = [];
  for (const span of spans) {
    for (const [a, b] of unitBlocks(span, step)) {
      const read = async (name: string) =>
        decodeVariable(requireNumericVariable(ds, name), (await ds.reader.readRaw(name, [[a, b]])).data, ds.source).data as Float64Array;
      accumulateBins(scratch, grid, await read(layout.lon.name), await read(layout.lat.name), await read(variable), touched);
      onBlock?.();
    }
    out.push({ key: span.key, cells: takeCells(scratch, touched) });
  }
  return out;
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

function checkSwathVariable(ds: Dataset, variable: string) {
  const layout = detectLayout(ds);
  if (layout.kind !== 'swath') {
    throw new UsageError(`${ds.source}: meanMap works on swaths (latitude/longitude per pixel)`);
  }
  const v = requireNumericVariable(ds, variable);
  if (v.dims.join() !== layout.lat.dims.join()) {
    throw new UsageError(`${ds.source}: ${variable} is not on the swath dimensions (${layout.lat.dims.join(', ')})`);
  }
  return { layout, v };
}

/**
 * The mergeable partial result of a streamed meanMap (every pass's cells
 * and what was reduced); `meanMap()` without a query is
 * `finishMap(await mapPartial(...))`.
 *
 * @throws UsageError (not a swath, a variable off the swath, an invalid grid)
 *
 * @example
 * const p = await mapPartial(await swot.open('cycle_025/'), 'ssha_filtered', { lonMin: 0, lonMax: 360, latMin: -80, latMax: 80, lonStep: 1 });
 */
export async function mapPartial(ds: Dataset, variable: string, grid: BinGrid, options: Omit<MeanMapOptions, 'query'> = {}): Promise<MapPartial> {
  checkOptionKeys(grid, GRID_KEYS, 'the grid of meanMap()');
  checkOptionKeys(options, MEAN_MAP_KEYS, 'mapPartial()');
  if ((options as MeanMapOptions).query !== undefined) {
    throw new UsageError('partial maps are made by streamed reductions: no query (give the files to reduce instead)');
  }
  const { v } = checkSwathVariable(ds, variable);
  createBinAccumulator(grid); // checks the grid
  const spans = await unitSpans(ds, v);
  const step = unitStep(v);
  const blocks = spans.reduce((n, span) => n + unitBlocks(span, step).length, 0);
  const progress = resolveProgress(options.progress, `${variable} map`);
  let done = 0;
  const onBlock = () => progress?.(++done, blocks);
  const target = (ds as Dataset & { target?: string | string[] }).target;
  const workers = workerCount(options.workers, v.shape.reduce((n, x) => n * x, 1), spans.length);
  let units: MapUnit[];
  if (workers > 1 && target !== undefined) {
    const parts = await Promise.all(
      shareSpans(spans, workers).map(share => runReduction<MapUnit[]>({ kind: 'map', target, variable, grid, spans: share }, onBlock))
    );
    units = parts.flat();
  } else {
    units = await mapUnits(ds, variable, grid, spans, onBlock);
  }
  const units_ = typeof v.attrs['units'] === 'string' ? v.attrs['units'] : undefined;
  const info = reductionInfo({
    kind: 'map',
    variable,
    ...(units_ ? { units: units_ } : {}),
    grid: canonicalGrid(grid),
    blockLines: step,
    inputs: inputsOf(target, ds.source)
  }) as MapPartial['info'];
  return { info, units };
}

/** The binned map of a partial result (one run, workers or merged partials: the same fold). */
export function finishMap(partial: MapPartial): BinnedMap {
  const grid = partial.info.grid!;
  return binnedMapOf(foldMapUnits(partial.units, createBinAccumulator(grid).count.length), grid);
}

/**
 * @example
 * const m = await swot.meanMap(ds, 'ssha_filtered', { lonMin: 280, lonMax: 310, latMin: 25, latMax: 45, lonStep: 0.25 }, { query: { cycles: 25 } });
 * m.mean; // Float64Array of num_lat x num_lon, NaN in empty cells
 */
export async function meanMap(ds: Dataset, variable: string, grid: BinGrid, options: MeanMapOptions = {}): Promise<BinnedMap> {
  checkOptionKeys(grid, GRID_KEYS, 'the grid of meanMap()');
  checkOptionKeys(options, MEAN_MAP_KEYS, 'meanMap()');
  checkOptionKeys(options.query, SELECT_KEYS.filter(k => k !== 'variables' && k !== 'bbox'), 'the query of meanMap()');
  const { layout } = checkSwathVariable(ds, variable);
  if (options.query && Object.keys(options.query).length > 0) {
    // Cycles, passes or a period: the selected lines are read through select (in memory).
    const progress = resolveProgress(options.progress, `${variable} map`);
    const part = await ds.select({ ...options.query, variables: [variable] });
    const get = (name: string) => part.get(name).data as Float64Array;
    const acc = accumulateBins(createBinAccumulator(grid), grid, get(layout.lon.name), get(layout.lat.name), get(variable));
    progress?.(1, 1);
    return binnedMapOf(acc, grid);
  }
  const { query: _query, ...rest } = options;
  return finishMap(await mapPartial(ds, variable, grid, rest));
}
