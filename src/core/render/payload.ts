/**
 * The `application/vnd.swot.swath+json` payload between the kernel and the
 * browser, and the scene both sides draw from. Swath coordinates: see
 * coordinates.ts; values as int16 with a scale (or float32 when outliers
 * would eat the precision). All arrays share one byte-shuffled, deflated,
 * base64 blob (pack.ts).
 */
import { colormap, defaultColormap } from './colormaps';
import { PackedCoordinates, packSwathCoordinates, unpackSwathCoordinates } from './coordinates';
import { Deflate, Inflate, openBlob, PackedArray, PackedBlob, Packer, unpack } from './pack';

export type { PackedCoordinates } from './coordinates';
import { emptyMessage } from './empty';
import { Clim, colorLimits } from './percentile';
import { GridLayer, Layer, LayerSource, Scene, SwathLayer, SwathLayerInfo, VariableInfoLite, Vectors } from './scene';
import { extentOf, unwrapLongitudes, View } from './view';

export const SWATH_MIME = 'application/vnd.swot.swath+json';
export const PAYLOAD_VERSION = 1;

/** A swath to draw: `lines` x `pixels` values with their coordinates (any longitude convention). */
export interface SwathInput {
  kind: 'swath';
  lines: number;
  pixels: number;
  lon: ArrayLike<number>;
  lat: ArrayLike<number>;
  value: ArrayLike<number>;
  label?: string;
  cycle?: number;
  pass?: number;
  line0?: number;
  pixel0?: number;
  lineStep?: number;
  pixelStep?: number;
  /** Eastward / northward components for arrows, same shape as `value`. */
  u?: ArrayLike<number>;
  v?: ArrayLike<number>;
  /** Where the native points of a reduced layer are (the browser reads them on zoom). */
  source?: LayerSource;
}

/** A regular lon/lat grid: `value` is lat.length x lon.length. */
export interface GridInput {
  kind: 'grid';
  lon: ArrayLike<number>;
  lat: ArrayLike<number>;
  value: ArrayLike<number>;
  label?: string;
  u?: ArrayLike<number>;
  v?: ArrayLike<number>;
}

export type LayerInput = SwathInput | GridInput;

export interface SceneOptions {
  variable: VariableInfoLite;
  /** Colour map: Spectral_r, RdBu_r, balance, speed, thermal, viridis, gray_r, ... (default: by variable, see defaultColormap). */
  cmap?: string;
  /** Colour limits: fixed [vmin, vmax], or percentiles {percentile: [2, 98]} (default 5-95). */
  clim?: Clim;
  /** Limits symmetric around 0 (default: for diverging maps when the values straddle 0). */
  symmetric?: boolean;
  /** Longitude/latitude grid lines (default true). */
  grid?: boolean;
  colorbar?: boolean;
  /** Land and coastlines (default true). */
  coastlines?: boolean;
  title?: string;
  vectorUnits?: string;
  /** Speed of a full-length arrow (default: the 95th percentile). */
  vectorScale?: number;
  /** At most this many arrows are kept (default 60 000). */
  maxArrows?: number;
  /** When no value is drawable: why, added to the figure's message (e.g. why a selection is empty). */
  emptyDetail?: string;
}

interface PackedVectors {
  stride: number;
  u: PackedArray;
  v: PackedArray;
}

export interface PackedSwathLayer extends SwathLayerInfo {
  coordinates: PackedCoordinates;
  value: PackedArray;
  vectors?: PackedVectors;
}

export interface PackedGridLayer {
  kind: 'grid';
  lon: PackedArray;
  lat: PackedArray;
  value: PackedArray;
  label?: string;
  vectors?: PackedVectors;
}

export interface SwathPayload {
  version: number;
  variable: VariableInfoLite;
  colormap: string;
  /** null when there is no value to draw (see `empty`). */
  clim: [number, number] | null;
  /** How the limits were chosen, e.g. "percentile 5-95" or "fixed"; "none" with nothing to draw. */
  climSource: string;
  /** Set when no value is drawable: the message the figure shows instead of data and colour bar. */
  empty?: string;
  title?: string;
  grid: boolean;
  colorbar: boolean;
  coastlines: boolean;
  extent: View;
  layers: Array<PackedSwathLayer | PackedGridLayer>;
  /** The bytes of every array. */
  blob: PackedBlob;
  vectorUnits?: string;
  /** Speed of a full-length arrow (default: the 95th percentile). */
  vectorScale?: number;
  /** Points drawn, and points in the data before any level-of-detail reduction. */
  points: number;
  sourcePoints?: number;
}

