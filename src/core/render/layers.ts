/**
 * What is drawn, read from a dataset reader (lazily, block of lines by block
 * of lines, reduced to a level of detail when the pass is too large) or from
 * an in-memory selection: the kernel's show() and the lab's viewer share it. Passes become separate layers (collection members, or
 * runs of cycle_number / pass_number), as do the two sides of products with
 * /left and /right groups: nothing is ever joined across them.
 */
import { Hyperslab, NumericArray } from '../array';
import { CollectionReader } from '../collection';
import { findVariable, VariableInfo } from '../dataset';
import { DecodedDataset, DecodedVariable, decodeVariable } from '../decoded';
import { UsageError } from '../errors';
import { ProductId } from '../product';
import { DatasetReader, requireVariable } from '../reader';
import { gridFields } from '../select/grid-fields';
import { detectLayout, groupReader, Layout } from '../select/layout';
import { lodFactor, reduceGrid, reduceGridValues, reduceSwath } from './lod';
import { GridInput, LayerInput, SwathInput } from './payload';
import { LayerSource } from './scene';

export interface LayerOptions {
  /** Eastward and northward components drawn as arrows. */
  vectors?: [string, string];
  /** Level of detail: at most this many points are sent (default 2 000 000). */
  maxPoints: number;
  /** Index along the leading dimensions of a gridded variable (time), default 0. */
  timeIndex: number;
  /** The product opened (cycle and pass of a single-pass file). */
  product?: ProductId;
  /** Reduced swath layers say which file and lines they come from (default true; see LayerSource). */
  nativeSource?: boolean;
}

export interface Layers {
  layers: LayerInput[];
  name: string;
  units?: string;
  longName?: string;
  vectorUnits?: string;
  /** Points in the data, and the level-of-detail factor applied (1: every point). */
  sourcePoints: number;
  factor: number;
  product?: ProductId;
  source: string;
}

/** Lines read at once from a dataset: bounded memory on 250 m passes. */
const BLOCK_LINES = 8192;

