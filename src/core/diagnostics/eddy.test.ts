/**
 * Analytic check of the diagnostics notes: a Gaussian eddy h = h0 exp(-r^2/L^2),
 * h0 = -0.2 m, L = 50 km, on a 2 km SWOT-like swath (69 pixels, +-68 km, NaN
 * for |x| < 10 km and |x| > 60 km) rotated 20 degrees from the meridian, and
 * on a regular 1/8 degree grid.
 *
 * What "exact" means here. The computation uses f = 2 Omega sin(lat) and
 * derivatives on the sphere, while the closed forms of the notes are for an
 * f-plane. With r the great-circle distance and (x, y) = r times the unit
 * vector pointing away from the centre in the local east/north frame, the
 * closed forms for u and v evaluated with the local f are exact on the sphere
 * (see closedForms in __tests__/sphere.ts, checked below against 1 m
 * differences of h). For zeta, Sn, Ss and W they are not: they neglect
 * d(1/f)/dn (relative size L / (R tan lat), ~1% at 35 deg for L = 50 km) and
 * the turning of the east/north frame (~ L tan(lat) / R, ~0.5%); making the
 * eddy smaller shrinks these only linearly while the discretisation error
 * grows. So the derived fields are checked tightly against the exact fields
 * on the sphere (1 m differences of the exact u, v), and against the f-plane
 * closed forms with a tolerance of 2% of the field's RMS (measured: 0.2% for
 * zeta/f, up to 1% for Ss/f). At the eddy centre both coincide:
 * zeta/f = -4 g h0 / (f^2 L^2).
 *
 * Measured (35N swath, 9-point region >= 4 steps from gaps and edges): u, v
 * RMS error ~2e-10 m/s; over all valid pixels, including the one-sided
 * differences at the gap edges, 2e-4 (u) and 5.5e-4 (v) m/s. On the 1/8
 * degree grid (L/dx ~ 4) u, v ~1e-5 m/s.
 */

import { GRAVITY } from './constants';
import { computeDiagnostics } from './diagnostics';
import { closedForms, distance, eddyHeight, rmsDiff, sphereGradient, sphereTruth, syntheticSwath, type Eddy } from './__tests__/sphere';

type Key = 'u' | 'v' | 'zeta' | 'sn' | 'ss' | 'w';
const KEYS: Key[] = ['u', 'v', 'zeta', 'sn', 'ss', 'w'];
const PER_F: Record<Key, boolean> = { u: false, v: false, zeta: true, sn: true, ss: true, w: false };

/** Reference fields at each point: exact on the sphere, and f-plane closed forms (local f); /f where we report /f. */
function references(eddy: Eddy, lat: ArrayLike<number>, lon: ArrayLike<number>) {
  const n = lat.length;
  const sphere = Object.fromEntries(KEYS.map(k => [k, new Float64Array(n)])) as Record<Key, Float64Array>;
  const plane = Object.fromEntries(KEYS.map(k => [k, new Float64Array(n)])) as Record<Key, Float64Array>;
  for (let p = 0; p < n; p++) {
    const t = sphereTruth(eddy, lat[p], lon[p]);
    const c = closedForms(eddy, lat[p], lon[p]);
    for (const k of KEYS) {
      sphere[k][p] = PER_F[k] ? t[k] / c.f : t[k];
      plane[k][p] = PER_F[k] ? c[k] / c.f : c[k];
    }
  }
  return { sphere, plane };
}

function ours(d: ReturnType<typeof diagnose>): Record<Key, Float64Array> {
  return {
    u: d.u.data as Float64Array,
    v: d.v.data as Float64Array,
    zeta: d.vorticity.data as Float64Array,
    sn: d.normal_strain.data as Float64Array,
    ss: d.shear_strain.data as Float64Array,
    w: d.okubo_weiss.data as Float64Array
  };
}

function diagnose(lat: ArrayLike<number>, lon: ArrayLike<number>, h: Float64Array, shape: [number, number]) {
  return computeDiagnostics({ lat, lon, h, shape, what: ['u', 'v', 'vorticity', 'normal_strain', 'shear_strain', 'okubo_weiss'] });
}

