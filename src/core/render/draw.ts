/**
 * Painting an RGBA image (row 0 = north) from a raster: colours from a
 * colour map, land underneath, coastlines, grid lines and arrows on top.
 * The same code draws the browser's image and the kernel's static PNG.
 */
import { Colormap } from './colormaps';
import { Raster } from './rasterize';
import { Layer } from './scene';
import { LandGeometry } from './topojson';
import { View } from './view';

export type RGBA = [number, number, number, number];

export interface Image {
  width: number;
  height: number;
  /** width x height x RGBA, row 0 at the top. */
  data: Uint8ClampedArray;
}

export function createImage(width: number, height: number, fill: RGBA = [0, 0, 0, 0]): Image {
  const data = new Uint8ClampedArray(width * height * 4);
  if (fill[3] !== 0 || fill[0] !== 0 || fill[1] !== 0 || fill[2] !== 0) {
    for (let p = 0; p < data.length; p += 4) {
      data[p] = fill[0];
      data[p + 1] = fill[1];
      data[p + 2] = fill[2];
      data[p + 3] = fill[3];
    }
  }
  return { width, height, data };
}

/** Blend colour `c` (alpha 0-255) over pixel (i, j). */
export function blendPixel(image: Image, i: number, j: number, c: RGBA): void {
  if (i < 0 || j < 0 || i >= image.width || j >= image.height) {
    return;
  }
  const p = 4 * (j * image.width + i);
  const d = image.data;
  const a = c[3] / 255;
  const da = d[p + 3] / 255;
  const oa = a + da * (1 - a);
  if (oa === 0) {
    return;
  }
  for (let k = 0; k < 3; k++) {
    d[p + k] = (c[k] * a + d[p + k] * da * (1 - a)) / oa;
  }
  d[p + 3] = oa * 255;
}

/**
 * Colour every drawn pixel of `raster` into `image` at (left, top): levels
 * of `cmap` over `clim` (values beyond the limits take the end colours).
 * Pixels with no value get `land` colour where `landMask` is set. With no
 * limits (`null`: nothing to draw) only the land is painted.
 */
export function paintRaster(
  image: Image,
  raster: Raster,
  cmap: Colormap,
  clim: [number, number] | null,
  landMask?: Uint8Array,
  land: RGBA = [224, 224, 219, 255],
  left = 0,
  top = 0
): void {
  const { width: W, height: H, value } = raster;
  const lut = cmap.lut;
  const scale = clim ? 256 / (clim[1] - clim[0]) : NaN;
  const lo = clim ? clim[0] : NaN;
  const d = image.data;
  for (let j = 0; j < H; j++) {
    const row = j * W;
    const out = ((top + j) * image.width + left) * 4;
    for (let i = 0; i < W; i++) {
      const v = value[row + i];
      const p = out + 4 * i;
      if (v === v && scale === scale) {
        let k = ((v - lo) * scale) | 0;
        k = k < 0 ? 0 : k > 255 ? 255 : k;
        d[p] = lut[4 * k];
        d[p + 1] = lut[4 * k + 1];
        d[p + 2] = lut[4 * k + 2];
        d[p + 3] = 255;
      } else if (landMask && landMask[row + i]) {
        d[p] = land[0];
        d[p + 1] = land[1];
        d[p + 2] = land[2];
        d[p + 3] = land[3];
      }
    }
  }
}

/** Shifts (multiples of 360) that bring [lonMin, lonMax] into the view. */
function shiftsFor(lonMin: number, lonMax: number, view: View): number[] {
  const out: number[] = [];
  for (let k = Math.floor((view.x0 - lonMax) / 360); k <= Math.ceil((view.x1 - lonMin) / 360); k++) {
    if (lonMax + 360 * k >= view.x0 && lonMin + 360 * k <= view.x1) {
      out.push(360 * k);
    }
  }
  return out;
}

