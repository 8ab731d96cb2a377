import { computeDiagnostics, geostrophy } from './diagnostics';
import { DIAGNOSTIC_NAMES } from './metadata';
import { eddyHeight, syntheticSwath } from './__tests__/sphere';

const swath = syntheticSwath(35, 200, -20, 41);
const [lines, pixels] = swath.shape;
const eddy = { lat: swath.lat[20 * 69 + 50], lon: swath.lon[20 * 69 + 50], h0: -0.2, L: 50e3 };
const h = swath.lat.map((la, p) => eddyHeight(eddy, la, swath.lon[p]));
const base = { lat: swath.lat, lon: swath.lon, h, shape: swath.shape };

describe('computeDiagnostics: errors', () => {
  it('names a missing latitude or longitude', () => {
    expect(() => computeDiagnostics({ ...base, lat: undefined as unknown as number[] })).toThrow(new RangeError('computeDiagnostics: latitude (lat) is missing'));
    expect(() => computeDiagnostics({ ...base, lon: undefined as unknown as number[] })).toThrow(/longitude \(lon\) is missing/);
  });

  it('names the array that does not match the shape', () => {
    expect(() => computeDiagnostics({ ...base, h: h.subarray(1) })).toThrow(/h has 2828 values, shape \[41, 69\] needs 2829/);
    expect(() => computeDiagnostics({ ...base, lon: swath.lon.subarray(69) })).toThrow(
      /latitude has 2829 values and longitude 2760; shape \[41, 69\] needs 2829 each \(2-D swath\) or 41 latitudes and 69 longitudes \(1-D grid\)/
    );
    expect(() => computeDiagnostics({ ...base, shape: [41] })).toThrow(/shape must be/);
  });

  it('rejects unknown diagnostics and options out of range', () => {
    expect(() => computeDiagnostics({ ...base, what: ['u', 'divergence' as 'u'] })).toThrow(/unknown diagnostic 'divergence'/);
    expect(() => computeDiagnostics({ ...base, latMin: -1 })).toThrow(/latMin/);
    expect(() => computeDiagnostics({ ...base, equator: 'zero' as 'nan' })).toThrow(/equator/);
    expect(() => computeDiagnostics({ ...base, height: 'relative' as 'anomaly' })).toThrow(/height/);
  });
});

describe('computeDiagnostics: degenerate inputs', () => {
  const what = [...DIAGNOSTIC_NAMES];

  it('gives all-NaN outputs for all-NaN heights', () => {
    const d = computeDiagnostics({ ...base, h: new Float64Array(h.length).fill(NaN), what });
    for (const name of what) {
      expect(d[name].data.every(Number.isNaN)).toBe(true);
    }
  });

  it('gives all-NaN outputs for a swath of one line (no along-track derivative)', () => {
    const one = { lat: swath.lat.subarray(0, 69), lon: swath.lon.subarray(0, 69), h: h.subarray(0, 69), shape: [1, 69] };
    const d = computeDiagnostics({ ...one, what });
    for (const name of what) {
      expect(d[name].data.length).toBe(69);
      expect(d[name].data.every(Number.isNaN)).toBe(true);
    }
  });

  it('gives empty outputs for an empty swath', () => {
    const d = computeDiagnostics({ lat: [], lon: [], h: [], shape: [0, 69], what });
    expect(d.vorticity.data.length).toBe(0);
    expect(d.u.shape).toEqual([0, 69]);
  });
});

