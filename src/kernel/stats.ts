/**
 * `stats(data, variable, options)`: NaN-aware count, mean, std, RMS, min, max
 * (and percentiles for in-memory data), in total, by pass, by cross-track
 * pixel or by line. On a dataset, the reduction streams chunk by chunk in
 * bounded memory and is split over worker threads (both cores); partial
 * results are merged exactly (Chan et al. pairwise variance).
 */
import {
  Accumulator,
  accumulate,
  accumulateCrossTrack,
  alongTrackProfile,
  blockLength,
  checkOptionKeys,
  createAccumulator,
  createGroupedAccumulator,
  crossTrackProfile,
  DecodedDataset,
  decodeVariable,
  EmptySelection,
  GroupedAccumulator,
  mergeAccumulators,
  mergeGroupedAccumulators,
  nanPercentiles,
  optionKeys,
  passRuns,
  QualityLevel,
  requireNumericVariable,
  SELECT_KEYS,
  SelectQuery,
  summarize,
  summarizeGroups,
  UsageError
} from '../core';
import { Dataset, isDataset } from './dataset';
import { Progress, resolveProgress } from './progress';
import { runReduction, shares, workerCount } from './workers';

export type StatsBy = 'pass' | 'pixel' | 'line';


export interface StatsOptions {
  by?: StatsBy;
  /** Extraction first (bbox, time, cycles, passes); the result is then reduced in memory. */
  query?: SelectQuery;
  quality?: QualityLevel;
  /** Percentiles for in-memory reductions (default [5, 50, 95]). */
  percentiles?: number[];
  /** Worker threads for streamed reductions (default: every core above 50 M values, else 1 = main thread). */
  workers?: number;
  /** true: a progress bar in the notebook / terminal; or a callback (done, total). */
  progress?: boolean | Progress;
}

const STATS_KEYS = optionKeys<StatsOptions>({ by: true, query: true, quality: true, percentiles: true, workers: true, progress: true });

export interface StatsSummary {
  count: number;
  mean: number;
  std: number;
  rms: number;
  min: number;
  max: number;
  percentiles?: Record<string, number>;
}

export interface StatsResult {
  variable: string;
  units?: string;
  by?: StatsBy;
  total: StatsSummary;
  /** by 'pass': one row per (cycle, pass), in order of appearance. */
  passes?: Array<{ cycle?: number; pass?: number } & StatsSummary>;
  /** by 'pixel' / 'line': one value per pixel / line. */
  profile?: { dim: string; count: number[]; mean: number[]; std: number[]; rms: number[]; min: number[]; max: number[] };
  /** When the query matched nothing: why, and what the dataset holds (the counts are then 0). */
  empty?: EmptySelection;
}

/** Partial result of a streamed reduction (what a worker sends back). */
export interface PartialReduction {
  total: Accumulator;
  passes?: Array<[string, Accumulator]>;
  pixels?: GroupedAccumulator;
}

function finish(acc: Accumulator): StatsSummary {
  const s = summarize(acc);
  return { count: s.count, mean: s.mean, std: s.std, rms: s.rms, min: s.min, max: s.max };
}

function passKey(cycle: number | undefined, pass: number | undefined): string {
  return `${cycle ?? ''}:${pass ?? ''}`;
}

