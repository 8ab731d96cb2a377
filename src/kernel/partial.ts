/**
 * Mergeable partial results of `stats` and `meanMap` (issue 12): the
 * accumulators of every reduction unit (one pass; core/stats/units.ts), and
 * what was reduced, so that `swot merge` can combine partials computed in
 * separate processes (PBS array tasks) into the bits of one run.
 *
 * The file is netCDF4, CF-1.8:
 *
 * - dimension `unit`: `unit_cycle`, `unit_pass` (int32, -1 = none) and the
 *   unit's accumulator: `count`, `mean`, `m2` (sum of squared deviations from
 *   the mean, Chan et al.), `min`, `max` (float64, as the accumulator keeps
 *   them: the merge must start from the very same numbers, and count/sum/sum
 *   of squares would be rounded on the way);
 * - stats by pixel: `pixel_count` ... `pixel_max` (unit, num_pixels);
 * - maps: the unit's non-empty cells as a CF contiguous ragged array:
 *   `unit_cells` (unit; sample_dimension = "cell_entry"), then per entry
 *   `cell_index` (row-major in the grid: lat * num_lon + lon) and
 *   `count` ... `max` (cell_entry);
 * - global attributes `swot_*`: kind, variable and its units, grouping or grid
 *   (JSON), selection, block length, tool version, input files (one a line),
 *   unit names (for units without pass numbers).
 *
 * Partials of different reductions are refused with a PartialMismatchError
 * naming the file and what differs. All numbers are float64 without fill
 * values, so they come back bit for bit.
 */
import {
  BinGrid,
  decodeVariable,
  DecodedVariable,
  GroupedAccumulator,
  MapUnit,
  requireNumericVariable,
  StatsUnit,
  UnitKey,
  UsageError
} from '../core';
import { open } from './open';
import { save } from './save';
import type { StatsBy } from './stats';
import { version } from './version';

/** What was reduced: two partials merge only when all of it (but the inputs) is equal. */
export interface ReductionInfo {
  kind: 'stats' | 'map';
  variable: string;
  /** The variable's units. */
  units?: string;
  /** stats: the grouping ('pass', 'pixel' or none). */
  by?: Exclude<StatsBy, 'line'>;
  /** stats by pixel: the cross-track dimension. */
  dim?: string;
  /** map: the grid, with latStep and convention filled in. */
  grid?: Required<BinGrid>;
  /** The selection applied (only "none" so far: partials are streamed over whole inputs). */
  selection: string;
  /** Lines per block within a unit. */
  blockLines: number;
  /** jupyterlab-swot version (the arithmetic must be the same). */
  version: string;
  /** The input files or stores. */
  inputs: string[];
}

export interface StatsPartial {
  info: ReductionInfo & { kind: 'stats' };
  units: StatsUnit[];
}

export interface MapPartial {
  info: ReductionInfo & { kind: 'map' };
  units: MapUnit[];
}

export type Partial = StatsPartial | MapPartial;

/** Partial files that are not of the same reduction, or overlap. A usage error (exit code 2). */
export class PartialMismatchError extends UsageError {
  constructor(source: string, message: string) {
    super(`${source}: ${message}`);
    this.name = 'PartialMismatchError';
    (this as { source?: string }).source = source;
  }
}

/** The grid with its defaults filled in, keys in one order (compared as JSON). */
export function canonicalGrid(grid: BinGrid): Required<BinGrid> {
  return {
    lonMin: grid.lonMin,
    lonMax: grid.lonMax,
    latMin: grid.latMin,
    latMax: grid.latMax,
    lonStep: grid.lonStep,
    latStep: grid.latStep ?? grid.lonStep,
    convention: grid.convention ?? (grid.lonMin < 0 ? '[-180, 180)' : '[0, 360)')
  };
}

export function inputsOf(target: string | string[] | undefined, source: string): string[] {
  return target === undefined ? [source] : Array.isArray(target) ? [...target] : [target];
}

export function reductionInfo(fields: Omit<ReductionInfo, 'version' | 'selection'> & { selection?: string }): ReductionInfo {
  return { selection: 'none', version, ...fields };
}

function f64(name: string, dims: string[], data: Float64Array, attrs: Record<string, string> = {}): DecodedVariable {
  return { name, dims, shape: [data.length], data, attrs, encoding: { dtype: 'float64' } };
}

function i32(name: string, dims: string[], values: ArrayLike<number>, attrs: Record<string, string> = {}): DecodedVariable {
  return { name, dims, shape: [values.length], data: Float64Array.from(values), attrs, encoding: { dtype: 'int32', _FillValue: -1 } };
}

function column(units: readonly { total?: unknown }[], pick: (i: number) => number): Float64Array {
  return Float64Array.from({ length: units.length }, (_, i) => pick(i));
}