function numbers(data: NumericArray): ArrayLike<number> {
  return data instanceof BigInt64Array || data instanceof BigUint64Array ? Float64Array.from(data as ArrayLike<bigint>, Number) : (data as ArrayLike<number>);
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Runs of lines with the same (cycle, pass). */
function passRuns(cycles: ArrayLike<number> | undefined, passes: ArrayLike<number> | undefined, lines: number): Array<{ start: number; stop: number; cycle?: number; pass?: number }> {
  if (!cycles && !passes) {
    return [{ start: 0, stop: lines }];
  }
  const runs: Array<{ start: number; stop: number; cycle?: number; pass?: number }> = [];
  let start = 0;
  for (let i = 1; i <= lines; i++) {
    if (i === lines || cycles?.[i] !== cycles?.[i - 1] || passes?.[i] !== passes?.[i - 1]) {
      runs.push({ start, stop: i, ...(cycles ? { cycle: Number(cycles[start]) } : {}), ...(passes ? { pass: Number(passes[start]) } : {}) });
      start = i;
    }
  }
  return runs;
}

/** The arrow components to use for `variable` (vectors: true). */
export function inferVectors(variable: string, has: (name: string) => boolean): [string, string] {
  const candidates: Array<[string, string]> = [];
  if (/^u/.test(variable)) candidates.push([variable, variable.replace(/^u/, 'v')]);
  const suffix = /_unfiltered$/.test(variable) ? '_unfiltered' : '_filtered';
  candidates.push([`ugosa${suffix}`, `vgosa${suffix}`], [`ugos${suffix}`, `vgos${suffix}`], ['ugosa', 'vgosa'], ['ugos', 'vgos'], ['u', 'v'], ['eastward_velocity', 'northward_velocity']);
  const found = candidates.find(([u, v]) => has(u) && has(v));
  if (!found) {
    throw new UsageError(`no velocity components found to draw arrows with ${variable}; give vectors: ["u_name", "v_name"]`);
  }
  return found;
}

// ---------------------------------------------------------------- A dataset reader (lazy reads)

/**
 * netCDF's default fill values (netcdf.h NC_FILL_*): netCDF-C tools and
 * netCDF4-python mask them when a variable has no _FillValue (some DUACS
 * files lack the attribute); a map must not colour land at -214748 m.
 */
const DEFAULT_FILL: Record<string, number> = { int8: -127, uint8: 255, int16: -32767, uint16: 65535, int32: -2147483647, uint32: 4294967295 };

function withDefaultFill(v: VariableInfo): VariableInfo {
  const fill = DEFAULT_FILL[v.dtype];
  if (fill === undefined || v.attrs['_FillValue'] !== undefined || v.attrs['missing_value'] !== undefined || v.attrs['flag_values'] !== undefined) {
    return v;
  }
  return { ...v, attrs: { ...v.attrs, _FillValue: fill } };
}

/** The same for decoded values: what the default fill decoded to becomes NaN. */
function maskDefaultFill(d: DecodedVariable): ArrayLike<number> {
  const e = d.encoding;
  const fill = DEFAULT_FILL[e.dtype];
  const data = numbers(d.data);
  if (fill === undefined || e._FillValue !== undefined || d.attrs['missing_value'] !== undefined || d.attrs['flag_values'] !== undefined) {
    return data;
  }
  const target = fill * (e.scale_factor ?? 1) + (e.add_offset ?? 0);
  const tolerance = Math.abs(target) * 1e-9;
  const out = Float64Array.from(data);
  for (let i = 0; i < out.length; i++) {
    if (Math.abs(out[i] - target) <= tolerance) out[i] = NaN;
  }
  return out;
}

async function readDecoded(reader: DatasetReader, v: VariableInfo, slab?: Hyperslab): Promise<ArrayLike<number>> {
  const raw = await reader.readRaw(v.name, slab);
  return numbers(decodeVariable(withDefaultFill(v), raw.data, reader.info.source).data);
}

interface Part {
  reader: DatasetReader;
  label?: string;
}

/** The readers holding `name`: the dataset itself, or each of its groups (L2 Unsmoothed /left, /right). */
function partsOf(reader: DatasetReader, name: string): { parts: Part[]; name: string } {
  const info = reader.info;
  if (findVariable(info, name)) {
    const slash = name.lastIndexOf('/');
    if (slash > 0) {
      const group = name.slice(0, slash);
      return { parts: [{ reader: groupReader(reader, group), label: group }], name: name.slice(slash + 1) };
    }
    return { parts: [{ reader }], name };
  }
  const groups = info.groups.filter(g => g.variables.some(v => v.name === name));
  if (groups.length === 0) {
    // requireVariable's MissingVariableError lists what there is.
    requireVariable(info, name);
    throw new UsageError(`${info.source}: no variable "${name}"`);
  }
  return { parts: groups.map(g => ({ reader: groupReader(reader, g.path), label: g.path.replace(/^\/+/, '') })), name };
}

async function swathFromReader(
  part: Part,
  name: string,
  options: LayerOptions,
  collection: CollectionReader | undefined,
  layout: Extract<Layout, { kind: 'swath' }>,
  factorOf: (points: number) => number,
  file?: string
): Promise<SwathInput[]> {
  const product = options.product;
  const { reader } = part;
  const info = reader.info;
  const variable = info.variables.find(v => v.name === name)!;
  const [lines, pixels] = layout.lat.shape;
  if (variable.dims.join() !== layout.lat.dims.join()) {
    throw new UsageError(`${name} has dimensions (${variable.dims.join(', ')}); show() draws (${layout.lat.dims.join(', ')}) swath variables or lat/lon grids`);
  }
  const [uName, vName] = options.vectors ?? [];
  const uVar = uName ? info.variables.find(v => v.name === uName) : undefined;
  const vVar = vName ? info.variables.find(v => v.name === vName) : undefined;
  if (uName && (!uVar || !vVar)) {
    throw new UsageError(`${info.source}: no vector components ${uName}, ${vName}`);
  }
  // Passes: collection members, else runs of cycle_number / pass_number, else the product's own.
  let runs: Array<{ start: number; stop: number; cycle?: number; pass?: number }>;
  if (collection && !part.label) {
    runs = collection.members.map((m, k) => ({ start: collection.offsets[k], stop: collection.offsets[k + 1], cycle: m.product?.cycle, pass: m.product?.pass }));
  } else {
    const lineVar = (n: string) => info.variables.find(v => v.name === n && v.dims.length === 1 && v.dims[0] === layout.axis);
    const cv = lineVar('cycle_number');
    const pv = lineVar('pass_number');
    runs = passRuns(cv ? await readDecoded(reader, cv) : undefined, pv ? await readDecoded(reader, pv) : undefined, lines);
    if (!cv && !pv) {
      runs = runs.map(r => ({ ...r, cycle: product?.cycle, pass: product?.pass }));
    }
  }
  const factor = factorOf(lines * pixels);
  const out: SwathInput[] = [];
  for (const run of runs) {
    const pieces: Array<{ lines: number; lon: ArrayLike<number>; lat: ArrayLike<number>; value: ArrayLike<number>; u?: ArrayLike<number>; v?: ArrayLike<number> }> = [];
    const block = factor * Math.max(1, Math.floor(BLOCK_LINES / factor));
    for (let a = run.start; a < run.stop; a += block) {
      const b = Math.min(run.stop, a + block);
      const slab: Hyperslab = [[a, b], null];
      const piece = {
        lines: b - a,
        pixels,
        lon: await readDecoded(reader, layout.lon, slab),
        lat: await readDecoded(reader, layout.lat, slab),
        value: await readDecoded(reader, variable, slab),
        ...(uVar && vVar ? { u: await readDecoded(reader, uVar, slab), v: await readDecoded(reader, vVar, slab) } : {})
      };
      pieces.push(factor > 1 ? reduceSwath(piece, factor) : piece);
    }
    out.push(joinPieces(pieces, Math.ceil(pixels / factor), {
      line0: run.start,
      factor,
      ...(run.cycle !== undefined ? { cycle: run.cycle } : {}),
      ...(run.pass !== undefined ? { pass: run.pass } : {}),
      ...(part.label ? { label: part.label } : {}),
      // A reduced layer of a single file says where its native points are (zoom to native resolution in the browser).
      ...(file && factor > 1
        ? {
            source: {
              path: file,
              format: 'netcdf4' as const,
              ...(part.label ? { group: part.label } : {}),
              variable: name,
              lines: [run.start, run.stop] as [number, number],
              pixels: [0, pixels] as [number, number],
              factor
            }
          }
        : {})
    }));
  }
  return out;
}

function joinPieces(
  pieces: Array<{ lines: number; lon: ArrayLike<number>; lat: ArrayLike<number>; value: ArrayLike<number>; u?: ArrayLike<number>; v?: ArrayLike<number> }>,
  pixels: number,
  meta: { line0: number; factor: number; cycle?: number; pass?: number; label?: string; source?: LayerSource }
): SwathInput {
  const lines = pieces.reduce((n, p) => n + p.lines, 0);
  const n = lines * pixels;
  const join = (key: 'lon' | 'lat' | 'value' | 'u' | 'v', Ctor: Float64ArrayConstructor | Float32ArrayConstructor) => {
    if (pieces.length === 1 && pieces[0][key] instanceof Ctor) return pieces[0][key] as Float64Array | Float32Array;
    const out = new Ctor(n);
    let o = 0;
    for (const p of pieces) {
      const src = p[key]!;
      for (let i = 0; i < src.length; i++) out[o++] = src[i];
    }
    return out;
  };
  const input: SwathInput = {
    kind: 'swath',
    lines,
    pixels,
    lon: join('lon', Float64Array),
    lat: join('lat', Float64Array),
    value: join('value', Float32Array),
    line0: meta.line0,
    lineStep: meta.factor,
    pixelStep: meta.factor,
    ...(meta.cycle !== undefined ? { cycle: meta.cycle } : {}),
    ...(meta.pass !== undefined ? { pass: meta.pass } : {}),
    ...(meta.label ? { label: meta.label } : {}),
    ...(meta.source ? { source: meta.source } : {})
  };
  if (pieces[0]?.u) {
    input.u = join('u', Float32Array);
    input.v = join('v', Float32Array);
  }
  return input;
}

async function gridFromReader(reader: DatasetReader, name: string, options: LayerOptions, layout: Extract<Layout, { kind: 'grid' }>, factorOf: (points: number) => number): Promise<GridInput> {
  const info = reader.info;
  const variable = info.variables.find(v => v.name === name)!;
  const dims = variable.dims;
  const [latDim, lonDim] = [layout.lat.dims[0], layout.lon.dims[0]];
  // The grid's dimensions by name, wherever they are (DUACS: (time, lat, lon); NeurOST: (lat, lon, time)).
  gridFields(name, dims, variable.shape, latDim, lonDim);
  const slab: Hyperslab = dims.map((dim, k) => {
    if (dim === latDim || dim === lonDim) return null;
    const t = options.timeIndex;
    if (!(t >= 0 && t < variable.shape[k])) throw new UsageError(`time index ${t} outside ${dims[k]} (length ${variable.shape[k]})`);
    return [t, t + 1];
  });
  const sliced = dims.map((dim, k) => (dim === latDim || dim === lonDim ? variable.shape[k] : 1));
  const field = gridFields(name, dims, sliced, latDim, lonDim);
  // Values of the slab, latitude-major as the grid is drawn.
  const read = async (v: VariableInfo, s?: Hyperslab) => (v === layout.lat || v === layout.lon ? readDecoded(reader, v, s) : field.gather(await readDecoded(reader, v, s), 0));
  let lon = await read(layout.lon);
  let lat = await read(layout.lat);
  const [ny, nx] = [lat.length, lon.length];
  let value = await read(variable, slab);
  const extra: Partial<GridInput> = {};
  const factor = factorOf(lon.length * lat.length);
  if (factor > 1) {
    ({ lon, lat, value } = reduceGrid(lon, lat, value, factor));
  }
  if (options.vectors) {
    const [uVar, vVar] = options.vectors.map(n => info.variables.find(v => v.name === n));
    if (!uVar || !vVar) throw new UsageError(`${info.source}: no vector components ${options.vectors.join(', ')}`);
    let u = await read(uVar, slab);
    let v = await read(vVar, slab);
    if (factor > 1) {
      u = reduceGridValues(u, ny, nx, factor);
      v = reduceGridValues(v, ny, nx, factor);
    }
    Object.assign(extra, { u, v });
  }
  return { kind: 'grid', lon, lat, value, ...extra };
}

/**
 * Layers of `variable` in a dataset (read now, reduced to `maxPoints`).
 *
 * @example
 * const layers = await readLayers(reader, 'ssha_filtered', { maxPoints: 2e6, timeIndex: 0 });
 * @throws UsageError (not drawable: no lat/lon, wrong dimensions), MissingVariableError, reader errors
 */
export async function readLayers(reader: DatasetReader, variable: string, options: LayerOptions): Promise<Layers> {
  const { parts, name } = partsOf(reader, variable);
  const collection = 'members' in reader && 'offsets' in reader ? (reader as CollectionReader) : undefined;
  // One level of detail for every part: the total decides.
  let total = 0;
  const layouts = parts.map(p => {
    const layout = detectLayout(p.reader.info);
    if (layout.kind === 'other') {
      throw new UsageError(`${p.reader.info.source}: no latitude/longitude found, nothing to draw on a map`);
    }
    total += layout.kind === 'swath' ? layout.lat.shape[0] * layout.lat.shape[1] : layout.lat.shape[0] * layout.lon.shape[0];
    return layout;
  });
  const factor = lodFactor(total, options.maxPoints);
  const factorOf = () => factor;
  // The file the browser may read native points from: one netCDF4 file (not a collection).
  const file = !collection && reader.info.format === 'netcdf4' && options.nativeSource !== false ? reader.info.source : undefined;
  const layers: LayerInput[] = [];
  for (const [k, part] of parts.entries()) {
    const layout = layouts[k];
    if (layout.kind === 'swath') {
      layers.push(...(await swathFromReader(part, name, options, collection, layout, factorOf, file)));
    } else if (layout.kind === 'grid') {
      layers.push(await gridFromReader(part.reader, name, options, layout, factorOf));
    }
  }
  const info = parts[0].reader.info.variables.find(v => v.name === name)!;
  const uInfo = options.vectors ? parts[0].reader.info.variables.find(v => v.name === options.vectors![0]) : undefined;
  return {
    layers,
    name: variable,
    units: text(info.attrs['units']),
    longName: text(info.attrs['long_name']),
    ...(uInfo ? { vectorUnits: text(uInfo.attrs['units']) } : {}),
    sourcePoints: total,
    factor,
    ...(options.product ? { product: options.product } : {}),
    source: reader.info.source
  };
}

/** Native points of a swath window, decoded as show() decodes them. */
export interface SwathWindow {
  lines: number;
  pixels: number;
  lon: ArrayLike<number>;
  lat: ArrayLike<number>;
  value: ArrayLike<number>;
}

/**
 * The decoded longitudes, latitudes and values of native `lines` x `pixels`
 * ([start, stop)) of a swath variable: what the browser reads when a reduced
 * display is zoomed in (the same decoding as show(): scale, offset, fill values).
 *
 * @example
 * const w = await readSwathWindow(reader, 'left', 'ssh_karin_2', [600, 680], [100, 180]);
 * @throws UsageError (no swath, wrong dimensions), MissingVariableError, reader errors
 */
export async function readSwathWindow(reader: DatasetReader, group: string | undefined, variable: string, lines: [number, number], pixels: [number, number]): Promise<SwathWindow> {
  const r = group ? groupReader(reader, group) : reader;
  const layout = detectLayout(r.info);
  if (layout.kind !== 'swath') {
    throw new UsageError(`${r.info.source}: no swath latitude/longitude`);
  }
  const v = requireVariable(r.info, variable);
  if (v.dims.join() !== layout.lat.dims.join()) {
    throw new UsageError(`${variable} has dimensions (${v.dims.join(', ')}), the swath is (${layout.lat.dims.join(', ')})`);
  }
  const [nl, np] = layout.lat.shape;
  const l: [number, number] = [Math.max(0, lines[0]), Math.min(nl, lines[1])];
  const p: [number, number] = [Math.max(0, pixels[0]), Math.min(np, pixels[1])];
  if (!(l[1] > l[0] && p[1] > p[0])) {
    throw new UsageError(`${r.info.source}: lines ${lines.join('-')}, pixels ${pixels.join('-')} are outside the swath (${nl} x ${np})`);
  }
  const slab: Hyperslab = [l, p];
  const lon = await readDecoded(r, layout.lon, slab);
  const lat = await readDecoded(r, layout.lat, slab);
  const value = await readDecoded(r, v, slab);
  return { lines: l[1] - l[0], pixels: p[1] - p[0], lon, lat, value };
}

// ---------------------------------------------------------------- Selection (in memory)

function coordinate(sel: DecodedDataset, names: string[]): DecodedVariable | undefined {
  return names.map(n => sel.variables.find(v => v.name === n)).find(v => v !== undefined);
}

/** Layers of `name` in an in-memory selection (reduced to `maxPoints`). */
export function layersFromDecoded(sel: DecodedDataset, name: string, options: LayerOptions): Layers {
  const variable = sel.variables.find(v => v.name === name);
  if (!variable) {
    throw new UsageError(`${sel.source}: the selection has no "${name}" (it has ${sel.variables.map(v => v.name).join(', ')})`);
  }
  const lat = coordinate(sel, ['latitude', 'lat']);
  const lon = coordinate(sel, ['longitude', 'lon']);
  if (!lat || !lon) {
    throw new UsageError(`${sel.source}: the selection has no latitude/longitude; select them with the variable`);
  }
  const vectors = options.vectors?.map(n => sel.variables.find(v => v.name === n));
  if (options.vectors && (!vectors![0] || !vectors![1])) {
    throw new UsageError(`${sel.source}: no vector components ${options.vectors.join(', ')} in the selection`);
  }
  const [u, v] = vectors ?? [];
  const meta = {
    name,
    units: text(variable.attrs['units']),
    longName: text(variable.attrs['long_name']),
    ...(u ? { vectorUnits: text(u.attrs['units']) } : {}),
    ...(sel.product ? { product: sel.product } : {}),
    source: sel.source
  };
  if (lat.shape.length === 2) {
    const [lines, pixels] = lat.shape;
    if (variable.shape.join() !== lat.shape.join()) {
      throw new UsageError(`${name} has shape (${variable.shape.join(', ')}), the swath is (${lat.shape.join(', ')})`);
    }
    const factor = lodFactor(lines * pixels, options.maxPoints);
    const line = (n: string) => sel.variables.find(x => x.name === n && x.shape.length === 1 && x.shape[0] === lines);
    const cv = line('cycle_number');
    const pv = line('pass_number');
    let runs = passRuns(cv && numbers(cv.data), pv && numbers(pv.data), lines);
    if (!cv && !pv) runs = runs.map(r => ({ ...r, cycle: sel.product?.cycle, pass: sel.product?.pass }));
    const values = maskDefaultFill(variable) as Float64Array;
    const layers = runs.map(run => {
      const piece = (d: DecodedVariable) => numbers(d.data.subarray(run.start * pixels, run.stop * pixels) as NumericArray);
      const block = {
        lines: run.stop - run.start,
        pixels,
        lon: piece(lon),
        lat: piece(lat),
        value: values.subarray(run.start * pixels, run.stop * pixels),
        ...(u && v ? { u: piece(u), v: piece(v) } : {})
      };
      return joinPieces([factor > 1 ? reduceSwath(block, factor) : block], Math.ceil(pixels / factor), {
        line0: run.start,
        factor,
        ...(run.cycle !== undefined ? { cycle: run.cycle } : {}),
        ...(run.pass !== undefined ? { pass: run.pass } : {})
      });
    });
    return { layers, sourcePoints: lines * pixels, factor, ...meta };
  }
  const ny = lat.data.length;
  const nx = lon.data.length;
  const plane = ny * nx;
  if (variable.data.length < plane) {
    // No time step selected (or no row or column): an empty grid, drawn as "nothing to draw".
    const none: GridInput = { kind: 'grid', lon: new Float64Array(0), lat: new Float64Array(0), value: new Float32Array(0) };
    return { layers: [none], sourcePoints: 0, factor: 1, ...meta };
  }
  const offset = Math.min(options.timeIndex, Math.max(0, variable.data.length / plane - 1)) * plane;
  const slice = (d: DecodedVariable) => (maskDefaultFill(d) as Float64Array).subarray(offset, offset + plane);
  let grid: GridInput = { kind: 'grid', lon: numbers(lon.data), lat: numbers(lat.data), value: slice(variable) };
  const factor = lodFactor(plane, options.maxPoints);
  if (factor > 1) {
    grid = { kind: 'grid', ...reduceGrid(grid.lon, grid.lat, grid.value, factor) };
  }
  if (u && v) {
    grid.u = factor > 1 ? reduceGridValues(slice(u), ny, nx, factor) : slice(u);
    grid.v = factor > 1 ? reduceGridValues(slice(v), ny, nx, factor) : slice(v);
  }
  return { layers: [grid], sourcePoints: plane, factor, ...meta };
}