/** Reduce lines [start, stop) of `variable`, block by block. Runs in the main thread or a worker. */
export async function reduceLines(
  ds: Dataset,
  variable: string,
  by: StatsBy | undefined,
  start: number,
  stop: number,
  onBlock?: () => void
): Promise<PartialReduction> {
  const v = requireNumericVariable(ds, variable);
  const reader = ds.reader;
  const step = blockLength(v.chunks, v.shape[0] ?? 1);
  let total = createAccumulator();
  const passes = new Map<string, Accumulator>();
  let pixels = by === 'pixel' && v.shape.length === 2 ? createGroupedAccumulator(v.shape[1]) : undefined;
  const hasPass = by === 'pass' && ds.variables.some(x => x.name === 'pass_number' && x.dims[0] === v.dims[0]);
  for (let a = start; a < stop; a += step) {
    const b = Math.min(stop, a + step);
    const raw = await reader.readRaw(variable, v.shape.length === 0 ? [] : [[a, b]]);
    const data = decodeVariable(v, raw.data, ds.source).data as Float64Array;
    total = accumulate(total, data);
    if (pixels) {
      pixels = accumulateCrossTrack(pixels, data, raw.shape);
    }
    if (by === 'pass') {
      const inner = data.length / Math.max(1, b - a);
      const cycles = hasPass && ds.variables.some(x => x.name === 'cycle_number') ? (await reader.readRaw('cycle_number', [[a, b]])).data : undefined;
      const pas = hasPass ? (await reader.readRaw('pass_number', [[a, b]])).data : undefined;
      for (const [r0, r1] of passRuns(b - a, cycles, pas)) {
        const key = pas
          ? passKey(cycles ? Number(cycles[r0]) : undefined, Number(pas[r0]))
          : passKey(ds.product?.cycle, ds.product?.pass);
        passes.set(key, accumulate(passes.get(key) ?? createAccumulator(), data.subarray(r0 * inner, r1 * inner)));
      }
    }
    onBlock?.();
  }
  return { total, ...(by === 'pass' ? { passes: [...passes] } : {}), ...(pixels ? { pixels } : {}) };
}

function merge(parts: PartialReduction[]): PartialReduction {
  let total = createAccumulator();
  const passes = new Map<string, Accumulator>();
  let pixels: GroupedAccumulator | undefined;
  for (const part of parts) {
    total = mergeAccumulators(total, part.total);
    for (const [key, acc] of part.passes ?? []) {
      passes.set(key, passes.has(key) ? mergeAccumulators(passes.get(key)!, acc) : acc);
    }
    if (part.pixels) {
      pixels = pixels ? mergeGroupedAccumulators(pixels, part.pixels) : part.pixels;
    }
  }
  return { total, passes: [...passes], ...(pixels ? { pixels } : {}) };
}

function toResult(variable: string, units: string | undefined, by: StatsBy | undefined, merged: PartialReduction, dim?: string): StatsResult {
  const result: StatsResult = { variable, ...(units ? { units } : {}), ...(by ? { by } : {}), total: finish(merged.total) };
  if (by === 'pass') {
    result.passes = (merged.passes ?? []).map(([key, acc]) => {
      const [c, p] = key.split(':');
      return { ...(c ? { cycle: Number(c) } : {}), ...(p ? { pass: Number(p) } : {}), ...finish(acc) };
    });
  }
  if (merged.pixels) {
    const g = summarizeGroups(merged.pixels);
    result.profile = { dim: dim ?? 'num_pixels', count: Array.from(g.count), mean: Array.from(g.mean), std: Array.from(g.std), rms: Array.from(g.rms), min: Array.from(g.min), max: Array.from(g.max) };
  }
  return result;
}

