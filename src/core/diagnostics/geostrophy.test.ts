import { DEG, EARTH_RADIUS, EARTH_ROTATION, EQUATORIAL_BETA, GRAVITY } from './constants';
import { computeDiagnostics } from './diagnostics';
import { geostrophicVelocity } from './geostrophy';
import { lagerloefVelocity } from './lagerloef';

const R = EARTH_RADIUS;

describe('geostrophicVelocity', () => {
  it('gives u = -g/f dh/dn and v = g/f dh/de, with the sign of f in each hemisphere', () => {
    const { u, v } = geostrophicVelocity([1e-6, 1e-6], [2e-6, 2e-6], [30, -30]);
    const f = 2 * EARTH_ROTATION * 0.5;
    expect(u[0]).toBeCloseTo((-GRAVITY / f) * 2e-6, 12);
    expect(v[0]).toBeCloseTo((GRAVITY / f) * 1e-6, 12);
    expect(u[1]).toBeCloseTo(-u[0], 12); // southern hemisphere: f < 0
    expect(v[1]).toBeCloseTo(-v[0], 12);
  });

  it('is NaN where |lat| < latMin (default 5 degrees) and for NaN input', () => {
    const lat = [-5.0001, -4.9999, 0, 4.9999, 5, NaN, 20];
    const dh = [1e-6, 1e-6, 1e-6, 1e-6, 1e-6, 1e-6, NaN];
    const { u } = geostrophicVelocity(dh, dh, lat);
    expect(u.map(x => (Number.isNaN(x) ? 1 : 0))).toEqual(Float64Array.of(0, 1, 1, 1, 0, 1, 1));
    expect(Number.isNaN(geostrophicVelocity([1e-6], [1e-6], [3], 2).u[0])).toBe(false);
  });

  it('rejects mismatched lengths and a non-positive latMin', () => {
    expect(() => geostrophicVelocity([1], [1, 2], [1, 2])).toThrow(RangeError);
    expect(() => geostrophicVelocity([1], [1], [10], 0)).toThrow(/latMin/);
  });
});

describe('lagerloefVelocity', () => {
  it('is the beta-plane velocity at the equator and geostrophy beyond 10 degrees', () => {
    const at0 = lagerloefVelocity([1e-7], [2e-7], [3e-12], [4e-12], [0]);
    expect(at0.u[0]).toBeCloseTo((-GRAVITY / EQUATORIAL_BETA) * 3e-12, 12);
    expect(at0.v[0]).toBeCloseTo((GRAVITY / EQUATORIAL_BETA) * 4e-12, 12);
    const far = lagerloefVelocity([1e-7], [2e-7], [NaN], [NaN], [10.5]);
    const geo = geostrophicVelocity([1e-7], [2e-7], [10.5]);
    expect(far.u[0]).toBe(geo.u[0]);
    expect(far.v[0]).toBe(geo.v[0]);
  });

  it('blends with w = exp(-(lat/2.2)^2) in between', () => {
    const lat = 3;
    const w = Math.exp(-((lat / 2.2) ** 2));
    const f = 2 * EARTH_ROTATION * Math.sin(lat * DEG);
    const { u } = lagerloefVelocity([0], [2e-7], [3e-12], [0], [lat]);
    expect(u[0]).toBeCloseTo((1 - w) * (-GRAVITY / f) * 2e-7 + w * (-GRAVITY / EQUATORIAL_BETA) * 3e-12, 12);
  });

  it('rejects arrays of different lengths', () => {
    expect(() => lagerloefVelocity([0], [0], [0], [0, 1], [0])).toThrow(RangeError);
  });
});

describe('equatorial band through computeDiagnostics (regular grid, zonal ridge h0 exp(-y^2/Ly^2))', () => {
  const lat = Float64Array.from({ length: 97 }, (_, i) => -12 + i / 4);
  const lon = Float64Array.from({ length: 9 }, (_, j) => 200 + j / 4);
  const shape: [number, number] = [97, 9];
  const h0 = 0.1;
  const Ly = 300e3;
  const h = new Float64Array(97 * 9);
  for (let i = 0; i < 97; i++) {
    const y = lat[i] * DEG * R;
    h.fill(h0 * Math.exp(-(y * y) / (Ly * Ly)), i * 9, (i + 1) * 9);
  }

  it("'nan' leaves |lat| < latMin NaN", () => {
    const d = computeDiagnostics({ lat, lon, h, shape, latMin: 3 });
    for (let i = 0; i < 97; i++) {
      expect(Number.isNaN(d.u.data[i * 9 + 4])).toBe(Math.abs(lat[i]) < 3);
    }
  });

  it("'lagerloef' is finite across the equator, equals -g/beta h_yy there, and plain geostrophy beyond 10 degrees", () => {
    const d = computeDiagnostics({ lat, lon, h, shape, equator: 'lagerloef', what: ['u', 'v', 'vorticity'] });
    const g = computeDiagnostics({ lat, lon, h, shape, latMin: 1 });
    const eq = 48 * 9 + 4;
    expect(lat[48]).toBe(0);
    const expected = (-GRAVITY / EQUATORIAL_BETA) * ((-2 * h0) / (Ly * Ly));
    expect(d.u.data[eq] / expected).toBeCloseTo(1, 4);
    for (let p = 0; p < h.length; p++) {
      expect(Number.isFinite(d.u.data[p])).toBe(true);
      expect(Math.abs(d.v.data[p])).toBeLessThan(1e-12);
      if (Math.abs(lat[Math.floor(p / 9)]) > 10.1) {
        expect(d.u.data[p]).toBe(g.u.data[p]);
      }
    }
    // Vorticity / f stays NaN below latMin (f -> 0) whatever the method.
    expect(Number.isNaN(d.vorticity.data[eq])).toBe(true);
    expect(d.u.attrs.equator_method).toMatch(/Lagerloef/);
  });
});