const DIVERGING = /^(balance|RdBu|Spectral)(_r)?$/;

function sampled(stride: number, rows: number, cols: number, data: ArrayLike<number>): Float32Array {
  const nr = Math.ceil(rows / stride);
  const nc = Math.ceil(cols / stride);
  const out = new Float32Array(nr * nc);
  for (let a = 0; a < nr; a++) {
    for (let b = 0; b < nc; b++) {
      out[a * nc + b] = data[a * stride * cols + b * stride];
    }
  }
  return out;
}

function vectorStride(inputs: readonly LayerInput[], maxArrows: number): number {
  const total = inputs.reduce((n, l) => n + (l.u ? l.value.length : 0), 0);
  return Math.max(1, Math.ceil(Math.sqrt(total / maxArrows)));
}

function shapeOf(layer: LayerInput): [number, number] {
  return layer.kind === 'swath' ? [layer.lines, layer.pixels] : [layer.lat.length, layer.lon.length];
}

function checkInput(layer: LayerInput, k: number): void {
  const [rows, cols] = shapeOf(layer);
  const n = rows * cols;
  const bad = (what: string, got: number) => new RangeError(`layer ${k}: ${what} has ${got} values, expected ${n}`);
  if (layer.value.length !== n) throw bad('value', layer.value.length);
  if (layer.kind === 'swath' && (layer.lon.length !== n || layer.lat.length !== n)) throw bad('lon/lat', Math.min(layer.lon.length, layer.lat.length));
  if (layer.u && (layer.u.length !== n || !layer.v || layer.v.length !== n)) throw bad('u/v', layer.u.length);
}

/**
 * Where the view opens: around the swath points that have a value (all
 * points of a swath without any), and the whole of each grid.
 */
function dataExtent(inputs: readonly LayerInput[]): View | undefined {
  const lons: Array<ArrayLike<number>> = [];
  const lats: Array<ArrayLike<number>> = [];
  const total = inputs.reduce((n, l) => n + (l.kind === 'swath' ? l.value.length : 0), 0);
  const step = Math.max(1, Math.floor(total / 400000));
  const lon: number[] = [];
  const lat: number[] = [];
  for (const l of inputs) {
    if (l.kind === 'grid') {
      lons.push(l.lon);
      lats.push(l.lat);
      continue;
    }
    for (let k = 0; k < l.value.length; k += step) {
      const v = l.value[k];
      if (v - v === 0) {
        lon.push(l.lon[k]);
        lat.push(l.lat[k]);
      }
    }
  }
  if (lon.length > 0) {
    lons.push(lon);
    lats.push(lat);
  } else if (lons.length === 0) {
    for (const l of inputs) {
      lons.push(l.lon);
      lats.push(l.lat);
    }
  }
  return extentOf(lons, lats);
}

interface Settled {
  cmap: string;
  clim: [number, number] | null;
  climSource: string;
  extent: View;
  empty?: string;
}

/** Colour map, limits and extent shared by buildScene and encodePayload; no limits when nothing is drawable. */
function settle(inputs: readonly LayerInput[], options: SceneOptions, sourcePoints?: number): Settled {
  inputs.forEach(checkInput);
  const cmap = options.cmap ?? defaultColormap(options.variable.name, options.variable.units);
  colormap(cmap); // throws on an unknown name
  const world = { x0: -180, x1: 180, y0: -90, y1: 90 };
  const empty = emptyMessage(inputs, options.variable.name, sourcePoints, options.emptyDetail);
  if (empty !== undefined) {
    return { cmap, clim: null, climSource: 'none', extent: dataExtent(inputs) ?? world, empty };
  }
  const clim = options.clim ?? { percentile: [5, 95] as [number, number] };
  let values: ArrayLike<number>;
  if (inputs.length === 1) {
    values = inputs[0].value;
  } else {
    // A strided sample of every layer, about 2^20 values in all.
    const total = inputs.reduce((n, l) => n + l.value.length, 0);
    const step = Math.max(1, Math.floor(total / (1 << 20)));
    const sample: number[] = [];
    for (const l of inputs) for (let i = 0; i < l.value.length; i += step) sample.push(l.value[i]);
    values = sample;
  }
  let limits = colorLimits(values, clim, false);
  const symmetric = options.symmetric ?? (DIVERGING.test(cmap) && !Array.isArray(clim) && limits[0] < 0 && limits[1] > 0);
  if (symmetric && !Array.isArray(clim)) {
    limits = colorLimits(values, clim, true);
  }
  const climSource = Array.isArray(clim) ? 'fixed' : `percentile ${clim.percentile[0]}-${clim.percentile[1]}${symmetric ? ', symmetric' : ''}`;
  const extent = dataExtent(inputs) ?? world;
  return { cmap, clim: limits, climSource, extent };
}

