/**
 * A SWOT orbit ephemeris (text: `# cycle_duration = D` days header, then
 * seconds, longitude, latitude, height every 30 s), cut into its passes
 * (half-orbits between latitude extrema) and interpolated with a 4-point
 * Lagrange polynomial on unit vectors, as the sample generator does
 * (tools/sample_data/orbit.py), so that both agree on every ground track.
 */
import { wrap180, wrap360 } from '../cf/longitude';
import { SwotError } from '../errors';
import { OrbitDefinition } from './orbits';
import { toXyz } from './sphere';

export interface Ephemeris {
  orbit: OrbitDefinition;
  /** Seconds between samples. */
  step: number;
  t0: number;
  /** Seconds (the file's cycle_duration header). */
  cycleDuration: number;
  /** Nadir unit vectors, 3 per sample. */
  xyz: Float64Array;
  /** Ephemeris times of the latitude extrema of the first cycle (one per pass start). */
  extrema: Float64Array;
  /** Index in `extrema` of the start of pass 1. */
  first: number;
}

/**
 * @throws SwotError (CORRUPT_FILE) when the text is not an ephemeris of `orbit`
 */
export function parseEphemeris(text: string, orbit: OrbitDefinition, source = orbit.ephemeris): Ephemeris {
  const header = /cycle_duration\s*=\s*([0-9.eE+-]+)/.exec(text);
  if (!header) {
    throw bad(source, `no "# cycle_duration = ..." header: not a SWOT ephemeris`);
  }
  const cycleDuration = Number(header[1]) * 86400;
  const rows = text.split('\n').filter(line => line.trim() !== '' && !line.startsWith('#'));
  const n = rows.length;
  const t = new Float64Array(n);
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const cols = rows[i].trim().split(/\s+/);
    t[i] = Number(cols[0]);
    lon[i] = Number(cols[1]);
    lat[i] = Number(cols[2]);
    if (cols.length < 3 || !Number.isFinite(t[i] + lon[i] + lat[i])) {
      throw bad(source, `line ${i + 3} is not "seconds longitude latitude height"`);
    }
  }
  const step = t[1] - t[0];
  for (let i = 1; i < n; i++) {
    if (Math.abs(t[i] - t[i - 1] - step) > 1e-6) {
      throw bad(source, `samples are not regularly spaced (line ${i + 3})`);
    }
  }
  const xyz = toXyz(lon, lat);
  const ext = latitudeExtrema(t, lat, cycleDuration);
  if (ext.length !== orbit.passesPerCycle) {
    throw bad(source, `${ext.length} half-orbits in one cycle, expected ${orbit.passesPerCycle}`);
  }
  const first = orbit.pass1EquatorLon === undefined ? ext.findIndex(e => e.lat < 0) : sciencePass1(t, lon, lat, ext, orbit.pass1EquatorLon);
  return { orbit, step, t0: t[0], cycleDuration, xyz, extrema: Float64Array.from(ext, e => e.t), first };
}

/** Ephemeris times of the start and end (next extremum) of pass `pass`. */
export function passBounds(eph: Ephemeris, pass: number): [number, number] {
  const m = eph.extrema.length;
  const j = (((eph.first + pass - 1) % m) + m) % m;
  const end = j + 1 < m ? eph.extrema[j + 1] : eph.extrema[0] + eph.cycleDuration;
  return [eph.extrema[j], end];
}

/**
 * Nadir unit vector and its time derivative at ephemeris time `te`, written
 * into `p` and `dp` (3 values each). The orbit repeats: times beyond the file
 * wrap by one cycle.
 */
export function interpolate(eph: Ephemeris, te: number, p: Float64Array, dp: Float64Array): void {
  const n = eph.xyz.length / 3;
  const tEnd = eph.t0 + (n - 1) * eph.step;
  if (te > tEnd - 2 * eph.step) {
    te -= eph.cycleDuration;
  }
  if (te < eph.t0 + eph.step) {
    te += eph.cycleDuration;
  }
  const u = (te - eph.t0) / eph.step;
  const i = Math.floor(u);
  const f = u - i;
  // 4-point Lagrange weights on nodes -1, 0, 1, 2 and their derivatives (scalars: this runs ~10^5 times a query).
  const w0 = (-f * (f - 1) * (f - 2)) / 6;
  const w1 = ((f + 1) * (f - 1) * (f - 2)) / 2;
  const w2 = (-(f + 1) * f * (f - 2)) / 2;
  const w3 = ((f + 1) * f * (f - 1)) / 6;
  const d0 = -(3 * f * f - 6 * f + 2) / 6 / eph.step;
  const d1 = (3 * f * f - 4 * f - 1) / 2 / eph.step;
  const d2 = -(3 * f * f - 2 * f - 2) / 2 / eph.step;
  const d3 = (3 * f * f - 1) / 6 / eph.step;
  const x = eph.xyz;
  const o = (i - 1) * 3;
  let norm = 0;
  for (let c = 0; c < 3; c++) {
    const a = x[o + c];
    const b = x[o + 3 + c];
    const d = x[o + 6 + c];
    const e = x[o + 9 + c];
    p[c] = w0 * a + w1 * b + w2 * d + w3 * e;
    dp[c] = d0 * a + d1 * b + d2 * d + d3 * e;
    norm += p[c] * p[c];
  }
  norm = Math.sqrt(norm);
  let radial = 0;
  for (let c = 0; c < 3; c++) {
    p[c] /= norm;
    dp[c] /= norm;
    radial += dp[c] * p[c];
  }
  for (let c = 0; c < 3; c++) {
    dp[c] -= radial * p[c];
  }
}

function bad(source: string, reason: string): SwotError {
  return new SwotError('CORRUPT_FILE', `${source}: ${reason}`, { source });
}

interface Extremum {
  t: number;
  lat: number;
}

/** Latitude extrema of the first cycle, refined by a parabola through three samples. */
function latitudeExtrema(t: Float64Array, lat: Float64Array, cycleDuration: number): Extremum[] {
  const out: Extremum[] = [];
  const step = t[1] - t[0];
  for (let i = 1; i + 1 < t.length && t[i] < cycleDuration; i++) {
    if (Math.sign(lat[i] - lat[i - 1]) !== Math.sign(lat[i + 1] - lat[i])) {
      const [y0, y1, y2] = [lat[i - 1], lat[i], lat[i + 1]];
      const off = (0.5 * (y0 - y2)) / (y0 - 2 * y1 + y2);
      out.push({ t: t[i] + off * step, lat: y1 - 0.25 * (y0 - y2) * off });
    }
  }
  return out;
}

/** Index of the southern extremum that starts the ascending arc crossing the equator nearest `equatorLon`. */
function sciencePass1(t: Float64Array, lon: Float64Array, lat: Float64Array, ext: Extremum[], equatorLon: number): number {
  let best = -1;
  let bestDistance = Infinity;
  const step = t[1] - t[0];
  ext.forEach((e, k) => {
    if (e.lat >= 0) {
      return;
    }
    const tEnd = k + 1 < ext.length ? ext[k + 1].t : e.t + 4000;
    for (let j = Math.ceil((e.t - t[0]) / step); j + 1 < t.length && t[j] <= tEnd; j++) {
      if (lat[j] < 0 && lat[j + 1] >= 0) {
        const a = -lat[j] / (lat[j + 1] - lat[j]);
        const lonEq = wrap360(lon[j] + a * wrap180(lon[j + 1] - lon[j]));
        const distance = Math.abs(wrap180(lonEq - equatorLon));
        if (distance < bestDistance) {
          bestDistance = distance;
          best = k;
        }
        return;
      }
    }
  });
  return best;
}

