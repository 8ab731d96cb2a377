import { deflateSync, inflateSync } from 'node:zlib';
import { openBlob, Packer, unpack } from './pack';

const deflate = (b: Uint8Array) => new Uint8Array(deflateSync(b));
const inflate = (b: Uint8Array) => new Uint8Array(inflateSync(b));

describe('Packer', () => {
  it('quantises to int16 within half a step, NaN kept', async () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => (i === 10 ? NaN : Math.sin(i) * 0.3));
    const packer = new Packer();
    const a = packer.int16(values);
    const blob = packer.finish(deflate);
    const out = unpack(await openBlob(blob, inflate), a);
    const step = 0.6 / 65534;
    expect(out[10]).toBeNaN();
    for (let i = 0; i < values.length; i++) {
      if (i !== 10) expect(Math.abs(out[i] - values[i])).toBeLessThanOrEqual(step / 2 + 1e-7);
    }
  });

  it('keeps float32 when outliers would eat the int16 precision', async () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => (i === 0 ? 1e6 : (i % 10) * 0.01));
    const packer = new Packer();
    const a = packer.values(values);
    expect(a.dtype).toBe('float32');
    const b = packer.values(values.subarray(1));
    expect(b.dtype).toBe('int16');
    const bytes = await openBlob(packer.finish(), undefined);
    expect(unpack(bytes, a)[5]).toBeCloseTo(0.05, 6);
    expect(unpack(bytes, b)[4]).toBeCloseTo(0.05, 4);
  });

  it('puts many arrays in one blob, float64 exact, with or without deflate', async () => {
    for (const d of [undefined, deflate]) {
      const packer = new Packer();
      const x = packer.float64([1.5, -2.25, 1e-12]);
      const y = packer.float32([3, 4]);
      const z = packer.int16([NaN, NaN]);
      const blob = packer.finish(d);
      expect(blob.codec).toBe(d ? 'deflate' : undefined);
      const bytes = await openBlob(blob, inflate);
      expect(Array.from(unpack(bytes, x))).toEqual([1.5, -2.25, 1e-12]);
      expect(Array.from(unpack(bytes, y))).toEqual([3, 4]);
      expect(Array.from(unpack(bytes, z)).every(Number.isNaN)).toBe(true);
    }
  });

  it('stores int16 as exact differences on request (modulo 2^16, fill values included)', async () => {
    const values = [0, 1, -1, NaN, 0.5, -0.75, 1, NaN, NaN, 0, 0.25];
    const packer = new Packer();
    const plain = packer.int16(values, [-1, 1]);
    const along = packer.int16(values, [-1, 1], 1);
    const lines = packer.int16(values, [-1, 1], 3);
    expect(lines.delta).toBe(3);
    const bytes = await openBlob(packer.finish(deflate), inflate);
    expect(Array.from(unpack(bytes, along))).toEqual(Array.from(unpack(bytes, plain)));
    expect(Array.from(unpack(bytes, lines))).toEqual(Array.from(unpack(bytes, plain)));
  });

  it('rejects a blob of the wrong size and an array outside the blob', async () => {
    const packer = new Packer();
    const a = packer.float32([1, 2, 3]);
    const blob = packer.finish();
    await expect(openBlob({ ...blob, bytes: blob.bytes + 8 })).rejects.toThrow(RangeError);
    await expect(openBlob({ ...blob, codec: 'deflate' })).rejects.toThrow(/inflate/);
    const bytes = await openBlob(blob);
    expect(() => unpack(bytes, { ...a, length: 1000 })).toThrow(RangeError);
  });
});
