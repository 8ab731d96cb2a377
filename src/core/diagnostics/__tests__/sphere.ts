/**
 * Test helpers: a synthetic SWOT-like swath on the sphere and an analytic
 * Gaussian eddy with its exact geostrophic fields.
 */

import { DEG, EARTH_RADIUS, EARTH_ROTATION, GRAVITY } from '../constants';

const R = EARTH_RADIUS;

/** Great-circle destination from (lat, lon) along `azimuth` (degrees from north) over `distance` metres. */
export function destination(lat: number, lon: number, azimuth: number, distance: number): [number, number] {
  const d = distance / R;
  const p1 = lat * DEG;
  const t = azimuth * DEG;
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(t));
  const l2 = lon * DEG + Math.atan2(Math.sin(t) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  return [p2 / DEG, l2 / DEG];
}

/** Initial bearing (radians from north) from point 1 to point 2. */
export function bearing(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const p1 = lat1 * DEG;
  const p2 = lat2 * DEG;
  const dl = (lon2 - lon1) * DEG;
  return Math.atan2(Math.sin(dl) * Math.cos(p2), Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl));
}

/** Great-circle distance in metres (atan2 of |a x b| and a . b: accurate at all distances). */
export function distance(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const p1 = lat1 * DEG;
  const p2 = lat2 * DEG;
  const dl = (lon2 - lon1) * DEG;
  const a = Math.cos(p2) * Math.sin(dl);
  const b = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
  const c = Math.sin(p1) * Math.sin(p2) + Math.cos(p1) * Math.cos(p2) * Math.cos(dl);
  return R * Math.atan2(Math.hypot(a, b), c);
}

export interface Swath {
  lat: Float64Array;
  lon: Float64Array;
  shape: [number, number];
  /** Cross-track distance of each pixel, km (negative left). */
  crossTrack: Float64Array;
}

/**
 * A swath of `lines` x `pixels` on 2 km steps whose nadir runs along a great
 * circle through (lat0, lon0) (reached at the middle line) with `azimuth`;
 * pixels on the great circles perpendicular to the track at each nadir point.
 * Longitudes are wrapped by `wrap` (default [0, 360)).
 */
export function syntheticSwath(
  lat0: number,
  lon0: number,
  azimuth: number,
  lines: number,
  pixels = 69,
  step = 2000,
  wrap: (lon: number) => number = l => ((l % 360) + 360) % 360
): Swath {
  const lat = new Float64Array(lines * pixels);
  const lon = new Float64Array(lines * pixels);
  const centre = (lines - 1) / 2;
  const nadirPixel = (pixels - 1) / 2;
  const crossTrack = new Float64Array(pixels);
  for (let j = 0; j < pixels; j++) {
    crossTrack[j] = ((j - nadirPixel) * step) / 1000;
  }
  for (let i = 0; i < lines; i++) {
    const s = (i - centre) * step;
    const [la, lo] = destination(lat0, lon0, azimuth, s);
    const [la1, lo1] = destination(lat0, lon0, azimuth, s + 1);
    const heading = bearing(la, lo, la1, lo1) / DEG;
    for (let j = 0; j < pixels; j++) {
      const [pl, pn] = destination(la, lo, heading + 90, (j - nadirPixel) * step);
      lat[i * pixels + j] = pl;
      lon[i * pixels + j] = wrap(pn);
    }
  }
  return { lat, lon, shape: [lines, pixels], crossTrack };
}

/** Gaussian eddy h = h0 exp(-r^2 / L^2) on the sphere, r the great-circle distance to the centre. */
export interface Eddy {
  lat: number;
  lon: number;
  h0: number;
  L: number;
}

/** Local f-plane coordinates: r times the unit vector pointing away from the centre, in the east/north frame at the point. */
function localXY(e: Eddy, lat: number, lon: number): { x: number; y: number; r: number } {
  const r = distance(lat, lon, e.lat, e.lon);
  const b = bearing(lat, lon, e.lat, e.lon);
  return { x: -r * Math.sin(b), y: -r * Math.cos(b), r };
}

