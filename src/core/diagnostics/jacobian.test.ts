import { DEG, EARTH_RADIUS } from './constants';
import { eastNorthGradient } from './east-north';
import { expandGrid, inverseJacobian, unwrapLongitude } from './jacobian';
import { syntheticSwath } from './__tests__/sphere';

const R = EARTH_RADIUS;

describe('unwrapLongitude', () => {
  it('removes the 0/360 seam and the dateline jump along the chosen axis, keeping NaN', () => {
    const lon = Float64Array.of(358, 359.5, 1, NaN, 2.5, 179, -179, -178);
    expect(Array.from(unwrapLongitude(lon, [1, 8], 1))).toEqual([358, 359.5, 361, NaN, 362.5, 539, 541, 542]);
    expect(Array.from(unwrapLongitude(lon, [8, 1], 0))).toEqual([358, 359.5, 361, NaN, 362.5, 539, 541, 542]);
    const grid = Float64Array.of(359, 179, 1, -179, 3, -177); // 3 lines x 2 pixels
    expect(Array.from(unwrapLongitude(grid, [3, 2], 0))).toEqual([359, 179, 361, 181, 363, 183]);
    expect(Array.from(unwrapLongitude(grid, [3, 2], 1))).toEqual([359, 179, 1, -179, 3, -177]);
  });
});

describe('expandGrid', () => {
  it('repeats latitudes along rows and longitudes along columns', () => {
    const g = expandGrid([10, 11], [0, 1, 2]);
    expect(g.shape).toEqual([2, 3]);
    expect(Array.from(g.lat)).toEqual([10, 10, 10, 11, 11, 11]);
    expect(Array.from(g.lon)).toEqual([0, 1, 2, 0, 1, 2]);
  });
});

describe('inverseJacobian and eastNorthGradient', () => {
  // h = a lon + b lat has dh/de = a / (R cos(lat) deg) and dh/dn = b / (R deg) on any grid:
  // the index derivatives are linear, so h_x = a lon_x + b lat_x exactly, and the Jacobian inverts it.
  const a = 1e-2;
  const b = -3e-2;

  it('is exact for h linear in (lon, lat) on a regular grid', () => {
    const lat = Float64Array.from({ length: 9 }, (_, i) => 30 + i / 8);
    const lon = Float64Array.from({ length: 11 }, (_, j) => 200 + j / 8);
    const g = expandGrid(lat, lon);
    const h = g.lat.map((la, p) => a * g.lon[p] + b * la);
    const { dE, dN } = eastNorthGradient(h, inverseJacobian(g.lat, g.lon, g.shape));
    for (let p = 0; p < h.length; p++) {
      expect(dE[p] / (a / (R * Math.cos(g.lat[p] * DEG) * DEG))).toBeCloseTo(1, 9);
      expect(dN[p] / (b / (R * DEG))).toBeCloseTo(1, 9);
    }
  });

  it('is exact for h linear in (lon, lat) on a rotated swath across the dateline', () => {
    const swath = syntheticSwath(35, 180, -20, 41, 69, 2000, l => (l >= 180 ? l - 360 : l));
    const { lat, lon, shape } = swath;
    expect(Math.min(...lon)).toBeLessThan(-179);
    expect(Math.max(...lon)).toBeGreaterThan(179);
    const h = lat.map((la, p) => a * (lon[p] < 0 ? lon[p] + 360 : lon[p]) + b * la);
    const { dE, dN } = eastNorthGradient(h, inverseJacobian(lat, lon, shape));
    for (let p = 0; p < h.length; p++) {
      expect(dE[p] / (a / (R * Math.cos(lat[p] * DEG) * DEG))).toBeCloseTo(1, 7);
      expect(dN[p] / (b / (R * DEG))).toBeCloseTo(1, 7);
    }
  });

  it('gives the same coefficients for longitudes in [0, 360) and [-180, 180)', () => {
    const s360 = syntheticSwath(-40, 0.01, 160, 31);
    const s180 = syntheticSwath(-40, 0.01, 160, 31, 69, 2000, l => ((l + 540) % 360) - 180);
    const j1 = inverseJacobian(s360.lat, s360.lon, s360.shape);
    const j2 = inverseJacobian(s180.lat, s180.lon, s180.shape);
    for (const key of ['dxde', 'dyde', 'dxdn', 'dydn'] as const) {
      for (let p = 0; p < j1[key].length; p++) {
        expect(j2[key][p]).toBeCloseTo(j1[key][p], 12);
      }
    }
  });

  it('recovers the swath orientation: along-track steps of 2 km, 20 degrees west of north', () => {
    const { lat, lon, shape } = syntheticSwath(35, 200, -20, 21);
    const jac = inverseJacobian(lat, lon, shape);
    const p = 10 * 69 + 34; // nadir, middle line
    // Index steps per metre: along-track x steps 1/2000 per metre along the track.
    const east = Math.hypot(jac.dxde[p], jac.dyde[p]);
    const north = Math.hypot(jac.dxdn[p], jac.dydn[p]);
    expect(east).toBeCloseTo(1 / 2000, 9);
    expect(north).toBeCloseTo(1 / 2000, 9);
    // Track heading: dx/dn = cos(heading) / 2000, dx/de = sin(heading) / 2000.
    expect(Math.atan2(jac.dxde[p], jac.dxdn[p]) / DEG).toBeCloseTo(-20, 3);
  });

  it('gives NaN where lat or lon is NaN and where the grid is degenerate', () => {
    const g = expandGrid([10, 10.1, 10.2], [5, 5, 5]); // all columns at one longitude: J = 0
    const jac = inverseJacobian(g.lat, g.lon, g.shape);
    expect(jac.dxde.every(Number.isNaN)).toBe(true);
    const ok = expandGrid([10, 10.1, 10.2], [5, 5.1, 5.2]);
    ok.lat[4] = NaN;
    const j2 = inverseJacobian(ok.lat, ok.lon, ok.shape);
    expect(Number.isNaN(j2.dydn[4])).toBe(true);
    expect(Number.isFinite(j2.dydn[0])).toBe(true);
  });

  it('rejects coordinates that do not match the shape', () => {
    expect(() => inverseJacobian(new Float64Array(6), new Float64Array(5), [2, 3])).toThrow(/longitude: 5 values/);
  });
});

