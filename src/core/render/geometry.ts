/**
 * The footprint of each swath point: half the way to its neighbours along
 * track (a) and across track (c), in degrees (longitude differences taken
 * across the 0/360 seam the short way). A point then covers the
 * parallelogram centre +- a +- c, so that neighbouring footprints tile the
 * swath without holes, whatever the zoom, and never reach across the nadir
 * gap or between the two sides (those points have no value and are not drawn).
 */
import { SwathLayer } from './scene';

export interface SwathGeometry {
  /** ax, ay, cx, cy per point (degrees lon, lat). */
  half: Float32Array;
  /** Largest |a| + |c| in degrees: how far a footprint reaches from its centre. */
  reach: number;
}

// Keyed by the longitude array: copies of a layer (e.g. with points skipped) share the geometry.
const cache = new WeakMap<object, { lat: ArrayLike<number>; lines: number; pixels: number; geometry: SwathGeometry }>();

function dlon(a: number, b: number): number {
  let d = a - b;
  if (d > 180) d -= 360;
  else if (d < -180) d += 360;
  return d;
}

/** Half-step vector at index k between neighbours k - s and k + s (each may be missing). */
function halfStep(
  lon: ArrayLike<number>,
  lat: ArrayLike<number>,
  k: number,
  s: number,
  hasPrev: boolean,
  hasNext: boolean,
  out: Float32Array,
  o: number
): boolean {
  const okPrev = hasPrev && lat[k - s] - lat[k - s] === 0 && lon[k - s] - lon[k - s] === 0;
  const okNext = hasNext && lat[k + s] - lat[k + s] === 0 && lon[k + s] - lon[k + s] === 0;
  if (okPrev && okNext) {
    out[o] = dlon(lon[k + s], lon[k - s]) / 4;
    out[o + 1] = (lat[k + s] - lat[k - s]) / 4;
  } else if (okNext) {
    out[o] = dlon(lon[k + s], lon[k]) / 2;
    out[o + 1] = (lat[k + s] - lat[k]) / 2;
  } else if (okPrev) {
    out[o] = dlon(lon[k], lon[k - s]) / 2;
    out[o + 1] = (lat[k] - lat[k - s]) / 2;
  } else {
    return false;
  }
  return true;
}

/** Footprints of every point of `layer` (cached per layer). */
export function swathGeometry(layer: SwathLayer): SwathGeometry {
  const cached = cache.get(layer.lon);
  if (cached && cached.lat === layer.lat && cached.lines === layer.lines && cached.pixels === layer.pixels) {
    return cached.geometry;
  }
  const { lines, pixels, lon, lat } = layer;
  const n = lines * pixels;
  const half = new Float32Array(4 * n);
  let reach = 0;
  for (let i = 0; i < lines; i++) {
    for (let j = 0; j < pixels; j++) {
      const k = i * pixels + j;
      if (!(lat[k] - lat[k] === 0 && lon[k] - lon[k] === 0)) {
        continue;
      }
      const o = 4 * k;
      const hasA = halfStep(lon, lat, k, pixels, i > 0, i < lines - 1, half, o);
      const hasC = halfStep(lon, lat, k, 1, j > 0, j < pixels - 1, half, o + 2);
      // A lone line or column: a square footprint perpendicular to the known side.
      if (!hasA && hasC) {
        half[o] = -half[o + 3];
        half[o + 1] = half[o + 2];
      } else if (hasA && !hasC) {
        half[o + 2] = half[o + 1];
        half[o + 3] = -half[o];
      } else if (!hasA && !hasC) {
        half[o] = 0.005;
        half[o + 3] = 0.005;
      }
      const r = Math.abs(half[o]) + Math.abs(half[o + 2]) + Math.abs(half[o + 1]) + Math.abs(half[o + 3]);
      if (r > reach && r < 10) {
        reach = r;
      }
    }
  }
  const geometry = { half, reach };
  cache.set(layer.lon, { lat: layer.lat, lines, pixels, geometry });
  return geometry;
}
