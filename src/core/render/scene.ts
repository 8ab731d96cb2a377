/** What the renderer draws: decoded layers (swaths, grids) with their colour settings. */
import { View } from './view';

/** Arrows of a layer: (u, v) sampled every `stride` lines and pixels (grids: rows and columns). */
export interface Vectors {
  stride: number;
  u: Float32Array;
  v: Float32Array;
}

/**
 * Where a reduced swath layer's native points are, so that the browser can
 * read them itself when the view is zoomed in (the kernel cannot be asked:
 * tslab has no comms). Lines and pixels are native indices of the variable
 * in its file (its group), [start, stop).
 */
export interface LayerSource {
  /** The file, an absolute path as the kernel opened it (the server checks it lies in its root or an allowed data root). */
  path: string;
  format: 'netcdf4';
  /** Group holding the variable (L2 Unsmoothed: "left", "right"), none for the root. */
  group?: string;
  /** The variable's name within its group. */
  variable: string;
  lines: [number, number];
  pixels: [number, number];
  /** The level-of-detail factor of the layer: each of its points is the mean of factor x factor native points. */
  factor: number;
}

/** What a swath layer is, decoded or packed for the browser: its size, its pass, where its points are in the product. */
export interface SwathLayerInfo {
  kind: 'swath';
  lines: number;
  pixels: number;
  label?: string;
  cycle?: number;
  pass?: number;
  /** Line and pixel of the first point in the product, and the steps (level of detail) between points. */
  line0: number;
  pixel0: number;
  lineStep: number;
  pixelStep: number;
  /** Where the native points of a reduced layer can be read (absent: not reduced, or not reachable). */
  source?: LayerSource;
}

/** A swath: lon, lat and value per pixel, `lines` x `pixels` in C order. */
export interface SwathLayer extends SwathLayerInfo {
  lon: Float32Array | Float64Array;
  lat: Float32Array | Float64Array;
  value: Float32Array;
  vectors?: Vectors;
  /** Points of this layer not drawn, [start, stop) of its own lines and pixels: where a refinement at native resolution is drawn instead. */
  skip?: { lines: [number, number]; pixels: [number, number] };
}

/** A regular grid (L4): `value` is lat.length x lon.length, rows along latitude. */
export interface GridLayer {
  kind: 'grid';
  lon: Float64Array;
  lat: Float64Array;
  value: Float32Array;
  label?: string;
  vectors?: Vectors;
}

export type Layer = SwathLayer | GridLayer;

export interface VariableInfoLite {
  name: string;
  units?: string;
  longName?: string;
}

export interface Scene {
  layers: Layer[];
  variable: VariableInfoLite;
  colormap: string;
  /** Colour limits; null when there is no value to draw (see `empty`): none are invented. */
  clim: [number, number] | null;
  /** Set when no value is drawable: what the figure says instead, e.g. "nothing to draw: the selection has 0 lines". */
  empty?: string;
  title?: string;
  grid: boolean;
  colorbar: boolean;
  coastlines: boolean;
  /** Units of the arrows, when there are arrows. */
  vectorUnits?: string;
  /** Speed drawn as one arrow spacing (default: 95th percentile of the speeds). */
  vectorScale?: number;
  /** Where the view opens. */
  extent: View;
}

/** Number of points a layer holds. */
export function layerPoints(layer: Layer): number {
  return layer.value.length;
}
