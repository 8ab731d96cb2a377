/**
 * Extraction: variables, bounding box (lines crossing the box are kept whole;
 * the dateline and the 0/360 seam can be crossed), time interval, cycles and
 * passes, quality masks. Reads only the lines (or grid cells) selected, run by
 * run, and returns decoded in-memory data. An empty selection is a valid
 * result with zero lines, not an error.
 */

import { concatenate, Hyperslab, NdArray, NumericArray } from '../array';
import { cfDecode, flagTable, longitudeInterval } from '../cf';
import { typedArrayFor } from '../collection';
import { GroupInfo, VariableInfo } from '../dataset';
import { DatasetHoldings, DecodedDataset, DecodedVariable, decodeVariable, EmptySelection } from '../decoded';
import { ProductId } from '../product';
import { DatasetReader, requireNumericVariable } from '../reader';
import { detectLayout, groupReader, Layout } from './layout';
import { checkQuery, matchesNumber, SelectQuery } from './query';
import { countRuns, runsOf } from './runs';
import { describeNumbers, distinctNumbers, timeSpan } from './empty';
import { nanMax, nanMin } from '../stats/extent';

/** Lines read at once when testing the bounding box (bounded memory on long collections). */
const BBOX_BLOCK_LINES = 8192;

async function readDecoded(reader: DatasetReader, v: VariableInfo, slab?: Hyperslab): Promise<NumericArray> {
  const raw = await reader.readRaw(v.name, slab);
  return decodeVariable(v, raw.data, reader.info.source).data;
}

/** Read `v` over runs along dimension index `k` (the other dimensions whole). */
async function readRuns(reader: DatasetReader, v: VariableInfo, k: number, runs: Array<[number, number]>): Promise<NdArray> {
  if (runs.length === 0) {
    const shape = v.shape.map((n, i) => (i === k ? 0 : n));
    return { data: typedArrayFor(v.dtype, 0), shape };
  }
  const parts: NdArray[] = [];
  for (const run of runs) {
    parts.push(await reader.readRaw(v.name, v.shape.map((_, i) => (i === k ? run : null))));
  }
  return concatenate(parts, k);
}

function lineMaskFromNumbers(values: NumericArray, keep: (n: number) => boolean, mask: Uint8Array): void {
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] && !keep(Number(values[i]))) {
      mask[i] = 0;
    }
  }
}

type SwathLayout = Extract<Layout, { kind: 'swath' }>;

/** The line-wise arrays read to build a mask, kept to say what the dataset holds when nothing is left. */
interface LineArrays {
  cycle_number?: NumericArray;
  pass_number?: NumericArray;
  time?: NumericArray;
}

function kept(mask: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i];
  return n;
}

