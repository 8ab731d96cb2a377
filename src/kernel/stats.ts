/**
 * `stats(data, variable, options)`: NaN-aware count, mean, std, RMS, min, max
 * (and percentiles for in-memory data), in total, by pass, by cross-track
 * pixel or by line. On a dataset, the reduction streams chunk by chunk in
 * bounded memory and is split over worker threads (both cores) pass by
 * pass: every pass (a reduction unit) is reduced on its own and the units are
 * folded in (cycle, pass) order (core/stats/units.ts), so one thread, worker
 * threads and partial files merged later (`statsPartial`, swot merge) give
 * the same bits (Chan et al. pairwise variance for each merge).
 */
import {
  Accumulator,
  accumulate,
  accumulateCrossTrack,
  alongTrackProfile,
  checkOptionKeys,
  createAccumulator,
  createGroupedAccumulator,
  crossTrackProfile,
  DecodedDataset,
  decodeVariable,
  EmptySelection,
  foldStatsUnits,
  nanPercentiles,
  optionKeys,
  passRuns,
  QualityLevel,
  requireNumericVariable,
  SELECT_KEYS,
  SelectQuery,
  summarize,
  StatsUnit,
  summarizeGroups,
  UsageError
} from '../core';
import { Dataset, isDataset } from './dataset';
import { Progress, resolveProgress } from './progress';
import { inputsOf, reductionInfo, StatsPartial } from './partial';
import { shareSpans, UnitSpan, unitBlocks, unitSpans, unitStep } from './partial-units';
import { runReduction, workerCount } from './workers';

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
  /** by 'pass': one row per (cycle, pass) (per file without pass numbers), by cycle then pass (in memory: in order of appearance). */
  passes?: Array<{ cycle?: number; pass?: number } & StatsSummary>;
  /** by 'pixel' / 'line': one value per pixel / line. */
  profile?: { dim: string; count: number[]; mean: number[]; std: number[]; rms: number[]; min: number[]; max: number[] };
  /** When the query matched nothing: why, and what the dataset holds (the counts are then 0). */
  empty?: EmptySelection;
}

function finish(acc: Accumulator): StatsSummary {
  const s = summarize(acc);
  return { count: s.count, mean: s.mean, std: s.std, rms: s.rms, min: s.min, max: s.max };
}

/**
 * Reduce the units `spans` of `variable`, each block by block from its own
 * first line (core/stats/units.ts). Runs in the main thread or a worker.
 */
export async function reduceUnits(
  ds: Dataset,
  variable: string,
  by: StatsBy | undefined,
  spans: UnitSpan[],
  onBlock?: () => void
): Promise<StatsUnit[]> {
  const v = requireNumericVariable(ds, variable);
  const step = unitStep(v);
  const withPixels = by === 'pixel' && v.shape.length === 2;
  const out: StatsUnit[] = [];
  for (const span of spans) {
    let total = createAccumulator();
    let pixels = withPixels ? createGroupedAccumulator(v.shape[1]) : undefined;
    for (const [a, b] of unitBlocks(span, step)) {
      const raw = await ds.reader.readRaw(variable, v.shape.length === 0 ? [] : [[a, b]]);
      const data = decodeVariable(v, raw.data, ds.source).data as Float64Array;
      total = accumulate(total, data);
      if (pixels) {
        pixels = accumulateCrossTrack(pixels, data, raw.shape);
      }
      onBlock?.();
    }
    out.push({ key: span.key, total, ...(pixels ? { pixels } : {}) });
  }
  return out;
}

/**
 * The result of a streamed reduction from its units (one run, worker threads
 * or partial files merged: the same fold, so the same bits).
 */
export function finishStats(partial: StatsPartial): StatsResult {
  const { variable, units, by, dim } = partial.info;
  const folded = foldStatsUnits(partial.units);
  const result: StatsResult = { variable, ...(units ? { units } : {}), ...(by ? { by } : {}), total: finish(folded.total) };
  if (by === 'pass') {
    result.passes = folded.units.map(({ key, total }) => ({
      ...(key.cycle !== undefined ? { cycle: key.cycle } : {}),
      ...(key.pass !== undefined ? { pass: key.pass } : {}),
      ...finish(total)
    }));
  }
  if (folded.pixels) {
    const g = summarizeGroups(folded.pixels);
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
  return finishStats(await statsPartial(data, variable, options));
}

/**
 * The mergeable partial result of a streamed `stats` (every unit's
 * accumulators and what was reduced): write it with writePartial, combine
 * with mergePartials, read the result with finishStats. `stats()` on a
 * dataset is `finishStats(await statsPartial(...))`.
 *
 * @throws UsageError with a selection, a quality mask or by 'line' (in-memory reductions are not partial)
 *
 * @example
 * const p = await statsPartial(await swot.open('cycle_025/'), 'ssha_filtered', { by: 'pass' });
 */
export async function statsPartial(data: Dataset, variable: string, options: StatsOptions = {}): Promise<StatsPartial> {
  checkOptionKeys(options, STATS_KEYS, 'statsPartial()');
  if (options.query || (options.quality && options.quality !== 'all') || options.by === 'line') {
    throw new UsageError('partial results are made by streamed reductions: no selection, quality mask or by line (give the files to reduce instead)');
  }
  if (options.by !== undefined && options.by !== 'pass' && options.by !== 'pixel') {
    throw new UsageError(`by must be 'pass' or 'pixel' for a partial result, got ${JSON.stringify(options.by)}`);
  }
  const v = requireNumericVariable(data, variable);
  const spans = await unitSpans(data, v);
  const step = unitStep(v);
  const blocks = spans.reduce((n, span) => n + unitBlocks(span, step).length, 0);
  const progress = resolveProgress(options.progress, `${variable}`);
  let done = 0;
  const onBlock = () => progress?.(++done, blocks);
  const target = (data as Dataset & { target?: string | string[] }).target;
  // Threads pay for themselves on large reductions only (each one opens the data again); a unit is never split.
  const workers = workerCount(options.workers, v.shape.reduce((n, x) => n * x, 1), spans.length);
  let units: StatsUnit[];
  if (workers > 1 && target !== undefined) {
    const parts = await Promise.all(
      shareSpans(spans, workers).map(share => runReduction<StatsUnit[]>({ kind: 'stats', target, variable, by: options.by, spans: share }, onBlock))
    );
    units = parts.flat();
  } else {
    units = await reduceUnits(data, variable, options.by, spans, onBlock);
  }
  const units_ = typeof v.attrs['units'] === 'string' ? v.attrs['units'] : undefined;
  const info = reductionInfo({
    kind: 'stats',
    variable,
    ...(units_ ? { units: units_ } : {}),
    ...(options.by ? { by: options.by } : {}),
    ...(options.by === 'pixel' && v.dims[1] ? { dim: v.dims[1] } : {}),
    blockLines: step,
    inputs: inputsOf(target, data.source)
  }) as StatsPartial['info'];
  return { info, units };
}
