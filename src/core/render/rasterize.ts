/**
 * Rasterise layers into a width x height grid of values for a view (row 0 =
 * north). Swaths are splatted forward: each point fills its footprint
 * parallelogram (see geometry.ts), so there are no holes at any zoom and
 * the nadir gap stays empty. Grids are sampled backward: each output pixel
 * takes the grid cell under its centre (longitudes wrap). The raster keeps,
 * per pixel, which layer and which point it shows: the hover readout gives
 * the real value of the real point, not a colour.
 */
import { swathGeometry } from './geometry';
import { GridLayer, Layer, SwathLayer } from './scene';
import { toFrame, View } from './view';

export interface Raster {
  width: number;
  height: number;
  view: View;
  /** Value per pixel, NaN where nothing is drawn. */
  value: Float32Array;
  /** Layer index per pixel, -1 where nothing is drawn. */
  layer: Int16Array;
  /** Point index within the layer per pixel. */
  index: Int32Array;
}

/** Footprints larger than this (degrees) are broken geometry: only the centre pixel is drawn. */
const MAX_REACH = 5;

export function createRaster(width: number, height: number, view: View): Raster {
  const n = width * height;
  const raster = { width, height, view, value: new Float32Array(n), layer: new Int16Array(n), index: new Int32Array(n) };
  raster.value.fill(NaN);
  raster.layer.fill(-1);
  return raster;
}

function drawSwath(raster: Raster, layer: SwathLayer, id: number): void {
  const { width: W, height: H, view, value: rv, layer: rl, index: ri } = raster;
  const { lon, lat, value } = layer;
  const { half, reach } = swathGeometry(layer);
  const sx = W / (view.x1 - view.x0);
  const sy = H / (view.y1 - view.y0);
  const xc = (view.x0 + view.x1) / 2;
  const margin = Math.min(reach, MAX_REACH);
  const xMin = view.x0 - margin;
  const xMax = view.x1 + margin;
  const yMin = view.y0 - margin;
  const yMax = view.y1 + margin;
  const put = (p: number, v: number, layerId: number, k: number) => {
    rv[p] = v;
    rl[p] = layerId;
    ri[p] = k;
  };
  // The pixel under a point's centre, when its footprint covers no pixel centre.
  const putCentre = (px: number, py: number, v: number, layerId: number, k: number) => {
    const i = Math.floor(px);
    const j = Math.floor(py);
    if (i >= 0 && i < W && j >= 0 && j < H) {
      put(j * W + i, v, layerId, k);
    }
  };
  const n = value.length;
  const skip = layer.skip;
  const pixels = layer.pixels;
  for (let k = 0; k < n; k++) {
    const v = value[k];
    if (v !== v) {
      continue;
    }
    if (skip) {
      // Replaced by a layer at native resolution drawn on top.
      const a = Math.floor(k / pixels);
      const b = k - a * pixels;
      if (a >= skip.lines[0] && a < skip.lines[1] && b >= skip.pixels[0] && b < skip.pixels[1]) {
        continue;
      }
    }
    const y = lat[k];
    if (!(y >= yMin && y <= yMax)) {
      continue;
    }
    let x = lon[k];
    x = x - 360 * Math.round((x - xc) / 360);
    if (!(x >= xMin && x <= xMax)) {
      continue;
    }
    const px = (x - view.x0) * sx;
    const py = (view.y1 - y) * sy;
    const o = 4 * k;
    const ax = half[o] * sx;
    const ay = -half[o + 1] * sy;
    const cx = half[o + 2] * sx;
    const cy = -half[o + 3] * sy;
    const ex = Math.abs(ax) + Math.abs(cx);
    const ey = Math.abs(ay) + Math.abs(cy);
    const det = ax * cy - ay * cx;
    if ((ex <= 0.5 && ey <= 0.5) || det === 0 || ex > MAX_REACH * sx || ey > MAX_REACH * sy) {
      // Footprint within one pixel (or degenerate): the pixel under the centre.
      putCentre(px, py, v, id, k);
      continue;
    }
    // Pixels whose centre lies in centre +- a +- c (slightly enlarged: no seams between neighbours).
    const i0 = Math.max(0, Math.floor(px - ex));
    const i1 = Math.min(W - 1, Math.floor(px + ex));
    const j0 = Math.max(0, Math.floor(py - ey));
    const j1 = Math.min(H - 1, Math.floor(py + ey));
    const inv = 1 / det;
    const lim = 1.02;
    let drawn = false;
    for (let j = j0; j <= j1; j++) {
      const dy = j + 0.5 - py;
      const row = j * W;
      for (let i = i0; i <= i1; i++) {
        const dx = i + 0.5 - px;
        const s = (dx * cy - dy * cx) * inv;
        const t = (ax * dy - ay * dx) * inv;
        if (s <= lim && s >= -lim && t <= lim && t >= -lim) {
          put(row + i, v, id, k);
          drawn = true;
        }
      }
    }
    if (!drawn) {
      putCentre(px, py, v, id, k);
    }
  }
}