function toFloat32(a: ArrayLike<number>): Float32Array {
  return a instanceof Float32Array ? a : Float32Array.from(a);
}

/** A scene straight from in-memory layers (the lab viewer: no payload involved). */
export function buildScene(inputs: readonly LayerInput[], options: SceneOptions): Scene {
  const { cmap, clim, extent, empty } = settle(inputs, options);
  const stride = vectorStride(inputs, options.maxArrows ?? 60000);
  const layers: Layer[] = inputs.map(input => {
    const [rows, cols] = shapeOf(input);
    const vectors: Vectors | undefined =
      input.u && input.v ? { stride, u: sampled(stride, rows, cols, input.u), v: sampled(stride, rows, cols, input.v) } : undefined;
    if (input.kind === 'grid') {
      const grid: GridLayer = { kind: 'grid', lon: unwrapLongitudes(input.lon), lat: Float64Array.from(input.lat), value: toFloat32(input.value) };
      if (input.label) grid.label = input.label;
      if (vectors) grid.vectors = vectors;
      return grid;
    }
    const swath: SwathLayer = {
      kind: 'swath',
      lines: input.lines,
      pixels: input.pixels,
      lon: toFloat32(input.lon),
      lat: toFloat32(input.lat),
      value: toFloat32(input.value),
      line0: input.line0 ?? 0,
      pixel0: input.pixel0 ?? 0,
      lineStep: input.lineStep ?? 1,
      pixelStep: input.pixelStep ?? 1
    };
    if (input.label) swath.label = input.label;
    if (input.cycle !== undefined) swath.cycle = input.cycle;
    if (input.pass !== undefined) swath.pass = input.pass;
    if (input.source) swath.source = input.source;
    if (vectors) swath.vectors = vectors;
    return swath;
  });
  return {
    layers,
    variable: options.variable,
    colormap: cmap,
    clim,
    ...(empty !== undefined ? { empty } : {}),
    ...(options.title ? { title: options.title } : {}),
    grid: options.grid ?? true,
    colorbar: options.colorbar ?? true,
    coastlines: options.coastlines ?? true,
    ...(options.vectorUnits ? { vectorUnits: options.vectorUnits } : {}),
    ...(options.vectorScale ? { vectorScale: options.vectorScale } : {}),
    extent
  };
}

/**
 * The display payload of `inputs`.
 *
 * @example
 * const payload = encodePayload([{ kind: 'swath', lines, pixels, lon, lat, value }], { variable: { name: 'ssha_filtered', units: 'm' } }, zlib.deflateSync);
 * @throws RangeError for inconsistent array lengths or an unknown colour map
 */
export function encodePayload(inputs: readonly LayerInput[], options: SceneOptions, deflate?: Deflate, sourcePoints?: number): SwathPayload {
  const { cmap, clim, climSource, extent, empty } = settle(inputs, options, sourcePoints);
  const stride = vectorStride(inputs, options.maxArrows ?? 60000);
  const packer = new Packer();
  const layers = inputs.map(input => {
    const [rows, cols] = shapeOf(input);
    const vectors =
      input.u && input.v
        ? { stride, u: packer.values(sampled(stride, rows, cols, input.u)), v: packer.values(sampled(stride, rows, cols, input.v)) }
        : undefined;
    const common = { value: packer.values(input.value), ...(input.label ? { label: input.label } : {}), ...(vectors ? { vectors } : {}) };
    if (input.kind === 'grid') {
      return { kind: 'grid' as const, lon: packer.float64(unwrapLongitudes(input.lon)), lat: packer.float64(input.lat), ...common };
    }
    return {
      kind: 'swath' as const,
      lines: input.lines,
      pixels: input.pixels,
      coordinates: packSwathCoordinates(input, packer),
      line0: input.line0 ?? 0,
      pixel0: input.pixel0 ?? 0,
      lineStep: input.lineStep ?? 1,
      pixelStep: input.pixelStep ?? 1,
      ...(input.cycle !== undefined ? { cycle: input.cycle } : {}),
      ...(input.pass !== undefined ? { pass: input.pass } : {}),
      ...(input.source ? { source: input.source } : {}),
      ...common
    };
  });
  const points = inputs.reduce((n, l) => n + l.value.length, 0);
  return {
    version: PAYLOAD_VERSION,
    variable: options.variable,
    colormap: cmap,
    clim,
    climSource,
    ...(empty !== undefined ? { empty } : {}),
    ...(options.title ? { title: options.title } : {}),
    grid: options.grid ?? true,
    colorbar: options.colorbar ?? true,
    coastlines: options.coastlines ?? true,
    extent,
    layers,
    blob: packer.finish(deflate),
    ...(options.vectorUnits ? { vectorUnits: options.vectorUnits } : {}),
    ...(options.vectorScale ? { vectorScale: options.vectorScale } : {}),
    points,
    ...(sourcePoints !== undefined ? { sourcePoints } : {})
  };
}

