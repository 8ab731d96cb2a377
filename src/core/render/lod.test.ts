import { lodFactor, reduceGrid, reduceSwath } from './lod';

describe('level of detail', () => {
  it('picks the factor that brings the points under the limit', () => {
    expect(lodFactor(680_340, 2_000_000)).toBe(1);
    expect(lodFactor(37_862_400, 2_000_000)).toBe(5);
    expect(() => lodFactor(10, 0)).toThrow(RangeError);
  });

  it('averages factor x factor blocks, ignoring NaN, partial blocks at the ends', () => {
    const value = [1, 2, 3, 3, 4, NaN, 5, 6, 7];
    const r = reduceSwath({ lines: 3, pixels: 3, lon: [10, 11, 12, 10, 11, 12, 10, 11, 12], lat: [0, 0, 0, 1, 1, 1, 2, 2, 2], value }, 2);
    expect(r.lines).toBe(2);
    expect(r.pixels).toBe(2);
    expect(Array.from(r.value)).toEqual([2.5, 3, 5.5, 7]);
    expect(Array.from(r.lon)).toEqual([10.5, 12, 10.5, 12]);
    expect(Array.from(r.lat)).toEqual([0.5, 0.5, 2, 2]);
  });

  it('averages longitudes across the 0/360 seam without smearing', () => {
    const r = reduceSwath({ lines: 1, pixels: 2, lon: [359.5, 0.5], lat: [0, 0], value: [1, 1] }, 2);
    expect(((r.lon[0] % 360) + 360) % 360).toBeCloseTo(0, 9);
  });

  it('keeps a block without values but with coordinates (its neighbours need them)', () => {
    const r = reduceSwath({ lines: 2, pixels: 2, lon: [1, 2, 1, 2], lat: [0, 0, 1, 1], value: [NaN, NaN, NaN, NaN] }, 2);
    expect(r.value[0]).toBeNaN();
    expect(r.lon[0]).toBe(1.5);
  });

  it('reduces grids, unwrapping longitudes across the dateline', () => {
    const g = reduceGrid([179, -179, -177, -175], [0, 1], [1, 2, 3, 4, 5, 6, 7, 8], 2);
    expect(Array.from(g.lon)).toEqual([180, -176]);
    expect(Array.from(g.lat)).toEqual([0.5]);
    expect(Array.from(g.value)).toEqual([3.5, 5.5]);
  });
});