async function swathLineMask(
  reader: DatasetReader,
  layout: SwathLayout,
  query: SelectQuery,
  time: [number, number] | undefined,
  product: ProductId | undefined
): Promise<{ mask: Uint8Array; empty?: EmptySelection }> {
  const info = reader.info;
  const lines = info.dims[layout.axis];
  const mask = new Uint8Array(lines).fill(1);
  const arrays: LineArrays = {};
  // The filters applied so far, to say which one left no line.
  const applied: string[] = [];
  let reason: string | undefined = lines === 0 ? 'the dataset has no lines' : undefined;
  const stage = (what: string, filter: string) => {
    if (reason === undefined && kept(mask) === 0) {
      reason = `no line ${applied.length > 0 ? `of ${applied.join(', ')} ` : ''}${what} ${filter}`;
    }
    applied.push(filter);
  };
  for (const [key, name, filter] of [
    ['cycle', 'cycle_number', query.cycles],
    ['pass', 'pass_number', query.passes]
  ] as const) {
    if (filter === undefined) {
      continue;
    }
    const keep = matchesNumber(filter);
    const variable = info.variables.find(v => v.name === name && v.dims.join() === layout.axis);
    if (variable) {
      arrays[name] = (await reader.readRaw(name)).data;
      lineMaskFromNumbers(arrays[name]!, keep, mask);
    } else if (product?.[key] === undefined || !keep(product[key]!)) {
      mask.fill(0);
    }
    stage('matches', `${key === 'cycle' ? 'cycles' : 'passes'} ${describeNumbers(filter)}`);
  }
  if (time && layout.time) {
    const t = await readDecoded(reader, layout.time);
    arrays.time = t;
    lineMaskFromNumbers(t, ms => ms >= time[0] && ms <= time[1], mask);
    stage('is in', `the interval ${new Date(time[0]).toISOString()} to ${new Date(time[1]).toISOString()}`);
  }
  if (query.bbox) {
    const [lon0, lat0, lon1, lat1] = query.bbox;
    const inLon = longitudeInterval(lon0, lon1);
    const pixels = layout.lat.shape[1];
    for (const [a0, b0] of runsOf(mask)) {
      for (let a = a0; a < b0; a += BBOX_BLOCK_LINES) {
        const b = Math.min(b0, a + BBOX_BLOCK_LINES);
        const slab: Hyperslab = [[a, b], null];
        const lat = await readDecoded(reader, layout.lat, slab);
        const lon = await readDecoded(reader, layout.lon, slab);
        for (let line = a; line < b; line++) {
          let hit = false;
          const base = (line - a) * pixels;
          for (let p = 0; p < pixels && !hit; p++) {
            const la = lat[base + p] as number;
            hit = la >= lat0 && la <= lat1 && inLon(lon[base + p] as number);
          }
          mask[line] = hit ? 1 : 0;
        }
      }
    }
    stage('crosses', `the box [${query.bbox.join(', ')}]`);
  }
  if (reason === undefined) {
    return { mask };
  }
  return { mask, empty: { reason, holds: await swathHoldings(reader, layout, product, arrays) } };
}

/** Lines, cycles, passes and time span of a swath dataset (line-wise arrays read unless already read). */
async function swathHoldings(reader: DatasetReader, layout: SwathLayout, product: ProductId | undefined, arrays: LineArrays): Promise<DatasetHoldings> {
  const info = reader.info;
  const holds: DatasetHoldings = { lines: info.dims[layout.axis] };
  if (holds.lines === 0) {
    return holds;
  }
  for (const [key, name] of [
    ['cycles', 'cycle_number'],
    ['passes', 'pass_number']
  ] as const) {
    const variable = info.variables.find(v => v.name === name && v.dims.join() === layout.axis);
    const values = arrays[name] ?? (variable ? (await reader.readRaw(name)).data : undefined);
    const own = product?.[key === 'cycles' ? 'cycle' : 'pass'];
    const list = values ? distinctNumbers(values) : own !== undefined ? [own] : [];
    if (list.length > 0) {
      holds[key] = list;
    }
  }
  const t = arrays.time ?? (layout.time ? await readDecoded(reader, layout.time) : undefined);
  const span = t ? timeSpan(t as ArrayLike<number>) : undefined;
  if (span) {
    holds.time = span;
  } else if (product?.timeStart) {
    holds.time = [product.timeStart, product.timeEnd ?? product.timeStart];
  }
  return holds;
}

/** A grid selection that kept no row, column or time step: why, and the grid's extent and time span. */
async function gridEmpty(
  reader: DatasetReader,
  layout: Extract<Layout, { kind: 'grid' }>,
  runsByDim: Map<string, Array<[number, number]>>,
  query: SelectQuery,
  time: [number, number] | undefined
): Promise<EmptySelection | undefined> {
  const none = (v: VariableInfo | undefined) => v !== undefined && runsByDim.get(v.dims[0])?.length === 0;
  const reason = none(layout.lat) || none(layout.lon)
    ? `no grid cell in the box [${query.bbox!.join(', ')}]`
    : none(layout.time)
      ? `no time step in the interval ${time!.map(t => new Date(t).toISOString()).join(' to ')}`
      : undefined;
  if (reason === undefined) {
    return undefined;
  }
  const lat = await readDecoded(reader, layout.lat);
  const lon = await readDecoded(reader, layout.lon);
  const round = (x: number) => Number(x.toFixed(4));
  const [lat0, lat1] = [nanMin(lat as ArrayLike<number>), nanMax(lat as ArrayLike<number>)];
  const [lon0, lon1] = [nanMin(lon as ArrayLike<number>), nanMax(lon as ArrayLike<number>)];
  const holds: DatasetHoldings = { cells: lat.length * lon.length, lon: [round(lon0), round(lon1)], lat: [round(lat0), round(lat1)] };
  const span = layout.time ? timeSpan((await readDecoded(reader, layout.time)) as ArrayLike<number>) : undefined;
  if (span) {
    holds.time = span;
  }
  return { reason, holds };
}