describe('computeDiagnostics: NaN reach', () => {
  const [i0, j0] = [20, 50];
  const holed = h.slice();
  holed[i0 * pixels + j0] = NaN;
  const what = ['u', 'v', 'vorticity', 'okubo_weiss'] as const;
  const clean = computeDiagnostics({ ...base, what });
  const hole = computeDiagnostics({ ...base, h: holed, what });

  it('changes u and v only on the line and the column of the NaN, within 4 steps', () => {
    for (const k of ['u', 'v'] as const) {
      for (let i = 0; i < lines; i++) {
        for (let j = 0; j < pixels; j++) {
          const p = i * pixels + j;
          const [di, dj] = [Math.abs(i - i0), Math.abs(j - j0)];
          const inCross = (di === 0 && dj <= 4) || (dj === 0 && di <= 4);
          if (di === 0 && dj === 0) {
            expect(Number.isNaN(hole[k].data[p])).toBe(true);
          } else if (!inCross) {
            expect(hole[k].data[p]).toBe(clean[k].data[p]);
          } else {
            expect(Number.isFinite(hole[k].data[p])).toBe(true);
          }
        }
      }
    }
  });

  it('changes vorticity and Okubo-Weiss only within 8 steps, and none of them become NaN but the hole', () => {
    for (const k of ['vorticity', 'okubo_weiss'] as const) {
      let nan = 0;
      for (let p = 0; p < h.length; p++) {
        const [di, dj] = [Math.abs(Math.floor(p / pixels) - i0), Math.abs((p % pixels) - j0)];
        if (Math.max(di, dj) > 8) {
          expect(hole[k].data[p]).toBe(clean[k].data[p]);
        }
        nan += Number(Number.isNaN(hole[k].data[p]));
      }
      expect(nan).toBe(1);
    }
  });
});

describe('computeDiagnostics: outputs and metadata', () => {
  it('computes u and v by default, named and described as anomaly velocities', () => {
    const d = computeDiagnostics({ ...base, heightSource: 'ssha_filtered' });
    expect(Object.keys(d).sort()).toEqual(['u', 'v']);
    expect(d.u.name).toBe('ugosa');
    expect(d.v.name).toBe('vgosa');
    expect(d.u.dims).toEqual(['num_lines', 'num_pixels']);
    expect(d.u.shape).toEqual([41, 69]);
    expect(d.u.encoding).toEqual({ dtype: 'float64' });
    expect(d.u.data).toBeInstanceOf(Float64Array);
    expect(d.u.attrs).toMatchObject({
      standard_name: 'surface_geostrophic_eastward_sea_water_velocity_assuming_mean_sea_level_for_geoid',
      units: 'm s-1',
      height_kind: 'anomaly',
      height_source: 'ssha_filtered'
    });
    expect(d.v.attrs.standard_name).toBe('surface_geostrophic_northward_sea_water_velocity_assuming_mean_sea_level_for_geoid');
    expect(d.u.attrs.equator_method).toBe('NaN where |lat| < 5 deg');
  });

  it('names absolute velocities ugos/vgos with the absolute standard names', () => {
    const d = geostrophy({ ...base, height: 'absolute', heightSource: 'ssha_filtered + mdt', dims: ['y', 'x'] });
    expect(d.u.name).toBe('ugos');
    expect(d.u.attrs.standard_name).toBe('surface_geostrophic_eastward_sea_water_velocity');
    expect(d.v.attrs.long_name).toBe('Absolute geostrophic velocity: northward component');
    expect(d.u.attrs.height_kind).toBe('absolute');
    expect(d.u.dims).toEqual(['y', 'x']);
  });

  it('reports vorticity and strains divided by f with units "1", W in s-2, ke in m2 s-2', () => {
    const d = computeDiagnostics({ ...base, what: ['vorticity', 'strain', 'normal_strain', 'shear_strain', 'okubo_weiss', 'ke', 'speed', 'u', 'v'] });
    for (const k of ['vorticity', 'strain', 'normal_strain', 'shear_strain'] as const) {
      expect(d[k].attrs.units).toBe('1');
      expect(d[k].attrs.long_name).toMatch(/normalised by the local Coriolis parameter f/);
      expect(d[k].attrs.standard_name).toBeUndefined();
    }
    expect(d.okubo_weiss.attrs.units).toBe('s-2');
    expect(d.ke.attrs.units).toBe('m2 s-2');
    for (let p = 0; p < h.length; p++) {
      const [u, v] = [d.u.data[p], d.v.data[p]];
      expect(d.ke.data[p]).toBeCloseTo((u * u + v * v) / 2, 15);
      expect(d.speed.data[p]).toBeCloseTo(Math.hypot(u, v), 12);
      expect(d.strain.data[p]).toBeCloseTo(Math.hypot(d.normal_strain.data[p], d.shear_strain.data[p]), 12);
    }
  });
});
