import { detrendLinear, detrendMean } from './detrend';
import { segmentStarts, validRuns } from './segments';
import { hannWindow, spectrumWindow, tukeyWindow } from './window';
import { columnsOffNadir } from './columns';

describe('windows (periodic, as scipy get_window)', () => {
  it('Hann', () => {
    expect(Array.from(hannWindow(4)).map(x => Math.round(x * 1e12) / 1e12)).toEqual([0, 0.5, 1, 0.5]);
  });

  it('Tukey(0.5): cosine tapers over a quarter of the length at each end', () => {
    // scipy.signal.windows.tukey(9, 0.5)[:-1] by the formula: width 2.
    expect(Array.from(tukeyWindow(8, 0.5)).map(x => Math.round(x * 1e12) / 1e12)).toEqual([0, 0.5, 1, 1, 1, 1, 1, 0.5]);
    expect(Array.from(tukeyWindow(5, 0))).toEqual([1, 1, 1, 1, 1]);
    const h = hannWindow(16);
    tukeyWindow(16, 1).forEach((x, j) => expect(x).toBeCloseTo(h[j], 14));
    expect(() => tukeyWindow(8, 2)).toThrow(RangeError);
  });

  it('none is a boxcar, unknown kinds are rejected', () => {
    expect(Array.from(spectrumWindow('none', 3))).toEqual([1, 1, 1]);
    expect(() => spectrumWindow('kaiser' as 'hann', 3)).toThrow(/unknown window/);
  });
});

describe('detrending', () => {
  it('removes the least-squares line or the mean', () => {
    expect(Array.from(detrendLinear(Float64Array.of(1, 3, 5, 7)))).toEqual([0, 0, 0, 0]);
    const x = detrendLinear(Float64Array.of(0, 1, 0, 1));
    expect(x.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 15);
    expect(x.reduce((s, v, j) => s + v * j, 0)).toBeCloseTo(0, 14);
    expect(Array.from(detrendMean(Float64Array.of(1, 2, 3)))).toEqual([-1, 0, 1]);
    expect(Array.from(detrendLinear(Float64Array.of(5)))).toEqual([0]);
    expect(detrendLinear(new Float64Array(0)).length).toBe(0);
  });
});

describe('segments', () => {
  it('split at every NaN and never span a gap', () => {
    const x = Float64Array.of(1, 2, 3, NaN, 4, 5, 6, 7, 8, NaN, NaN, 9);
    expect(validRuns(x, 0, 1, x.length)).toEqual([
      [0, 3],
      [4, 5],
      [11, 1]
    ]);
    expect(segmentStarts(validRuns(x, 0, 1, x.length), 2, 2)).toEqual([0, 4, 6]);
    expect(segmentStarts(validRuns(x, 0, 1, x.length), 2, 1)).toEqual([0, 1, 4, 5, 6, 7]);
    expect(validRuns(x, 1, 4, 3)).toEqual([[0, 2]]); // strided view x[1], x[5], x[9] = 2, 5, NaN
  });

  it('rejects non-positive lengths', () => {
    expect(() => segmentStarts([], 0, 1)).toThrow(RangeError);
  });
});

describe('columnsOffNadir', () => {
  it('selects the pixels 10-60 km from nadir on both sides of a SWOT swath', () => {
    const x = Float64Array.from({ length: 69 }, (_, j) => 2 * (j - 34));
    const cols = columnsOffNadir(x, 10, 60);
    expect(cols.length).toBe(52);
    expect(cols[0]).toBe(4);
    expect(cols[25]).toBe(29);
    expect(cols[26]).toBe(39);
    expect(cols[51]).toBe(64);
  });
});
