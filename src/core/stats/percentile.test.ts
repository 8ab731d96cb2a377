import { nanPercentile, nanPercentiles, sortedPercentile } from './percentile';

describe('nanPercentile (numpy linear method)', () => {
  it('interpolates between order statistics like numpy.nanpercentile', () => {
    // Values from numpy 2.4: np.nanpercentile([1, 2, 3, 4, nan], [0, 5, 25, 50, 75, 95, 100])
    expect(Array.from(nanPercentiles([1, 2, 3, 4, NaN], [0, 5, 25, 50, 75, 95, 100]))).toEqual([
      1, 1.15, 1.75, 2.5, 3.25, 3.8499999999999996, 4
    ]);
    // np.nanpercentile([10, nan, 0, 5], 30) == 3.0; unsorted input.
    expect(nanPercentile([10, NaN, 0, 5], 30)).toBe(3);
    expect(nanPercentile([7], 42)).toBe(7);
  });

  it('uses numpy two-sided lerp (exact endpoints, symmetric rounding)', () => {
    // np.nanpercentile([0.02834747652200631, 0.0938595867742349], 95) == 0.09058398126162347 = b - (b - a)(1 - t),
    // while a + (b - a) t gives 0.09058398126162345.
    expect(nanPercentile([0.0938595867742349, 0.02834747652200631], 95)).toBe(0.09058398126162347);
    expect(sortedPercentile([0, 1, 2], 100)).toBe(2);
  });

  it('gives NaN for empty and all-NaN input, and rejects percentiles outside [0, 100]', () => {
    expect(nanPercentile([], 50)).toBeNaN();
    expect(nanPercentile([NaN], 50)).toBeNaN();
    expect(() => nanPercentile([1], 101)).toThrow(RangeError);
    expect(() => nanPercentile([1], NaN)).toThrow(/\[0, 100\]/);
  });
});