function grouped(prefix: string, rows: GroupedAccumulator[], groups: number, dims: string[]): DecodedVariable[] {
  const keys = ['count', 'mean', 'm2', 'min', 'max'] as const;
  return keys.map(k => {
    const data = new Float64Array(rows.length * groups);
    rows.forEach((g, u) => data.set(g[k], u * groups));
    return { name: `${prefix}${k}`, dims, shape: [rows.length, groups], data, attrs: {}, encoding: { dtype: 'float64' } } as DecodedVariable;
  });
}

const LONG_NAMES: Record<string, string> = {
  count: 'number of valid values',
  mean: 'mean',
  m2: 'sum of squared deviations from the mean',
  min: 'minimum',
  max: 'maximum'
};

/**
 * Write a partial result as netCDF4 (never over an existing file unless `overwrite`).
 *
 * @throws UsageError (the output exists), SwotError from writing
 *
 * @example
 * await writePartial(await statsPartial(ds, 'ssha_filtered', { by: 'pass' }), 'cycle_025.nc');
 */
export async function writePartial(partial: Partial, path: string, options: { overwrite?: boolean } = {}): Promise<string> {
  const { info, units } = partial;
  const keys = units.map(u => u.key);
  const variables: DecodedVariable[] = [
    i32('unit_cycle', ['unit'], keys.map(k => k.cycle ?? -1), { long_name: 'cycle number of the unit' }),
    i32('unit_pass', ['unit'], keys.map(k => k.pass ?? -1), { long_name: 'pass number of the unit' })
  ];
  const dims: Record<string, number> = { unit: units.length };
  if (info.kind === 'stats') {
    const su = units as StatsUnit[];
    for (const k of ['count', 'mean', 'm2', 'min', 'max'] as const) {
      variables.push({ ...f64(k, ['unit'], column(su, i => su[i].total[k])), attrs: { long_name: `${LONG_NAMES[k]} of ${info.variable} in the unit` } });
    }
    if (info.by === 'pixel' && su.length > 0 && su[0].pixels) {
      const groups = su[0].pixels.count.length;
      const dim = info.dim ?? 'num_pixels';
      dims[dim] = groups;
      variables.push(...grouped('pixel_', su.map(u => u.pixels!), groups, ['unit', dim]));
    }
  } else {
    const mu = units as MapUnit[];
    const entries = mu.reduce((n, u) => n + u.cells.index.length, 0);
    dims['cell_entry'] = entries;
    variables.push(i32('unit_cells', ['unit'], mu.map(u => u.cells.index.length), { long_name: 'number of non-empty cells of the unit', sample_dimension: 'cell_entry' }));
    const index = new Float64Array(entries);
    const cols = { count: new Float64Array(entries), mean: new Float64Array(entries), m2: new Float64Array(entries), min: new Float64Array(entries), max: new Float64Array(entries) };
    let at = 0;
    for (const u of mu) {
      index.set(u.cells.index, at);
      for (const k of Object.keys(cols) as Array<keyof typeof cols>) cols[k].set(u.cells[k], at);
      at += u.cells.index.length;
    }
    variables.push({ ...i32('cell_index', ['cell_entry'], index, { long_name: 'cell of the grid, lat_index * num_lon + lon_index' }), encoding: { dtype: 'int32' } });
    for (const k of Object.keys(cols) as Array<keyof typeof cols>) {
      variables.push({ ...f64(k, ['cell_entry'], cols[k]), attrs: { long_name: `${LONG_NAMES[k]} of ${info.variable} in the cell and unit` } });
    }
  }
  const names = keys.map(k => k.name ?? '');
  const attrs: Record<string, string | number> = {
    Conventions: 'CF-1.8',
    title: `jupyterlab-swot mergeable partial ${info.kind === 'stats' ? 'statistics' : 'binned map'} of ${info.variable}`,
    comment: 'Combine with: swot merge PARTIAL... (same variable, grouping or grid, selection and version)',
    swot_partial_kind: info.kind,
    swot_variable: info.variable,
    swot_variable_units: info.units ?? '',
    swot_by: info.by ?? '',
    swot_profile_dim: info.dim ?? '',
    swot_grid: info.grid ? JSON.stringify(info.grid) : '',
    swot_selection: info.selection,
    swot_block_lines: info.blockLines,
    swot_version: info.version,
    swot_inputs: info.inputs.join('\n'),
    swot_unit_names: names.some(Boolean) ? names.join('\n') : ''
  };
  return save({ source: path, dims, variables, attrs }, path, { overwrite: options.overwrite });
}

function text(attrs: Record<string, unknown>, key: string): string {
  const v = attrs[key];
  return typeof v === 'string' ? v : v === undefined ? '' : String(Array.isArray(v) ? v[0] : v);
}

/**
 * Read a partial file back (bit for bit).
 *
 * @throws PartialMismatchError (not a partial file), SwotError from reading
 */
