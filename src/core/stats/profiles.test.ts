import { createGroupedAccumulator, mergeGroupedAccumulators, summarizeGroups } from './grouped-accumulator';
import { accumulateCrossTrack, alongTrackProfile, crossTrackProfile } from './profiles';

describe('profiles', () => {
  // 3 lines x 4 pixels.
  const values = Float64Array.of(1, 2, NaN, 4, 3, NaN, NaN, 8, 5, 6, NaN, 12);

  it('along-track: statistics of each line over its pixels', () => {
    const p = alongTrackProfile(values, [3, 4]);
    expect(Array.from(p.count)).toEqual([3, 2, 3]);
    [7 / 3, 5.5, 23 / 3].forEach((m, i) => expect(p.mean[i]).toBeCloseTo(m, 14));
    expect(p.std[1]).toBe(2.5);
    expect(Array.from(p.min)).toEqual([1, 3, 5]);
    expect(Array.from(p.max)).toEqual([4, 8, 12]);
  });

  it('cross-track: statistics of each pixel over the lines, NaN where a pixel has no data', () => {
    const p = crossTrackProfile(values, [3, 4]);
    expect(Array.from(p.count)).toEqual([3, 2, 0, 3]);
    expect(Array.from(p.mean)).toEqual([3, 4, NaN, 8]);
    expect(p.std[0]).toBeCloseTo(Math.sqrt(8 / 3), 14);
    expect(p.rms[1]).toBeCloseTo(Math.sqrt(20), 14);
    expect([p.std[2], p.rms[2], p.min[2], p.max[2]]).toEqual([NaN, NaN, NaN, NaN]);
  });

  it('accumulates passes and merges accumulators like one pass over all lines', () => {
    const all = crossTrackProfile(values, [3, 4]);
    const a = accumulateCrossTrack(createGroupedAccumulator(4), values.subarray(0, 4), [1, 4]);
    const b = accumulateCrossTrack(createGroupedAccumulator(4), values.subarray(4), [2, 4]);
    const merged = summarizeGroups(mergeGroupedAccumulators(a, b));
    expect(Array.from(merged.count)).toEqual(Array.from(all.count));
    expect(merged.mean[2]).toBeNaN();
    for (const j of [0, 1, 3]) {
      expect(merged.mean[j]).toBeCloseTo(all.mean[j], 14);
      expect(merged.std[j]).toBeCloseTo(all.std[j], 14);
    }
  });

  it('rejects mismatched shapes', () => {
    expect(() => crossTrackProfile(values, [4, 4])).toThrow(RangeError);
    expect(() => accumulateCrossTrack(createGroupedAccumulator(3), values, [3, 4])).toThrow(/3 groups for 4 pixels/);
  });
});
