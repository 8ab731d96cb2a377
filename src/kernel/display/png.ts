/**
 * A small PNG encoder (RGBA or RGB, 8 bits, no interlace) over node:zlib:
 * signature, IHDR, one IDAT, IEND, each chunk with its CRC-32 (PNG
 * specification, W3C REC-PNG 2003). Rows are filtered with "Sub" or "Up",
 * whichever has the smaller sum of absolute differences (the usual
 * heuristic of the specification's section 12.8, restricted to two filters).
 */
import { deflateSync } from 'node:zlib';

const SIGNATURE = Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) {
      c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array, start = 0xffffffff): number {
  let c = start;
  for (let i = 0; i < bytes.length; i++) {
    c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  }
  return c;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, (crc32(out.subarray(4, 8 + data.length)) ^ 0xffffffff) >>> 0);
  return out;
}

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/**
 * Encode an RGBA image as PNG. Fully opaque images are written as RGB.
 *
 * @example
 * writeFileSync('map.png', encodePng({ width, height, data: rgba }));
 * @throws RangeError when data.length is not width * height * 4
 */
export function encodePng(image: RgbaImage, level = 6): Uint8Array {
  const { width, height, data } = image;
  if (!(width > 0 && height > 0) || data.length !== width * height * 4) {
    throw new RangeError(`PNG: ${data.length} bytes for ${width} x ${height} RGBA`);
  }
  let opaque = true;
  for (let p = 3; p < data.length && opaque; p += 4) opaque = data[p] === 255;
  const channels = opaque ? 3 : 4;
  const stride = width * channels;
  const raw = new Uint8Array((stride + 1) * height);
  const row = new Uint8Array(stride);
  const prev = new Uint8Array(stride);
  for (let j = 0; j < height; j++) {
    for (let i = 0, s = j * width * 4, o = 0; i < width; i++, s += 4) {
      row[o++] = data[s];
      row[o++] = data[s + 1];
      row[o++] = data[s + 2];
      if (channels === 4) row[o++] = data[s + 3];
    }
    let sumSub = 0;
    let sumUp = 0;
    for (let x = 0; x < stride; x++) {
      const sub = (row[x] - (x >= channels ? row[x - channels] : 0)) & 0xff;
      const up = (row[x] - prev[x]) & 0xff;
      sumSub += sub < 128 ? sub : 256 - sub;
      sumUp += up < 128 ? up : 256 - up;
    }
    const base = j * (stride + 1);
    const useUp = j > 0 && sumUp < sumSub;
    raw[base] = useUp ? 2 : 1;
    for (let x = 0; x < stride; x++) {
      raw[base + 1 + x] = useUp ? row[x] - prev[x] : row[x] - (x >= channels ? row[x - channels] : 0);
    }
    prev.set(row);
  }
  const header = new Uint8Array(13);
  const hv = new DataView(header.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  header[8] = 8; // bit depth
  header[9] = opaque ? 2 : 6; // colour type: RGB or RGBA
  const parts = [SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level })), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