/** Land mask (1 = land) by even-odd scanline fill of every ring, pixel centres tested. */
export function landMask(land: LandGeometry, view: View, width: number, height: number): Uint8Array {
  const mask = new Uint8Array(width * height);
  const sx = width / (view.x1 - view.x0);
  const sy = height / (view.y1 - view.y0);
  const edges: number[] = [];
  for (const ring of land.rings) {
    const [lonMin, latMin, lonMax, latMax] = ring.bbox;
    if (latMax < view.y0 || latMin > view.y1) {
      continue;
    }
    for (const shift of shiftsFor(lonMin, lonMax, view)) {
      const c = ring.coords;
      for (let k = 0; k + 3 < c.length; k += 2) {
        edges.push((c[k] + shift - view.x0) * sx, (view.y1 - c[k + 1]) * sy, (c[k + 2] + shift - view.x0) * sx, (view.y1 - c[k + 3]) * sy);
      }
    }
  }
  // Crossings per row: count, then fill.
  const counts = new Int32Array(height + 1);
  const rowRange = (ya: number, yb: number): [number, number] => {
    const lo = Math.min(ya, yb);
    const hi = Math.max(ya, yb);
    // Rows j whose centre j + 0.5 lies in [lo, hi).
    return [Math.max(0, Math.ceil(lo - 0.5)), Math.min(height - 1, Math.ceil(hi - 0.5) - 1)];
  };
  for (let e = 0; e < edges.length; e += 4) {
    const [a, b] = rowRange(edges[e + 1], edges[e + 3]);
    for (let j = a; j <= b; j++) counts[j + 1]++;
  }
  for (let j = 0; j < height; j++) counts[j + 1] += counts[j];
  const xs = new Float64Array(counts[height]);
  const fill = counts.slice(0, height);
  for (let e = 0; e < edges.length; e += 4) {
    const x0 = edges[e];
    const y0 = edges[e + 1];
    const x1 = edges[e + 2];
    const y1 = edges[e + 3];
    const [a, b] = rowRange(y0, y1);
    for (let j = a; j <= b; j++) {
      const y = j + 0.5;
      xs[fill[j]++] = x0 + ((y - y0) * (x1 - x0)) / (y1 - y0);
    }
  }
  for (let j = 0; j < height; j++) {
    const row = xs.subarray(counts[j], counts[j + 1]).sort();
    for (let k = 0; k + 1 < row.length; k += 2) {
      const i0 = Math.max(0, Math.ceil(row[k] - 0.5));
      const i1 = Math.min(width - 1, Math.ceil(row[k + 1] - 0.5) - 1);
      if (i1 >= i0) mask.fill(1, j * width + i0, j * width + i1 + 1);
    }
  }
  return mask;
}

/** A line from (xa, ya) to (xb, yb) in image pixels, clipped (Liang-Barsky), 1 px wide. */
export function drawLine(image: Image, xa: number, ya: number, xb: number, yb: number, c: RGBA, left = 0, top = 0, w = image.width - left, h = image.height - top): void {
  let t0 = 0;
  let t1 = 1;
  const dx = xb - xa;
  const dy = yb - ya;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q >= 0;
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
    return true;
  };
  if (!clip(-dx, xa) || !clip(dx, w - xa) || !clip(-dy, ya) || !clip(dy, h - ya)) {
    return;
  }
  const x0 = xa + t0 * dx;
  const y0 = ya + t0 * dy;
  const x1 = xa + t1 * dx;
  const y1 = ya + t1 * dy;
  const steps = Math.max(1, Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0))));
  let lastI = -1;
  let lastJ = -1;
  for (let s = 0; s <= steps; s++) {
    const i = Math.floor(x0 + ((x1 - x0) * s) / steps);
    const j = Math.floor(y0 + ((y1 - y0) * s) / steps);
    if ((i !== lastI || j !== lastJ) && i < w && j < h) {
      blendPixel(image, left + i, top + j, c);
      lastI = i;
      lastJ = j;
    }
  }
}

/** Coastlines: ring outlines, without the pole closure of polar rings. */
export function drawCoastlines(image: Image, land: LandGeometry, view: View, c: RGBA, left = 0, top = 0, w = image.width, h = image.height): void {
  const sx = w / (view.x1 - view.x0);
  const sy = h / (view.y1 - view.y0);
  for (const ring of land.rings) {
    const [lonMin, latMin, lonMax, latMax] = ring.bbox;
    if (latMax < view.y0 || latMin > view.y1) {
      continue;
    }
    const r = ring.coords;
    for (const shift of shiftsFor(lonMin, lonMax, view)) {
      for (let k = 0; k + 3 < r.length; k += 2) {
        const lonA = r[k];
        const lonB = r[k + 2];
        // Not coastlines: the pole closure of polar rings and cuts along the antimeridian.
        if (Math.abs(r[k + 1]) > 89.99 || Math.abs(r[k + 3]) > 89.99 || (lonA === lonB && Math.abs(Math.abs(lonA) - 180) < 1e-3)) {
          continue;
        }
        drawLine(image, (lonA + shift - view.x0) * sx, (view.y1 - r[k + 1]) * sy, (lonB + shift - view.x0) * sx, (view.y1 - r[k + 3]) * sy, c, left, top, w, h);
      }
    }
  }
}

