import { inflateSync } from 'node:zlib';
import { crc32, encodePng } from './png';

/** Undo the PNG filters (Sub, Up) of the specification. */
function decode(png: Uint8Array): { width: number; height: number; channels: number; pixels: Uint8Array } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect(Array.from(png.subarray(0, 8))).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  let o = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Uint8Array[] = [];
  while (o < png.length) {
    const length = view.getUint32(o);
    const type = String.fromCharCode(...png.subarray(o + 4, o + 8));
    const data = png.subarray(o + 8, o + 8 + length);
    expect(view.getUint32(o + 8 + length)).toBe((crc32(png.subarray(o + 4, o + 8 + length)) ^ 0xffffffff) >>> 0);
    if (type === 'IHDR') {
      width = view.getUint32(o + 8);
      height = view.getUint32(o + 12);
      channels = data[9] === 6 ? 4 : 3;
    } else if (type === 'IDAT') {
      idat.push(data);
    }
    o += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let j = 0; j < height; j++) {
    const filter = raw[j * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[j * (stride + 1) + 1 + x];
      const left = x >= channels ? pixels[j * stride + x - channels] : 0;
      const up = j > 0 ? pixels[(j - 1) * stride + x] : 0;
      pixels[j * stride + x] = (v + (filter === 1 ? left : filter === 2 ? up : 0)) & 255;
    }
  }
  return { width, height, channels, pixels };
}

describe('encodePng', () => {
  it('round-trips RGBA pixels through the PNG filters and zlib', () => {
    const data = Uint8Array.from({ length: 7 * 5 * 4 }, (_, i) => (i * 37) & 255);
    const png = decode(encodePng({ width: 7, height: 5, data }));
    expect([png.width, png.height, png.channels]).toEqual([7, 5, 4]);
    expect(Array.from(png.pixels)).toEqual(Array.from(data));
  });

  it('writes opaque images as RGB', () => {
    const data = new Uint8Array(3 * 2 * 4).map((_, i) => (i % 4 === 3 ? 255 : i));
    const png = decode(encodePng({ width: 3, height: 2, data }));
    expect(png.channels).toBe(3);
    expect(Array.from(png.pixels)).toEqual(Array.from(data).filter((_, i) => i % 4 !== 3));
  });

  it('computes the standard CRC-32 and rejects a wrong buffer size', () => {
    expect((crc32(new TextEncoder().encode('IEND')) ^ 0xffffffff) >>> 0).toBe(0xae426082);
    expect(() => encodePng({ width: 2, height: 2, data: new Uint8Array(3) })).toThrow(RangeError);
  });
});