describe('closed forms of the Gaussian eddy', () => {
  it('give u and v exactly on the sphere with the local f (checked against 1 m differences of h)', () => {
    const eddy: Eddy = { lat: 35, lon: 200, h0: -0.2, L: 50e3 };
    for (const [la, lo] of [
      [35.2, 200.3],
      [34.7, 199.9],
      [35.01, 200]
    ]) {
      const c = closedForms(eddy, la, lo);
      const g = sphereGradient((a, b) => eddyHeight(eddy, a, b), la, lo);
      expect((-GRAVITY / c.f) * g.dN).toBeCloseTo(c.u, 9);
      expect((GRAVITY / c.f) * g.dE).toBeCloseTo(c.v, 9);
    }
  });
});

describe.each([
  { where: '35N, ascending, 20 deg west of north', lat0: 35, lon0: 200, azimuth: -20 },
  { where: '35S, descending, across the dateline', lat0: -35, lon0: 179.8, azimuth: 200 }
])('Gaussian eddy on a 2 km swath ($where)', ({ lat0, lon0, azimuth }) => {
  const swath = syntheticSwath(lat0, lon0, azimuth, 301);
  const [lines, pixels] = swath.shape;
  // Centre: middle line, 30 km right of nadir (inside the valid 10-60 km band).
  const centre = ((lines - 1) / 2) * pixels + 34 + 15;
  const eddy: Eddy = { lat: swath.lat[centre], lon: swath.lon[centre], h0: -0.2, L: 50e3 };
  const h = new Float64Array(lines * pixels);
  for (let p = 0; p < h.length; p++) {
    const x = Math.abs(swath.crossTrack[p % pixels]);
    h[p] = x < 10 || x > 60 ? NaN : eddyHeight(eddy, swath.lat[p], swath.lon[p]);
  }
  const d = diagnose(swath.lat, swath.lon, h, swath.shape);
  const got = ours(d);
  const ref = references(eddy, swath.lat, swath.lon);
  // Distance in index steps to the nearest NaN or edge, along both axes.
  const reach = (p: number) => {
    const x = Math.abs(swath.crossTrack[p % pixels]);
    const i = Math.floor(p / pixels);
    return Math.min(Math.round((x - 10) / 2), Math.round((60 - x) / 2), i, lines - 1 - i);
  };
  const away = (k: number) => (p: number) => reach(p) >= k;

  it('keeps NaN exactly where h is NaN, and nowhere else for u and v', () => {
    let mismatches = 0;
    for (let p = 0; p < h.length; p++) {
      const nan = Number.isNaN(h[p]);
      mismatches += Number(Number.isNaN(got.u[p]) !== nan) + Number(Number.isNaN(got.v[p]) !== nan);
    }
    expect(mismatches).toBe(0);
  });

  it('gives u, v within 1e-8 m/s RMS of the exact values where the 9-point stencil applies (>= 4 steps from gaps)', () => {
    for (const k of ['u', 'v'] as const) {
      const e = rmsDiff(got[k], ref.sphere[k], away(4));
      expect(e.n).toBeGreaterThan(9000);
      expect(e.rms).toBeLessThan(1e-8);
    }
  });

  it('gives u, v within 2e-3 m/s RMS over every valid pixel (one-sided differences at gap edges)', () => {
    for (const k of ['u', 'v'] as const) {
      expect(rmsDiff(got[k], ref.sphere[k], away(0)).rms).toBeLessThan(2e-3);
    }
  });

  it('gives zeta/f, Sn/f, Ss/f within 1e-7 and W within 1e-15 s-2 of the sphere values >= 8 steps from gaps', () => {
    for (const k of ['zeta', 'sn', 'ss'] as const) {
      expect(rmsDiff(got[k], ref.sphere[k], away(8)).rms).toBeLessThan(1e-7);
    }
    expect(rmsDiff(got.w, ref.sphere.w, away(8)).rms).toBeLessThan(1e-15);
  });

  it('gives zeta/f, Sn/f, Ss/f within 1e-4 of the sphere values >= 4 steps from gaps', () => {
    for (const k of ['zeta', 'sn', 'ss'] as const) {
      expect(rmsDiff(got[k], ref.sphere[k], away(4)).rms).toBeLessThan(1e-4);
    }
  });

  it('matches the f-plane closed forms (local f) within 2% of each field RMS (neglected terms ~ L/(R tan lat) + L tan(lat)/R = 1.6%)', () => {
    const zero = new Float64Array(h.length);
    for (const k of KEYS) {
      const signal = rmsDiff(ref.plane[k], zero, away(8)).rms;
      expect(rmsDiff(got[k], ref.plane[k], away(8)).rms).toBeLessThan(0.02 * signal);
    }
  });

  it('has zeta/f = -4 g h0 / (f^2 L^2) at the centre and W < 0 inside r < L/sqrt(2)', () => {
    const f = closedForms(eddy, eddy.lat, eddy.lon).f;
    expect(got.zeta[centre] / ((-4 * GRAVITY * eddy.h0) / (f * f * eddy.L * eddy.L))).toBeCloseTo(1, 6);
    for (let p = 0; p < h.length; p++) {
      if (reach(p) >= 8) {
        const dist = distance(eddy.lat, eddy.lon, swath.lat[p], swath.lon[p]);
        if (dist < 0.65 * eddy.L) expect(got.w[p]).toBeLessThan(0);
        if (dist > 0.78 * eddy.L && dist < 2 * eddy.L) expect(got.w[p]).toBeGreaterThan(0);
      }
    }
  });
});