/** Bit of the "bad_not_usable" flag of an L2 `<var>_qual` variable, if its flag_masks name one. */
function badBit(qual: VariableInfo): number | undefined {
  return flagTable(qual.attrs).find(f => f.mask && f.meaning === 'bad_not_usable')?.value;
}

function qualityMask(
  variables: DecodedVariable[],
  flags: Map<string, { values: NumericArray; bad?: number }>,
  level: SelectQuery['quality'],
  l3Flag: NumericArray | undefined
): void {
  if (level === undefined || level === 'all') {
    return;
  }
  for (const v of variables) {
    if (!(v.data instanceof Float64Array || v.data instanceof Float32Array) || v.isTime) {
      continue;
    }
    if (['latitude', 'longitude', 'latitude_nadir', 'longitude_nadir'].includes(v.name) || v.attrs['flag_meanings']) {
      continue;
    }
    const own = flags.get(v.name);
    let bad: ((i: number) => boolean) | undefined;
    if (own) {
      // L2 `<var>_qual`: 'good' = 0; 'usable' = the bad_not_usable bit clear when flag_masks
      // define it (real products: bit 31), otherwise (flag_values good/bad) = 0 as well.
      const q = own.values;
      const bit = own.bad;
      bad =
        level === 'good' || bit === undefined
          ? i => Number(q[i]) !== 0
          : i => Number.isNaN(Number(q[i])) || Math.floor(Number(q[i]) / bit) % 2 === 1;
    } else if (l3Flag && v.data.length === l3Flag.length) {
      bad = level === 'good' ? i => Number(l3Flag[i]) !== 0 : i => Number(l3Flag[i]) >= 100;
    }
    if (bad) {
      const data = v.data;
      for (let i = 0; i < data.length; i++) {
        if (bad(i)) {
          data[i] = NaN;
        }
      }
    }
  }
}

/**
 * Select and decode part of a dataset.
 *
 * @example
 * const med = await select(reader, { variables: ['ssha_filtered'], bbox: [0, 30, 36, 46], quality: 'good' });
 *
 * @throws UsageError (bad query), MissingVariableError, CorruptFileError
 */