export async function readPartial(path: string): Promise<Partial> {
  const ds = await open(path);
  try {
    const a = ds.attrs as Record<string, unknown>;
    const kind = text(a, 'swot_partial_kind');
    if (kind !== 'stats' && kind !== 'map') {
      throw new PartialMismatchError(path, 'not a partial result of swot stats or swot map (no swot_partial_kind attribute)');
    }
    const read = async (name: string): Promise<Float64Array> => {
      const v = requireNumericVariable(ds, name);
      const raw = await ds.reader.readRaw(name);
      return Float64Array.from(decodeVariable(v, raw.data, ds.source).data as ArrayLike<number>);
    };
    const gridText = text(a, 'swot_grid');
    const by = text(a, 'swot_by');
    const info: ReductionInfo = {
      kind,
      variable: text(a, 'swot_variable'),
      ...(text(a, 'swot_variable_units') ? { units: text(a, 'swot_variable_units') } : {}),
      ...(by ? { by: by as ReductionInfo['by'] } : {}),
      ...(text(a, 'swot_profile_dim') ? { dim: text(a, 'swot_profile_dim') } : {}),
      ...(gridText ? { grid: JSON.parse(gridText) } : {}),
      selection: text(a, 'swot_selection'),
      blockLines: Number(a['swot_block_lines'] instanceof Array ? (a['swot_block_lines'] as number[])[0] : a['swot_block_lines']),
      version: text(a, 'swot_version'),
      inputs: text(a, 'swot_inputs').split('\n').filter(Boolean)
    };
    const n = ds.dims['unit'] ?? 0;
    const cycles = n > 0 ? await read('unit_cycle') : new Float64Array(0);
    const passes = n > 0 ? await read('unit_pass') : new Float64Array(0);
    const names = text(a, 'swot_unit_names').split('\n');
    const keys: UnitKey[] = Array.from({ length: n }, (_, i) => {
      const key: UnitKey = {};
      if (cycles[i] === cycles[i]) key.cycle = cycles[i];
      if (passes[i] === passes[i]) key.pass = passes[i];
      if (key.cycle === undefined && key.pass === undefined) key.name = names[i] ?? '';
      return key;
    });
    const cols = ['count', 'mean', 'm2', 'min', 'max'] as const;
    const empty = n === 0 || (kind === 'map' && (ds.dims['cell_entry'] ?? 0) === 0);
    const values = Object.fromEntries(await Promise.all(cols.map(async k => [k, empty ? new Float64Array(0) : await read(k)] as const))) as Record<(typeof cols)[number], Float64Array>;
    if (kind === 'stats') {
      const groups = info.dim ? ds.dims[info.dim] : undefined;
      const pixels = groups !== undefined && n > 0 ? Object.fromEntries(await Promise.all(cols.map(async k => [k, await read(`pixel_${k}`)] as const))) : undefined;
      const units: StatsUnit[] = keys.map((key, i) => ({
        key,
        total: { count: values.count[i], mean: values.mean[i], m2: values.m2[i], min: values.min[i], max: values.max[i] },
        ...(pixels && groups !== undefined
          ? { pixels: Object.fromEntries(cols.map(k => [k, pixels[k].slice(i * groups, (i + 1) * groups)])) as unknown as GroupedAccumulator }
          : {})
      }));
      return { info: info as StatsPartial['info'], units };
    }
    const counts = n > 0 ? await read('unit_cells') : new Float64Array(0);
    const index = empty ? new Float64Array(0) : await read('cell_index');
    const units: MapUnit[] = [];
    let at = 0;
    keys.forEach((key, i) => {
      const m = counts[i];
      const cells = { index: Int32Array.from(index.subarray(at, at + m)), ...Object.fromEntries(cols.map(k => [k, values[k].slice(at, at + m)])) };
      units.push({ key, cells: cells as MapUnit['cells'] });
      at += m;
    });
    return { info: info as MapPartial['info'], units };
  } finally {
    ds.close();
  }
}

/** What differs between two reductions, or undefined. */
export function reductionDifference(a: ReductionInfo, b: ReductionInfo): string | undefined {
  const fields: Array<[string, unknown, unknown]> = [
    ['kind', a.kind, b.kind],
    ['variable', a.variable, b.variable],
    ['units of the variable', a.units, b.units],
    ['grouping (--by)', a.by ?? 'none', b.by ?? 'none'],
    ['profile dimension', a.dim, b.dim],
    ['grid', a.grid ? JSON.stringify(a.grid) : undefined, b.grid ? JSON.stringify(b.grid) : undefined],
    ['selection', a.selection, b.selection],
    ['lines per block', a.blockLines, b.blockLines],
    ['jupyterlab-swot version', a.version, b.version]
  ];
  const diff = fields.find(([, x, y]) => x !== y);
  return diff ? `${diff[0]} is ${JSON.stringify(diff[2] ?? null)}, not ${JSON.stringify(diff[1] ?? null)} as in the first partial` : undefined;
}