describe('inverseJacobian with the field it serves', () => {
  it('is the full Jacobian where the field has a value and NaN elsewhere, bit for bit (empty lines, gaps)', () => {
    const lines = 80;
    const pixels = 69;
    const { lat, lon } = syntheticSwath(35, 300, 20, lines, pixels);
    const field = new Float64Array(lines * pixels).map((_, p) => Math.sin(p / 50));
    for (let i = 10; i < 30; i++) field.fill(NaN, i * pixels, (i + 1) * pixels); // land: whole lines
    for (let i = 0; i < lines; i++) field.fill(NaN, i * pixels + 30, i * pixels + 40); // nadir gap
    field[50 * pixels + 5] = NaN;
    const full = inverseJacobian(lat, lon, [lines, pixels]);
    const masked = inverseJacobian(lat, lon, [lines, pixels], field);
    let differ = 0;
    for (const k of ['dxde', 'dyde', 'dxdn', 'dydn'] as const) {
      for (let p = 0; p < field.length; p++) {
        const want = field[p] === field[p] ? full[k][p] : NaN;
        if (!Object.is(masked[k][p], want)) differ++;
      }
    }
    expect(differ).toBe(0);
    // And the east/north gradients of the field are the same either way.
    const a = eastNorthGradient(field, full);
    const b = eastNorthGradient(field, masked);
    expect(Buffer.from(b.dE.buffer, b.dE.byteOffset, b.dE.byteLength).equals(Buffer.from(a.dE.buffer, a.dE.byteOffset, a.dE.byteLength))).toBe(true);
    expect(Buffer.from(b.dN.buffer, b.dN.byteOffset, b.dN.byteLength).equals(Buffer.from(a.dN.buffer, a.dN.byteOffset, a.dN.byteLength))).toBe(true);
    expect(() => inverseJacobian(lat, lon, [lines, pixels], field.subarray(1))).toThrow(RangeError);
  });
});
