/**
 * Synthetic SWOT-like passes for tests and benchmarks (not real data): a
 * circular orbit inclined 77.6 degrees under a rotating Earth, a swath of
 * pixels across track with the nadir gap, and a smooth field with eddies.
 */

const R = 6371;
const INCLINATION = (77.6 * Math.PI) / 180;
/** Earth rotation during one line (0.313 s per 2 km line), radians per km along track. */
const EARTH_RATE_PER_KM = (7.2921e-5 * 0.313) / 2;

export interface PassOptions {
  /** Lines along track (default 9860, a full 2 km pass). */
  lines?: number;
  /** Distance between lines, km (default 2). */
  lineKm?: number;
  /** Cross-track distances of the pixels, km (default: -68 .. 68 every 2 km). */
  crossTrackKm?: ArrayLike<number>;
  /** Longitude where the ascending track crosses the equator (default 37.16). */
  equatorLon?: number;
  /** First line's along-track angle from the equator crossing, degrees (default: the pass is centred on the equator). */
  startDeg?: number;
  descending?: boolean;
  /** Values closer to nadir than this are missing, km (default 10). */
  nadirGapKm?: number;
  /** Values farther than this are missing, km (default 60). */
  swathEdgeKm?: number;
  /** Compute u, v (default true; 5 times the work). */
  velocities?: boolean;
}

export interface SyntheticPass {
  lines: number;
  pixels: number;
  lon: Float64Array;
  lat: Float64Array;
  /** Sea-level anomaly, metres, NaN in the nadir gap and beyond the swath edge. */
  value: Float32Array;
  /** Geostrophic-like velocity components, m/s. */
  u: Float32Array;
  v: Float32Array;
}

/** The SWOT 2 km grid's cross-track distances: -68 .. 68 km every 2 km (69 pixels). */
export function crossTrack2km(): Float64Array {
  return Float64Array.from({ length: 69 }, (_, j) => (j - 34) * 2);
}

/** One side of the 250 m Unsmoothed grid: `pixels` distances from `from` km every 0.25 km, signed by `side`. */
export function crossTrack250m(side: -1 | 1, pixels = 240, from = 10): Float64Array {
  return Float64Array.from({ length: pixels }, (_, j) => side * (from + j * 0.25));
}

function field(lon: number, lat: number): number {
  const r = Math.PI / 180;
  let h = 0.08 * Math.sin(3 * lat * r) * Math.cos(2 * lon * r) + 0.03 * Math.sin(11 * lon * r + 7 * lat * r);
  // A few eddies, Gaussian bumps of ~60 km radius.
  for (const [x, y, a] of [
    [40, -20, 0.25],
    [38, 10, -0.2],
    [36.5, 35, 0.3],
    [44, 55, -0.25]
  ]) {
    const dx = (lon - x) * Math.cos(y * r);
    const dy = lat - y;
    h += a * Math.exp(-(dx * dx + dy * dy) / (2 * 0.5 * 0.5));
  }
  return h;
}

/**
 * A synthetic pass (full 2 km pass by default: 9860 x 69).
 *
 * @example
 * const pass = syntheticPass({ lines: 2000 });
 */
export function syntheticPass(options: PassOptions = {}): SyntheticPass {
  const lines = options.lines ?? 9860;
  const lineKm = options.lineKm ?? 2;
  const cross = options.crossTrackKm ?? crossTrack2km();
  const pixels = cross.length;
  const gap = options.nadirGapKm ?? 10;
  const edge = options.swathEdgeKm ?? 60;
  const lon0 = ((options.equatorLon ?? 37.16) * Math.PI) / 180;
  const start = options.startDeg !== undefined ? (options.startDeg * Math.PI) / 180 : -(lines * lineKm) / R / 2;
  const sign = options.descending ? -1 : 1;
  const n = lines * pixels;
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const value = new Float32Array(n);
  const u = new Float32Array(n);
  const v = new Float32Array(n);
  const r = 180 / Math.PI;
  const ci = Math.cos(INCLINATION);
  const si = Math.sin(INCLINATION);
  for (let i = 0; i < lines; i++) {
    const along = i * lineKm;
    const theta = sign * (start + along / R);
    // Position in the orbit plane, then rotated by the inclination; Earth turns under it.
    const px = Math.cos(theta);
    const py = Math.sin(theta) * ci;
    const pz = Math.sin(theta) * si;
    // Orbit normal (cross-track direction) for this inclination.
    const nx = 0;
    const ny = -si;
    const nz = ci;
    const rot = lon0 - EARTH_RATE_PER_KM * (along + start * R);
    for (let j = 0; j < pixels; j++) {
      const d = cross[j] / R;
      const qx = px * Math.cos(d) + nx * Math.sin(d);
      const qy = py * Math.cos(d) + ny * Math.sin(d);
      const qz = pz * Math.cos(d) + nz * Math.sin(d);
      const k = i * pixels + j;
      const la = Math.asin(qz) * r;
      let lo = (Math.atan2(qy, qx) + rot) * r;
      lo = ((lo % 360) + 360) % 360;
      lat[k] = la;
      lon[k] = lo;
      const a = Math.abs(cross[j]);
      if (a < gap || a > edge) {
        value[k] = NaN;
        u[k] = NaN;
        v[k] = NaN;
      } else {
        value[k] = field(lo, la);
        if (options.velocities === false) {
          continue;
        }
        // Geostrophy-like: u ~ -dh/dlat, v ~ dh/dlon (arbitrary scale, m/s).
        const e = 0.05;
        u[k] = (-(field(lo, la + e) - field(lo, la - e)) / (2 * e)) * 0.5;
        v[k] = ((field(lo + e, la) - field(lo - e, la)) / (2 * e)) * 0.5;
      }
    }
  }
  return { lines, pixels, lon, lat, value, u, v };
}