export async function select(
  source: DatasetReader,
  query: SelectQuery = {},
  product?: ProductId
): Promise<DecodedDataset> {
  const { time } = checkQuery(query);
  query = query ?? {};
  const reader = query.group ? groupReader(source, query.group) : source;
  const info: GroupInfo = reader.info;
  const layout = detectLayout(info);
  const numeric = info.variables.filter(v => v.dtype !== 'string' && v.dtype !== 'unknown').map(v => v.name);
  const wanted = (query.variables ?? numeric).map(n => requireNumericVariable(reader.info, n));
  const coordinates =
    layout.kind === 'other'
      ? []
      : [layout.lat, layout.lon, layout.time, ...info.variables.filter(v => ['cycle_number', 'pass_number'].includes(v.name))];
  const selected: VariableInfo[] = [];
  for (const v of [...coordinates, ...wanted]) {
    if (v && !selected.includes(v)) {
      selected.push(v);
    }
  }

  // Ranges per dimension: runs of indices kept.
  const runsByDim = new Map<string, Array<[number, number]>>();
  let empty: EmptySelection | undefined;
  if (layout.kind === 'swath') {
    const lineMask = await swathLineMask(reader, layout, query, time, product);
    runsByDim.set(layout.axis, runsOf(lineMask.mask));
    empty = lineMask.empty;
  } else if (layout.kind === 'grid') {
    if (query.bbox) {
      const [lon0, lat0, lon1, lat1] = query.bbox;
      const lat = await readDecoded(reader, layout.lat);
      const lon = await readDecoded(reader, layout.lon);
      runsByDim.set(layout.lat.dims[0], runsOf(Uint8Array.from(lat as Float64Array, x => (x >= lat0 && x <= lat1 ? 1 : 0))));
      const inLon = longitudeInterval(lon0, lon1);
      const lonRuns = runsOf(Uint8Array.from(lon as Float64Array, x => (inLon(x) ? 1 : 0)));
      // A box across the coordinate's seam: the run at the end comes first, so longitudes stay continuous.
      if (lonRuns.length === 2 && lonRuns[0][0] === 0 && lonRuns[1][1] === lon.length) {
        lonRuns.reverse();
      }
      runsByDim.set(layout.lon.dims[0], lonRuns);
    }
    if (time && layout.time) {
      const t = await readDecoded(reader, layout.time);
      runsByDim.set(layout.time.dims[0], runsOf(Uint8Array.from(t as Float64Array, x => (x >= time[0] && x <= time[1] ? 1 : 0))));
    }
    empty = await gridEmpty(reader, layout, runsByDim, query, time);
  } else if (query.bbox || query.time) {
    throw new RangeError(`${info.path}: no latitude/longitude found, cannot select by bbox or time`);
  }

  const read = async (v: VariableInfo): Promise<NdArray> => {
    const dims = v.dims.map((d, k) => [d, k] as const).filter(([d]) => runsByDim.has(d));
    if (dims.length === 0) {
      return reader.readRaw(v.name);
    }
    // Single-run dimensions become part of the hyperslab; one multi-run dimension is read run by run.
    const multi = dims.find(([d]) => runsByDim.get(d)!.length !== 1);
    const base: Hyperslab = v.dims.map(d => {
      const runs = runsByDim.get(d);
      return runs && runs.length === 1 ? runs[0] : null;
    });
    if (!multi) {
      return reader.readRaw(v.name, base);
    }
    const [dim, k] = multi;
    const runs = runsByDim.get(dim)!;
    if (runs.length === 0) {
      const shape = v.dims.map((d, i) => (i === k ? 0 : base[i] ? base[i]![1] - base[i]![0] : v.shape[i]));
      return { data: typedArrayFor(v.dtype, 0), shape };
    }
    const others = dims.filter(([d]) => d !== dim && runsByDim.get(d)!.length > 1);
    if (others.length > 0) {
      throw new RangeError(`${v.name}: cannot select several disjoint ranges on two dimensions`);
    }
    const sub: VariableInfo = { ...v };
    const parts: NdArray[] = [];
    for (const run of runs) {
      const slab = base.slice();
      slab[k] = run;
      parts.push(await reader.readRaw(sub.name, slab));
    }
    return concatenate(parts, k);
  };

  const variables: DecodedVariable[] = [];
  const flags = new Map<string, { values: NumericArray; bad?: number }>();
  let l3Flag: NumericArray | undefined;
  for (const v of selected) {
    const raw = await read(v);
    const decoded = decodeVariable(v, raw.data, reader.info.source);
    decoded.shape = raw.shape;
    variables.push(decoded);
  }
  if (query.quality && query.quality !== 'all' && layout.kind === 'swath') {
    const axis = layout.axis;
    const k = 0;
    const runs = runsByDim.get(axis)!;
    for (const v of variables) {
      const qual = info.variables.find(q => q.name === `${v.name}_qual`);
      if (qual) {
        // Mask the fill value (NaN) but keep the flag bits unscaled.
        const { _FillValue, missing_value } = qual.attrs;
        const values = cfDecode((await readRuns(reader, qual, k, runs)).data, { ...(_FillValue !== undefined ? { _FillValue } : {}), ...(missing_value !== undefined ? { missing_value } : {}) });
        flags.set(v.name, { values, bad: badBit(qual) });
      }
    }
    const qf = info.variables.find(q => q.name === 'quality_flag' && q.dims.join() === layout.lat.dims.join());
    if (qf) {
      l3Flag = (await readRuns(reader, qf, k, runs)).data;
    }
    qualityMask(variables, flags, query.quality, l3Flag);
  }

  const dims: Record<string, number> = {};
  for (const v of variables) {
    v.dims.forEach((d, i) => (dims[d] = v.shape[i]));
  }
  const result: DecodedDataset = { source: reader.info.source, dims, variables, attrs: info.attrs };
  if (product) {
    result.product = product;
  }
  if (empty) {
    result.empty = empty;
  }
  return result;
}

export { countRuns };