/**
 * For each position, the index of the cell of `centres` (sorted ascending or
 * descending, regular or not; cells end half-way between centres) holding
 * it, -1 outside. `periodic`: the centres cover 360 degrees of longitude.
 */
function cellIndex(centres: Float64Array, positions: Float64Array, periodic: boolean): Int32Array {
  const n = centres.length;
  const out = new Int32Array(positions.length).fill(-1);
  if (n === 0) {
    return out;
  }
  const ascending = n < 2 || centres[n - 1] >= centres[0];
  const at = (q: number) => (ascending ? centres[q] : centres[n - 1 - q]);
  const lo = at(0);
  const hi = at(n - 1);
  const step = n > 1 ? (hi - lo) / (n - 1) : 1;
  let regular = true;
  for (let k = 1; k < n && regular; k++) {
    regular = Math.abs(at(k) - at(k - 1) - step) < step * 1e-3;
  }
  const west = lo - (n > 1 ? (at(1) - lo) / 2 : 0.5);
  const east = hi + (n > 1 ? (hi - at(n - 2)) / 2 : 0.5);
  for (let m = 0; m < positions.length; m++) {
    let x = positions[m];
    if (periodic) {
      x = west + ((((x - west) % 360) + 360) % 360);
    } else if (!(x >= west && x <= east)) {
      continue;
    }
    let k: number;
    if (regular) {
      k = Math.round((x - lo) / step);
    } else {
      let a = 0;
      let b = n - 1;
      while (b - a > 1) {
        const mid = (a + b) >> 1;
        if (at(mid) <= x) a = mid;
        else b = mid;
      }
      k = Math.abs(at(a) - x) <= Math.abs(at(b) - x) ? a : b;
    }
    if (k >= n) k = periodic ? 0 : n - 1;
    if (k < 0) k = periodic ? n - 1 : 0;
    out[m] = ascending ? k : n - 1 - k;
  }
  return out;
}

function drawGrid(raster: Raster, layer: GridLayer, id: number): void {
  const { width: W, height: H, view, value: rv, layer: rl, index: ri } = raster;
  const nx = layer.lon.length;
  const xs = new Float64Array(W);
  for (let i = 0; i < W; i++) {
    xs[i] = view.x0 + ((i + 0.5) * (view.x1 - view.x0)) / W;
  }
  const ys = new Float64Array(H);
  for (let j = 0; j < H; j++) {
    ys[j] = view.y1 - ((j + 0.5) * (view.y1 - view.y0)) / H;
  }
  const span = nx > 1 ? Math.abs(layer.lon[nx - 1] - layer.lon[0]) * (nx / (nx - 1)) : 0;
  const cols = cellIndex(layer.lon, xs, span > 359);
  if (span <= 359) {
    // A regional grid: compare in the grid's own frame.
    const centre = (layer.lon[0] + layer.lon[nx - 1]) / 2;
    const shifted = xs.map(x => toFrame(x, centre));
    cols.set(cellIndex(layer.lon, shifted, false));
  }
  const rows = cellIndex(layer.lat, ys, false);
  const value = layer.value;
  for (let j = 0; j < H; j++) {
    const r = rows[j];
    if (r < 0) {
      continue;
    }
    const base = r * nx;
    const out = j * W;
    for (let i = 0; i < W; i++) {
      const c = cols[i];
      if (c < 0) {
        continue;
      }
      const v = value[base + c];
      if (v === v) {
        rv[out + i] = v;
        rl[out + i] = id;
        ri[out + i] = base + c;
      }
    }
  }
}

/**
 * Draw `layers` (in order: later ones on top) into a raster of `width` x
 * `height` pixels covering `view`.
 *
 * @example
 * const raster = rasterize(scene.layers, { x0: 30, x1: 45, y0: -20, y1: 0 }, 800, 600);
 */
export function rasterize(layers: readonly Layer[], view: View, width: number, height: number): Raster {
  if (!(width > 0 && height > 0) || !Number.isInteger(width) || !Number.isInteger(height)) {
    throw new RangeError(`raster size must be positive integers, got ${width} x ${height}`);
  }
  if (!(view.x1 > view.x0 && view.y1 > view.y0)) {
    throw new RangeError(`empty view ${JSON.stringify(view)}`);
  }
  const raster = createRaster(width, height, view);
  layers.forEach((layer, id) => {
    if (layer.kind === 'swath') {
      drawSwath(raster, layer, id);
    } else {
      drawGrid(raster, layer, id);
    }
  });
  return raster;
}

/** The layer and point under raster pixel (i, j), if any. */
export function pick(raster: Raster, i: number, j: number): { layer: number; index: number; value: number } | undefined {
  if (i < 0 || j < 0 || i >= raster.width || j >= raster.height) {
    return undefined;
  }
  const p = Math.floor(j) * raster.width + Math.floor(i);
  const layer = raster.layer[p];
  return layer < 0 ? undefined : { layer, index: raster.index[p], value: raster.value[p] };
}