function inMemory(ds: DecodedDataset, variable: string, options: StatsOptions): StatsResult {
  const v = ds.variables.find(x => x.name === variable);
  if (!v) {
    throw new UsageError(`${ds.source}: ${variable} is not in this selection`);
  }
  const data = v.data as Float64Array;
  const ps = options.percentiles ?? [5, 50, 95];
  const withPercentiles = (values: Float64Array, summary: StatsSummary): StatsSummary => {
    const q = nanPercentiles(values, ps);
    return { ...summary, percentiles: Object.fromEntries(ps.map((p, i) => [`p${p}`, q[i]])) };
  };
  const units = typeof v.attrs['units'] === 'string' ? v.attrs['units'] : undefined;
  const result: StatsResult = { variable, ...(units ? { units } : {}), ...(options.by ? { by: options.by } : {}), total: withPercentiles(data, finish(accumulate(createAccumulator(), data))) };
  const pixels = v.shape.length === 2 ? v.shape[1] : 1;
  if (options.by === 'pass') {
    const cycle = ds.variables.find(x => x.name === 'cycle_number')?.data;
    const pass = ds.variables.find(x => x.name === 'pass_number')?.data;
    const rows: NonNullable<StatsResult['passes']> = [];
    for (const [start, stop] of passRuns(v.shape[0] ?? 0, cycle, pass)) {
      const part = data.subarray(start * pixels, stop * pixels);
      rows.push({
        ...(cycle ? { cycle: Number(cycle[start]) } : ds.product?.cycle !== undefined ? { cycle: ds.product.cycle } : {}),
        ...(pass ? { pass: Number(pass[start]) } : ds.product?.pass !== undefined ? { pass: ds.product.pass } : {}),
        ...withPercentiles(part, finish(accumulate(createAccumulator(), part)))
      });
    }
    result.passes = rows;
  } else if (options.by === 'pixel' || options.by === 'line') {
    const g = options.by === 'pixel' ? crossTrackProfile(data, v.shape) : alongTrackProfile(data, v.shape);
    result.profile = { dim: options.by === 'pixel' ? v.dims[1] : v.dims[0], count: Array.from(g.count), mean: Array.from(g.mean), std: Array.from(g.std), rms: Array.from(g.rms), min: Array.from(g.min), max: Array.from(g.max) };
  }
  return result;
}


/**
 * @example
 * const s = await swot.stats(ds, 'ssha_filtered', { by: 'pass', progress: true });
 * s.passes[0]; // { cycle: 24, pass: 70, count, mean, std, rms, min, max }
 */
export async function stats(data: Dataset | DecodedDataset, variable: string, options: StatsOptions = {}): Promise<StatsResult> {
  checkOptionKeys(options, STATS_KEYS, 'stats()');
  checkOptionKeys(options.query, SELECT_KEYS, 'the query of stats()');
  if (options.by !== undefined && !['pass', 'pixel', 'line'].includes(options.by)) {
    throw new UsageError(`by must be 'pass', 'pixel' or 'line', got ${JSON.stringify(options.by)}`);
  }
  if (!isDataset(data)) {
    return inMemory(data, variable, options);
  }
  // Filters, quality masks and line profiles need the selected lines in memory.
  if (options.query || (options.quality && options.quality !== 'all') || options.by === 'line') {
    const selection = await data.select({ ...options.query, quality: options.quality, variables: [variable] });
    const result = inMemory(selection, variable, options);
    return selection.empty ? { ...result, empty: selection.empty } : result;
  }
  const v = requireNumericVariable(data, variable);
  const lines = v.shape[0] ?? 1;
  const step = blockLength(v.chunks, lines);
  const blocks = Math.ceil(lines / step);
  const progress = resolveProgress(options.progress, `${variable}`);
  let done = 0;
  const onBlock = () => progress?.(++done, blocks);
  const target = (data as Dataset & { target?: string | string[] }).target;
  // Threads pay for themselves on large reductions only (each one opens the data again).
  const workers = workerCount(options.workers, v.shape.reduce((n, x) => n * x, 1), blocks);
  let parts: PartialReduction[];
  if (workers > 1 && target !== undefined) {
    parts = await Promise.all(
      shares(lines, step, workers).map(([start, stop]) =>
        runReduction<PartialReduction>({ kind: 'stats', target, variable, by: options.by, start, stop }, onBlock)
      )
    );
  } else {
    parts = [await reduceLines(data, variable, options.by, 0, lines, onBlock)];
  }
  const units = typeof v.attrs['units'] === 'string' ? v.attrs['units'] : undefined;
  return toResult(variable, units, options.by, merge(parts), v.dims[1]);
}
