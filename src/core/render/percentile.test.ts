import { colorLimits, finiteRange, percentiles } from './percentile';

describe('percentiles', () => {
  it('interpolates linearly between order statistics (numpy default)', () => {
    const x = [4, 1, 3, 2, 5];
    expect(percentiles(x, [0, 50, 100, 25])).toEqual([1, 3, 5, 2]);
    expect(percentiles([1, 2, 3, 4], [50])[0]).toBeCloseTo(2.5);
    expect(percentiles([0, 10], [5, 95])).toEqual([0.5, 9.5]);
  });

  it('ignores NaN and infinities', () => {
    expect(percentiles([NaN, 1, Infinity, 3, -Infinity, 2], [0, 100])).toEqual([1, 3]);
  });

  it('returns NaN when no value is finite', () => {
    expect(percentiles([NaN, NaN], [5, 95]).every(Number.isNaN)).toBe(true);
    expect(percentiles([], [50])[0]).toBeNaN();
  });

  it('rejects percentiles outside 0-100', () => {
    expect(() => percentiles([1], [101])).toThrow(RangeError);
    expect(() => percentiles([1], [-1])).toThrow(RangeError);
  });

  it('handles large arrays by sampling, close to the exact answer', () => {
    const n = 3_000_000;
    const x = new Float32Array(n);
    for (let i = 0; i < n; i++) x[i] = i / n;
    const [p5, p95] = percentiles(x, [5, 95]);
    expect(p5).toBeCloseTo(0.05, 3);
    expect(p95).toBeCloseTo(0.95, 3);
  });
});

describe('finiteRange', () => {
  it('skips NaN and infinities', () => {
    expect(finiteRange([NaN, -2, Infinity, 7])).toEqual([-2, 7]);
    expect(finiteRange([NaN]).every(Number.isNaN)).toBe(true);
  });
});

describe('colorLimits', () => {
  const values = Array.from({ length: 101 }, (_, i) => i - 30);

  it('defaults to the 5-95 percentiles', () => {
    expect(colorLimits(values)).toEqual([-25, 65]);
  });

  it('takes fixed limits as given, and rejects bad ones', () => {
    expect(colorLimits(values, [-0.2, 0.2])).toEqual([-0.2, 0.2]);
    expect(() => colorLimits(values, [1, 1])).toThrow(RangeError);
    expect(() => colorLimits(values, [NaN, 1])).toThrow(RangeError);
  });

  it('makes limits symmetric around 0 on request', () => {
    expect(colorLimits(values, { percentile: [5, 95] }, true)).toEqual([-65, 65]);
  });

  it('widens a degenerate range and copes with no finite value', () => {
    const [lo, hi] = colorLimits([2, 2, 2]);
    expect(lo).toBeLessThan(2);
    expect(hi).toBeGreaterThan(2);
    expect(colorLimits([NaN])).toEqual([0, 1]);
  });
});
