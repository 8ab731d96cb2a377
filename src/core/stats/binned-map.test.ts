import { accumulateBins, binnedMap, binnedMapOf, createBinAccumulator } from './binned-map';

describe('binnedMap', () => {
  it('counts and averages the values of each lon/lat cell', () => {
    const lon = [0.5, 0.7, 1.5, 1.5, 0.2, NaN];
    const lat = [10.1, 10.9, 10.5, 11.5, 11.2, 10.5];
    const val = [1, 3, 5, NaN, 7, 100];
    const m = binnedMap(lon, lat, val, { lonMin: 0, lonMax: 2, latMin: 10, latMax: 12, lonStep: 1 });
    expect(m.shape).toEqual([2, 2]);
    expect(Array.from(m.lon)).toEqual([0.5, 1.5]);
    expect(Array.from(m.lat)).toEqual([10.5, 11.5]);
    expect(Array.from(m.count)).toEqual([2, 1, 1, 0]);
    expect(Array.from(m.mean)).toEqual([2, 5, 7, NaN]);
    expect(m.std[0]).toBe(1);
  });

  it('wraps data longitudes of any convention into a box across the dateline, centres in the user convention', () => {
    const grid = { lonMin: 179, lonMax: -179, latMin: 0, latMax: 1, lonStep: 1 };
    const m = binnedMap([179.5, -179.5, 180.5, 359, 0], [0.5, 0.5, 0.5, 0.5, 0.5], [1, 2, 4, 8, 16], grid);
    expect(Array.from(m.lon)).toEqual([179.5, 180.5]); // lonMin >= 0: [0, 360)
    expect(Array.from(m.count)).toEqual([1, 2]);
    expect(Array.from(m.mean)).toEqual([1, 3]);
    const w = binnedMap([179.5], [0.5], [1], { ...grid, convention: '[-180, 180)' });
    expect(Array.from(w.lon)).toEqual([179.5, -179.5]);
  });

  it('covers the whole circle and includes latMax in the last row', () => {
    const m = binnedMap([-180, 359.99, 0], [-90, 90, 0], [1, 2, 3], { lonMin: -180, lonMax: 180, latMin: -90, latMax: 90, lonStep: 90 });
    expect(m.shape).toEqual([2, 4]);
    expect(Array.from(m.lon)).toEqual([-135, -45, 45, 135]);
    expect(m.count[0]).toBe(1); // (-180, -90)
    expect(m.count[1 * 4 + 1]).toBe(1); // (359.99 = -0.01, 90)
    expect(m.count[1 * 4 + 2]).toBe(1); // (0, 0)
  });

  it('accumulates several passes into one map', () => {
    const grid = { lonMin: 0, lonMax: 1, latMin: 0, latMax: 1, lonStep: 1 };
    const acc = createBinAccumulator(grid);
    accumulateBins(acc, grid, [0.5], [0.5], [1]);
    accumulateBins(acc, grid, [0.5, 0.5], [0.5, 0.5], [2, 3]);
    const m = binnedMapOf(acc, grid);
    expect(m.mean[0]).toBe(2);
    expect(m.count[0]).toBe(3);
  });

  it('rejects invalid grids and mismatched lengths', () => {
    expect(() => binnedMap([0], [0], [0], { lonMin: 0, lonMax: 1, latMin: 1, latMax: 0, lonStep: 1 })).toThrow(RangeError);
    expect(() => binnedMap([0], [0], [0], { lonMin: 0, lonMax: 1, latMin: 0, latMax: 1, lonStep: 0 })).toThrow(RangeError);
    expect(() => binnedMap([0, 1], [0], [0], { lonMin: 0, lonMax: 1, latMin: 0, latMax: 1, lonStep: 1 })).toThrow(/2 longitudes/);
  });
});