function unpackVectors(bytes: Uint8Array, p: PackedVectors | undefined): Vectors | undefined {
  if (!p) return undefined;
  return { stride: p.stride, u: asFloat32(unpack(bytes, p.u)), v: asFloat32(unpack(bytes, p.v)) };
}

function asFloat32(a: Float32Array | Float64Array): Float32Array {
  return a instanceof Float32Array ? a : Float32Array.from(a);
}

/**
 * The scene of a payload (the renderer's side).
 *
 * @throws RangeError for a payload of another version or with corrupt arrays
 */
export async function decodePayload(payload: SwathPayload, inflate?: Inflate): Promise<Scene> {
  if (!payload || payload.version !== PAYLOAD_VERSION || !Array.isArray(payload.layers) || !payload.blob) {
    throw new RangeError(`not a version ${PAYLOAD_VERSION} swath payload`);
  }
  const bytes = await openBlob(payload.blob, inflate);
  const layers: Layer[] = [];
  for (const p of payload.layers) {
    const vectors = unpackVectors(bytes, p.vectors);
    const value = asFloat32(unpack(bytes, p.value));
    if (p.kind === 'grid') {
      const lon = Float64Array.from(unpack(bytes, p.lon));
      const lat = Float64Array.from(unpack(bytes, p.lat));
      if (value.length !== lon.length * lat.length) throw new RangeError('grid layer: value does not match lat x lon');
      layers.push({ kind: 'grid', lon, lat, value, ...(p.label ? { label: p.label } : {}), ...(vectors ? { vectors } : {}) });
      continue;
    }
    const { lon, lat } = unpackSwathCoordinates(bytes, p.coordinates, p.lines, p.pixels);
    if (value.length !== p.lines * p.pixels || lon.length !== value.length || lat.length !== value.length) {
      throw new RangeError('swath layer: arrays do not match lines x pixels');
    }
    const layer: SwathLayer = {
      kind: 'swath',
      lines: p.lines,
      pixels: p.pixels,
      lon,
      lat,
      value,
      line0: p.line0,
      pixel0: p.pixel0,
      lineStep: p.lineStep,
      pixelStep: p.pixelStep
    };
    if (p.label) layer.label = p.label;
    if (p.cycle !== undefined) layer.cycle = p.cycle;
    if (p.pass !== undefined) layer.pass = p.pass;
    if (p.source && typeof p.source.path === 'string') layer.source = p.source;
    if (vectors) layer.vectors = vectors;
    layers.push(layer);
  }
  return {
    layers,
    variable: payload.variable,
    colormap: payload.colormap,
    clim: payload.clim ?? null,
    ...(payload.empty ? { empty: payload.empty } : {}),
    ...(payload.title ? { title: payload.title } : {}),
    grid: payload.grid,
    colorbar: payload.colorbar,
    coastlines: payload.coastlines,
    ...(payload.vectorUnits ? { vectorUnits: payload.vectorUnits } : {}),
    ...(payload.vectorScale ? { vectorScale: payload.vectorScale } : {}),
    extent: payload.extent
  };
}

/** Size of the payload's arrays in bytes (base64 text), and per point drawn. */
export function payloadBytes(payload: SwathPayload): { bytes: number; perPoint: number } {
  const bytes = payload.blob.data.length;
  return { bytes, perPoint: payload.points > 0 ? bytes / payload.points : 0 };
}