describe('Gaussian eddy on a regular 1/8 degree grid (1-D lat and lon)', () => {
  const lat = Float64Array.from({ length: 41 }, (_, i) => 32.5 + i / 8);
  const lon = Float64Array.from({ length: 49 }, (_, j) => 197 + j / 8);
  const shape: [number, number] = [lat.length, lon.length];
  const eddy: Eddy = { lat: 35, lon: 200, h0: -0.2, L: 50e3 };
  const h = new Float64Array(shape[0] * shape[1]);
  const lat2 = new Float64Array(h.length);
  const lon2 = new Float64Array(h.length);
  for (let i = 0; i < shape[0]; i++) {
    for (let j = 0; j < shape[1]; j++) {
      const p = i * shape[1] + j;
      [lat2[p], lon2[p]] = [lat[i], lon[j]];
      h[p] = eddyHeight(eddy, lat[i], lon[j]);
    }
  }
  const d = diagnose(lat, lon, h, shape);
  const got = ours(d);
  const ref = references(eddy, lat2, lon2);
  const all = () => true;

  it('gives u, v within 5e-5 m/s RMS of the exact values (L/dx ~ 4: the 9-point truncation dominates)', () => {
    for (const k of ['u', 'v'] as const) {
      expect(rmsDiff(got[k], ref.sphere[k], all).rms).toBeLessThan(5e-5);
    }
  });

  it('gives zeta/f within 1e-4 RMS of the sphere values and matches the f-plane forms within 2% of RMS', () => {
    expect(rmsDiff(got.zeta, ref.sphere.zeta, all).rms).toBeLessThan(1e-4);
    const zero = new Float64Array(h.length);
    for (const k of KEYS) {
      expect(rmsDiff(got[k], ref.plane[k], all).rms).toBeLessThan(0.02 * rmsDiff(ref.plane[k], zero, all).rms);
    }
  });

  it('labels the outputs with grid dimensions and gives the same result as the expanded 2-D coordinates', () => {
    expect(d.u.dims).toEqual(['latitude', 'longitude']);
    const d2 = diagnose(lat2, lon2, h, shape);
    expect(Array.from(d2.u.data)).toEqual(Array.from(d.u.data));
    expect(d2.u.dims).toEqual(['num_lines', 'num_pixels']);
  });

  it('gives the same velocities when the grid crosses the dateline in [-180, 180)', () => {
    const lonD = Float64Array.from(lon, l => l - 20); // 177 .. 183 -> wrapped
    const lonW = Float64Array.from(lonD, l => (l >= 180 ? l - 360 : l));
    const shifted: Eddy = { ...eddy, lon: 180 };
    const hD = new Float64Array(h.length);
    for (let i = 0; i < shape[0]; i++) {
      for (let j = 0; j < shape[1]; j++) {
        hD[i * shape[1] + j] = eddyHeight(shifted, lat[i], lonW[j]);
      }
    }
    const a = diagnose(lat, lonD, hD, shape);
    const b = diagnose(lat, lonW, hD, shape);
    for (let p = 0; p < h.length; p++) {
      expect(b.u.data[p]).toBeCloseTo(a.u.data[p] as number, 12);
      expect(b.v.data[p]).toBeCloseTo(got.v[p], 8);
    }
  });
});
