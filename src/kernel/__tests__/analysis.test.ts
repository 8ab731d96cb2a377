/** Spectra and binned maps through the kernel library, on the sample data. */
import { join, resolve } from 'node:path';
import { open } from '../open';
import { spectrum } from '../spectrum';
import { meanMap } from '../maps';

const STORE = resolve(__dirname, '../../../data/sample/zarr/L3_LR_SSH_Expert.zarr');

describe('along-track spectrum', () => {
  it('of the KaRIn noise is white at the level 2 var dx, and passes are never spliced', async () => {
    const ds = await open(STORE);
    const sel = await ds.select({ variables: ['ssha_unfiltered', 'ssha_filtered'], cycles: 24, passes: [70, 165] });
    const a = sel.get('ssha_unfiltered').data as Float64Array;
    const b = sel.get('ssha_filtered').data as Float64Array;
    const noise = { ...sel, variables: [...sel.variables, { ...sel.get('ssha_unfiltered'), name: 'noise', data: a.map((x, i) => x - b[i]) }] };
    const both = await spectrum(noise, 'noise', { segmentLength: 256 });
    // Variance of the noise in the columns used (10-60 km off nadir on the 2 km grid).
    const pixels = 69;
    let sum = 0;
    let n = 0;
    const data = noise.variables[noise.variables.length - 1].data as Float64Array;
    for (let i = 0; i < data.length; i++) {
      const km = Math.abs((i % pixels) - 34) * 2;
      if (km >= 10 && km <= 60 && !Number.isNaN(data[i])) {
        sum += data[i] * data[i];
        n++;
      }
    }
    const level = 2 * (sum / n) * 2;
    const high = Array.from(both.psd).slice(10, -1);
    const mean = high.reduce((x, y) => x + y, 0) / high.length;
    expect(mean / level).toBeGreaterThan(0.85);
    expect(mean / level).toBeLessThan(1.15);
    // Two passes: the segments are the sum of each pass's own.
    const one = await spectrum({ ...noise }, 'noise', { segmentLength: 256 });
    expect(one.segments).toBe(both.segments);
    const first = await spectrum(ds, 'ssha_unfiltered', { segmentLength: 256, query: { cycles: 24, passes: 70 } });
    const second = await spectrum(ds, 'ssha_unfiltered', { segmentLength: 256, query: { cycles: 24, passes: 165 } });
    expect(both.segments).toBe(first.segments + second.segments);
    expect(both.wavenumber[both.wavenumber.length - 1]).toBeCloseTo(0.25, 12);
    ds.close();
  }, 60000);
});

describe('binned maps over many passes', () => {
  it('counts and averages every valid value in its cell, streamed', async () => {
    const ds = await open(STORE);
    const grid = { lonMin: 280, lonMax: 310, latMin: 25, latMax: 45, lonStep: 1 };
    const map = await meanMap(ds, 'ssha_filtered', grid);
    const all = await ds.select({ variables: ['ssha_filtered'], bbox: [280, 25, 310, 45] });
    const lat = all.get('latitude').data as Float64Array;
    const lon = all.get('longitude').data as Float64Array;
    const h = all.get('ssha_filtered').data as Float64Array;
    let count = 0;
    let cellSum = 0;
    let cellCount = 0;
    for (let i = 0; i < h.length; i++) {
      if (Number.isNaN(h[i]) || lat[i] < 25 || lat[i] >= 45 || lon[i] < 280 || lon[i] >= 310) continue;
      count++;
      if (Math.floor(lat[i] - 25) === 10 && Math.floor(lon[i] - 280) === 14) {
        cellSum += h[i];
        cellCount++;
      }
    }
    const total = Array.from(map.count).reduce((x, y) => x + y, 0);
    expect(total).toBe(count);
    expect(map.shape).toEqual([20, 30]);
    expect(map.count[10 * 30 + 14]).toBe(cellCount);
    expect(map.mean[10 * 30 + 14]).toBeCloseTo(cellSum / cellCount, 12);
    ds.close();
  }, 60000);

  it('gives the same map from two worker threads (partial maps merged)', async () => {
    const grid = { lonMin: 280, lonMax: 310, latMin: 25, latMax: 45, lonStep: 1 };
    const one = await meanMap(await open(STORE), 'ssha_filtered', grid, { workers: 1 });
    const two = await meanMap(await open(STORE), 'ssha_filtered', grid, { workers: 2 });
    expect(Array.from(two.count)).toEqual(Array.from(one.count));
    for (let i = 0; i < one.mean.length; i++) {
      if (one.count[i] > 0) {
        expect(Math.abs(two.mean[i] - one.mean[i])).toBeLessThan(1e-12);
        expect(Math.abs(two.std[i] - one.std[i])).toBeLessThan(1e-9);
      }
    }
  }, 60000);
});