/** Speed drawn as a full arrow: the 95th percentile of the sampled speeds (1 when none). */
export function vectorReference(layers: readonly Layer[]): number {
  const speeds: number[] = [];
  for (const layer of layers) {
    const vec = layer.vectors;
    if (!vec) continue;
    const step = Math.max(1, Math.floor(vec.u.length / 50000));
    for (let k = 0; k < vec.u.length; k += step) {
      const s = Math.hypot(vec.u[k], vec.v[k]);
      if (s === s) speeds.push(s);
    }
  }
  if (speeds.length === 0) return 1;
  speeds.sort((a, b) => a - b);
  return speeds[Math.floor(0.95 * (speeds.length - 1))] || 1;
}

/**
 * Arrows of the layers' vectors, decimated on screen: at most one arrow per
 * `spacing` x `spacing` pixel cell; an arrow as long as the cell stands for
 * `reference` (same units as u, v). Directions are drawn true on the
 * lon/lat axes (eastward component stretched by 1 / cos(lat)).
 */
export function drawArrows(image: Image, layers: readonly Layer[], view: View, reference: number, c: RGBA, spacing = 28, left = 0, top = 0, w = image.width, h = image.height): number {
  const sx = w / (view.x1 - view.x0);
  const sy = h / (view.y1 - view.y0);
  const xc = (view.x0 + view.x1) / 2;
  const cols = Math.ceil(w / spacing);
  const taken = new Uint8Array(cols * Math.ceil(h / spacing));
  let drawn = 0;
  for (const layer of layers) {
    const vec = layer.vectors;
    if (!vec) continue;
    const s = vec.stride;
    const rows = layer.kind === 'swath' ? layer.lines : layer.lat.length;
    const width = layer.kind === 'swath' ? layer.pixels : layer.lon.length;
    const nr = Math.ceil(rows / s);
    const nc = Math.ceil(width / s);
    for (let a = 0; a < nr; a++) {
      for (let b = 0; b < nc; b++) {
        const u = vec.u[a * nc + b];
        const v = vec.v[a * nc + b];
        if (!(u === u && v === v)) continue;
        let lon: number;
        let lat: number;
        if (layer.kind === 'swath') {
          const k = a * s * width + b * s;
          lon = layer.lon[k];
          lat = layer.lat[k];
        } else {
          lon = layer.lon[b * s];
          lat = layer.lat[a * s];
        }
        if (!(lat >= view.y0 && lat <= view.y1)) continue;
        lon = lon - 360 * Math.round((lon - xc) / 360);
        const px = (lon - view.x0) * sx;
        const py = (view.y1 - lat) * sy;
        if (!(px >= 0 && px < w && py >= 0 && py < h)) continue;
        const cell = Math.floor(py / spacing) * cols + Math.floor(px / spacing);
        if (taken[cell]) continue;
        taken[cell] = 1;
        const dx = (u / Math.max(0.05, Math.cos((lat * Math.PI) / 180))) * sx;
        const dy = -v * sy;
        const norm = Math.hypot(dx, dy);
        if (norm === 0) continue;
        const length = Math.min(1.5, Math.hypot(u, v) / reference) * spacing * 0.9;
        const ux = dx / norm;
        const uy = dy / norm;
        const tx = px + ux * length;
        const ty = py + uy * length;
        drawLine(image, px, py, tx, ty, c, left, top, w, h);
        const head = Math.min(6, length * 0.35);
        if (head >= 2) {
          for (const sgn of [1, -1]) {
            const hx = tx - head * (ux * 0.866 - sgn * uy * 0.5);
            const hy = ty - head * (uy * 0.866 + sgn * ux * 0.5);
            drawLine(image, tx, ty, hx, hy, c, left, top, w, h);
          }
        }
        drawn++;
      }
    }
  }
  return drawn;
}