export function eddyHeight(e: Eddy, lat: number, lon: number): number {
  const r = distance(lat, lon, e.lat, e.lon);
  return e.h0 * Math.exp(-(r * r) / (e.L * e.L));
}

export interface ClosedForms {
  u: number;
  v: number;
  zeta: number;
  sn: number;
  ss: number;
  w: number;
  f: number;
}

/**
 * The f-plane closed forms of the diagnostics notes evaluated with the local
 * f and local (x, y). For u and v this is exact on the sphere: the gradient of
 * a function of the great-circle distance r is dh/dr times the unit vector
 * pointing away from the centre, so dh/dn = -2 h y / L^2 and dh/de = -2 h x / L^2
 * exactly. For zeta, Sn, Ss and W it neglects the latitude variation of f
 * (relative size ~ L / (R tan lat)) and the turning of the east/north frame
 * (~ L tan(lat) / R).
 */
export function closedForms(e: Eddy, lat: number, lon: number, fConst?: number): ClosedForms {
  const { x, y, r } = localXY(e, lat, lon);
  const f = fConst ?? 2 * EARTH_ROTATION * Math.sin(lat * DEG);
  const L2 = e.L * e.L;
  const ex = Math.exp(-(r * r) / L2);
  const g = GRAVITY;
  const A = (4 * g * e.h0) / (f * L2);
  return {
    u: ((2 * g * e.h0 * y) / (f * L2)) * ex,
    v: ((-2 * g * e.h0 * x) / (f * L2)) * ex,
    zeta: A * ((r * r) / L2 - 1) * ex,
    sn: ((-8 * g * e.h0 * x * y) / (f * L2 * L2)) * ex,
    ss: ((4 * g * e.h0 * (x * x - y * y)) / (f * L2 * L2)) * ex,
    w: A * A * ((2 * r * r) / L2 - 1) * ex * ex,
    f
  };
}

/** Exact east/north derivatives on the sphere of a point function, by a 1 m centred difference. */
export function sphereGradient(fn: (lat: number, lon: number) => number, lat: number, lon: number, step = 1): { dE: number; dN: number } {
  const dLat = step / R / DEG;
  const dLon = dLat / Math.cos(lat * DEG);
  return {
    dE: (fn(lat, lon + dLon) - fn(lat, lon - dLon)) / (2 * step),
    dN: (fn(lat + dLat, lon) - fn(lat - dLat, lon)) / (2 * step)
  };
}

/** Reference fields on the sphere: u, v exact, and zeta, Sn, Ss, W from their exact 1 m differences. */
export function sphereTruth(e: Eddy, lat: number, lon: number): Omit<ClosedForms, 'f'> {
  const u = (la: number, lo: number) => closedForms(e, la, lo).u;
  const v = (la: number, lo: number) => closedForms(e, la, lo).v;
  const gu = sphereGradient(u, lat, lon);
  const gv = sphereGradient(v, lat, lon);
  const sn = gu.dE - gv.dN;
  const ss = gv.dE + gu.dN;
  const zeta = gv.dE - gu.dN;
  return { u: u(lat, lon), v: v(lat, lon), zeta, sn, ss, w: sn * sn + ss * ss - zeta * zeta };
}

/** Root mean square of a - b over the indices where `keep` is true and both are finite; also the count. */
export function rmsDiff(a: ArrayLike<number>, b: ArrayLike<number>, keep: (p: number) => boolean): { rms: number; n: number; max: number } {
  let s = 0;
  let n = 0;
  let max = 0;
  for (let p = 0; p < a.length; p++) {
    if (keep(p) && Number.isFinite(a[p]) && Number.isFinite(b[p])) {
      const d = a[p] - b[p];
      s += d * d;
      n++;
      max = Math.max(max, Math.abs(d));
    }
  }
  return { rms: Math.sqrt(s / n), n, max };
}
