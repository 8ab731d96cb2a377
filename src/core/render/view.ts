/**
 * The map view: a rectangle on plain lon/lat axes (plate carree). Longitudes
 * of a view are continuous (170 .. 190 crosses the dateline); data are
 * shifted by multiples of 360 into the view's frame when drawn.
 */

export interface View {
  /** West and east edges, continuous longitudes (x0 < x1, x1 - x0 <= 360). */
  x0: number;
  x1: number;
  /** South and north edges. */
  y0: number;
  y1: number;
}

/** Shift `lon` by a multiple of 360 to lie within 180 degrees of `centre`. */
export function toFrame(lon: number, centre: number): number {
  return lon - 360 * Math.round((lon - centre) / 360);
}

/**
 * The smallest longitude interval holding every finite value of `lon` (any
 * convention), found as the complement of the widest empty gap on the circle
 * at 0.25-degree resolution. Returns [x0, x1] with x0 in [-180, 180).
 */
export function longitudeSpan(lon: ArrayLike<number>): [number, number] | undefined {
  const BINS = 1440;
  const occupied = new Uint8Array(BINS);
  let any = false;
  for (let i = 0; i < lon.length; i++) {
    const x = lon[i];
    if (x - x === 0) {
      let b = Math.floor((((x % 360) + 360) % 360) * 4);
      if (b >= BINS) b -= BINS;
      occupied[b] = 1;
      any = true;
    }
  }
  if (!any) {
    return undefined;
  }
  // Widest run of empty bins, circularly.
  let bestStart = -1;
  let bestLength = 0;
  const first = occupied.indexOf(1);
  let run = 0;
  for (let k = 1; k <= BINS; k++) {
    const b = (first + k) % BINS;
    if (occupied[b] === 0) {
      run++;
      if (run > bestLength) {
        bestLength = run;
        bestStart = (b - run + 1 + BINS) % BINS;
      }
    } else {
      run = 0;
    }
  }
  if (bestLength < 8) {
    return [-180, 180];
  }
  // Data start after the gap and end before it.
  const west = ((bestStart + bestLength) % BINS) / 4;
  let east = bestStart / 4;
  if (east <= west) {
    east += 360;
  }
  const x0 = west >= 180 ? west - 360 : west;
  return [x0, x0 + (east - west)];
}

/** Extent of lon/lat arrays, padded by `pad` (fraction), latitudes clamped to [-90, 90]. */
export function extentOf(lons: Array<ArrayLike<number>>, lats: Array<ArrayLike<number>>, pad = 0.03): View | undefined {
  // Longitude span over all arrays: merge by concatenating occupancy through a sample.
  const all: number[] = [];
  for (const lon of lons) {
    const step = Math.max(1, Math.floor(lon.length / 200000));
    for (let i = 0; i < lon.length; i += step) {
      all.push(lon[i]);
    }
  }
  const span = longitudeSpan(all);
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const lat of lats) {
    for (let i = 0; i < lat.length; i++) {
      const y = lat[i];
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (!span || !(y0 <= y1)) {
    return undefined;
  }
  let [x0, x1] = span;
  const dx = Math.max(x1 - x0, 0.05) * pad;
  const dy = Math.max(y1 - y0, 0.05) * pad;
  x0 -= dx;
  x1 += dx;
  if (x1 - x0 > 360) {
    const c = (x0 + x1) / 2;
    [x0, x1] = [c - 180, c + 180];
  }
  return { x0, x1, y0: Math.max(-90, y0 - dy), y1: Math.min(90, y1 + dy) };
}

/**
 * Widen `view` so that, drawn in `width` x `height` pixels, one degree of
 * latitude is `ratio` times as long as one degree of longitude (1 = plate
 * carree; 1 / cos(lat) looks locally right).
 */
export function fitAspect(view: View, width: number, height: number, ratio: number): View {
  const w = view.x1 - view.x0;
  const h = view.y1 - view.y0;
  // Pixels per degree if each axis filled the box; keep the smaller scale.
  const sx = width / w;
  const sy = height / (h * ratio);
  const s = Math.min(sx, sy);
  const nw = width / s;
  const nh = height / (s * ratio);
  const cx = (view.x0 + view.x1) / 2;
  const cy = (view.y0 + view.y1) / 2;
  return { x0: cx - nw / 2, x1: cx + nw / 2, y0: cy - nh / 2, y1: cy + nh / 2 };
}

/** Aspect ratio that looks locally right at the view's middle latitude, within [1, 3]. */
export function localRatio(view: View): number {
  const mid = Math.max(Math.abs(view.y0), Math.abs(view.y1)) > 80 ? 0 : (view.y0 + view.y1) / 2;
  return Math.min(3, Math.max(1, 1 / Math.cos((mid * Math.PI) / 180)));
}

/** About `count` round tick values in [lo, hi] (steps 1, 2, 5 x 10^k). */
export function niceTicks(lo: number, hi: number, count = 6): number[] {
  if (!(hi > lo)) {
    return [lo];
  }
  const raw = (hi - lo) / Math.max(1, count);
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const f = raw / mag;
  const step = (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step) {
    ticks.push(Math.abs(t) < step * 1e-9 ? 0 : Number(t.toPrecision(12)));
  }
  return ticks;
}

function trim(x: number): string {
  return Number(x.toPrecision(6)).toString();
}

/** 170 -> "170°E", 190 -> "170°W", 0 -> "0°". */
export function formatLon(x: number): string {
  const w = ((((x + 180) % 360) + 360) % 360) - 180;
  const r = Math.abs(w) < 1e-9 || Math.abs(Math.abs(w) - 180) < 1e-9 ? Math.abs(w) : w;
  return r === 0 || r === 180 ? `${trim(r)}°` : `${trim(Math.abs(r))}°${r < 0 ? 'W' : 'E'}`;
}

export function formatLat(y: number): string {
  return y === 0 ? '0°' : `${trim(Math.abs(y))}°${y < 0 ? 'S' : 'N'}`;
}

/** A value for a readout: 4 significant digits, no exponent for usual sizes. */
export function formatValue(x: number): string {
  if (!Number.isFinite(x)) {
    return String(x);
  }
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-5 || a >= 1e7)) {
    return x.toExponential(3).replace(/\.?0+e/, 'e');
  }
  return Number(x.toPrecision(4)).toString();
}

/** Longitudes made continuous: each within 180 degrees of the previous (a grid cut across the dateline). */
export function unwrapLongitudes(lon: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(lon);
  for (let i = 1; i < out.length; i++) {
    out[i] -= 360 * Math.round((out[i] - out[i - 1]) / 360);
  }
  return out;
}
