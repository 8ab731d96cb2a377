import { cfDecode } from './cf';
import { addRawValues, addValues, blockLength, streamingMean } from './stream';
import { memoryReader } from '../testing/memory-reader';

describe('streaming reductions', () => {
  const attrs = { scale_factor: 1e-4, add_offset: 0.5, _FillValue: -2147483647 };
  const raw = Int32Array.from({ length: 10007 }, (_, i) => (i % 17 === 0 ? -2147483647 : (i * 7919) % 40000 - 20000));

  it('sums raw values like the decoded ones (mask, scale, offset), without decoding', () => {
    const zero = { count: 0, sum: 0, compensation: 0 };
    const fused = addRawValues(zero, raw, attrs);
    const plain = addValues(zero, cfDecode(raw, attrs));
    expect(fused.count).toBe(plain.count);
    expect(fused.sum).toBeCloseTo(plain.sum, 8);
  });

  it('streams a mean block by block, chunk-aligned', async () => {
    const reader = memoryReader({ num_lines: 10007 }, { h: { dims: ['num_lines'], data: raw, attrs } });
    reader.info.variables[0].chunks = [1000];
    const { mean, count } = await streamingMean(reader, 'h');
    const decoded = Array.from(cfDecode(raw, attrs) as Float64Array).filter(x => !Number.isNaN(x));
    expect(count).toBe(decoded.length);
    expect(mean).toBeCloseTo(decoded.reduce((a, b) => a + b, 0) / decoded.length, 12);
    expect(blockLength([1000], 10007)).toBe(16000);
    expect(reader.reads).toEqual(['h[[0,10007]]']);
  });

  it('gives NaN and a zero count for all-missing data', async () => {
    const reader = memoryReader({ n: 3 }, { h: { dims: ['n'], data: Int32Array.of(-2147483647, -2147483647, -2147483647), attrs } });
    expect(await streamingMean(reader, 'h')).toEqual({ mean: NaN, count: 0 });
  });
});
