import { accumulate, createAccumulator, mergeAccumulators, nanStats, summarize } from './accumulator';
import { nanMean } from './mean';
import { nanStd } from './variance';

function random(n: number, seed: number): Float64Array {
  let s = seed;
  return Float64Array.from({ length: n }, (_, i) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return i % 7 === 3 ? NaN : 100 + (s / 2147483648 - 0.5) * 3;
  });
}

describe('mergeable accumulator', () => {
  const data = random(10007, 11);

  it('gives the same statistics chunk by chunk as in one pass', () => {
    const one = nanStats(data);
    let acc = createAccumulator();
    for (let start = 0; start < data.length; start += 997) {
      acc = accumulate(acc, data.subarray(start, start + 997));
    }
    const chunked = summarize(acc);
    expect(chunked.count).toBe(one.count);
    expect(chunked.mean).toBeCloseTo(one.mean, 12);
    expect(chunked.std).toBeCloseTo(one.std, 12);
    expect(chunked.rms).toBeCloseTo(one.rms, 12);
    expect([chunked.min, chunked.max]).toEqual([one.min, one.max]);
    expect(one.mean).toBeCloseTo(nanMean(data), 12);
    expect(one.std).toBeCloseTo(nanStd(data), 12);
  });

  it('merges partial results from "workers" in any order and through JSON', () => {
    const parts = [0, 1, 2, 3].map(k => accumulate(createAccumulator(), data.subarray(k * 2500, (k + 1) * 2500 + (k === 3 ? 7 : 0))));
    const viaJson = parts.map(p => JSON.parse(JSON.stringify(p)));
    const a = summarize(viaJson.reduce(mergeAccumulators, createAccumulator()));
    const b = summarize(mergeAccumulators(mergeAccumulators(parts[3], parts[1]), mergeAccumulators(parts[0], parts[2])));
    const one = nanStats(data);
    for (const s of [a, b]) {
      expect(s.count).toBe(one.count);
      expect(s.mean).toBeCloseTo(one.mean, 12);
      expect(s.std).toBeCloseTo(one.std, 12);
    }
  });

  it('treats empty and all-NaN chunks as nothing, and summarizes an empty accumulator as NaN', () => {
    const acc = accumulate(accumulate(createAccumulator(), []), [NaN]);
    expect(acc.count).toBe(0);
    const s = summarize(acc);
    expect([s.count, s.mean, s.std, s.rms, s.min, s.max]).toEqual([0, NaN, NaN, NaN, NaN, NaN]);
    const one = accumulate(acc, [2, 4]);
    expect(summarize(one)).toEqual({ count: 2, mean: 3, variance: 1, std: 1, rms: Math.sqrt(10), min: 2, max: 4 });
    expect(summarize(one, 1).variance).toBe(2);
    expect(summarize(one, 2).std).toBeNaN();
  });

  it('is exact on a hand case', () => {
    const s = summarize(mergeAccumulators(accumulate(createAccumulator(), [2, 4, 4]), accumulate(createAccumulator(), [4, 5, 5, 7, 9])));
    expect(s.mean).toBe(5);
    expect(s.std).toBeCloseTo(2, 14);
  });
});
