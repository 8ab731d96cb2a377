import { nanCount } from './count';
import { nanMax, nanMin } from './extent';
import { nanMean, nanSumCount } from './mean';
import { nanRms } from './rms';
import { nanStd, nanVariance } from './variance';

describe('NaN-aware reductions', () => {
  const values = Float64Array.of(2, NaN, 4, 4, NaN, 4, 5, 5, 7, 9);

  it('count the non-NaN values', () => {
    expect(nanCount(values)).toBe(8);
    expect(nanCount([Infinity, -Infinity, NaN])).toBe(2);
  });

  it('mean, population std (ddof 0) and sample std (ddof 1) as computed by hand', () => {
    // 2 4 4 4 5 5 7 9: sum 40, mean 5, squared deviations 9 1 1 1 0 0 4 16 = 32.
    expect(nanMean(values)).toBe(5);
    expect(nanVariance(values)).toBe(4);
    expect(nanStd(values)).toBe(2);
    expect(nanVariance(values, 1)).toBeCloseTo(32 / 7, 15);
  });

  it('rms, min and max', () => {
    // squares 4 16 16 16 25 25 49 81 = 232; 232 / 8 = 29.
    expect(nanRms(values)).toBe(Math.sqrt(29));
    expect(nanMin(values)).toBe(2);
    expect(nanMax(values)).toBe(9);
    expect(nanMin([NaN, -Infinity])).toBe(-Infinity);
  });

  it('give NaN for empty and all-NaN input (count 0)', () => {
    for (const input of [[], [NaN, NaN]]) {
      expect(nanCount(input)).toBe(0);
      for (const f of [nanMean, nanStd, nanRms, nanMin, nanMax]) {
        expect(f(input)).toBeNaN();
      }
    }
    expect(nanStd([3], 1)).toBeNaN();
    expect(nanStd([3])).toBe(0);
  });

  it('stay accurate with a large offset (compensated mean, two-pass variance)', () => {
    const shifted = Float64Array.from({ length: 1001 }, (_, i) => 1e9 + (i % 2 === 0 ? 0.1 : -0.1));
    // x - 1e9 is exact (Sterbenz), so the statistics of the small offsets are the reference.
    const offsets = shifted.map(x => x - 1e9);
    expect(nanMean(shifted) - 1e9).toBeCloseTo(nanMean(offsets), 6);
    expect(nanStd(shifted)).toBeCloseTo(nanStd(offsets), 12);
  });

  it('sum with compensation (Neumaier)', () => {
    expect(nanSumCount([1e16, 1, -1e16, NaN])).toEqual({ sum: 1, count: 3 });
  });

  it('accept integer typed arrays', () => {
    expect(nanMean(Int16Array.of(1, 2, 3, 6))).toBe(3);
  });
});
