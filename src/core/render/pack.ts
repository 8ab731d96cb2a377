/**
 * Compact arrays for the kernel -> browser payload: every array of a payload
 * goes into one byte blob (each array byte-shuffled in its own 8-byte
 * aligned slot), deflated once when the sender can deflate, then base64.
 * Values are quantised to int16 with a scale where that loses nothing
 * visible. Never JSON number lists.
 */
import { fromBase64, toBase64 } from './base64';
import { finiteRange, percentiles } from './percentile';

export type PackedDType = 'int16' | 'float32' | 'float64';

/** One array of a payload: where it sits in the blob. int16 decodes as `q * scale + add`, -32768 = NaN. */
export interface PackedArray {
  dtype: PackedDType;
  length: number;
  /** Byte offset in the (inflated) blob. */
  at: number;
  scale?: number;
  add?: number;
  /**
   * int16 stored as differences (modulo 2^16) from the element `delta`
   * places before (from the previous one in the first `delta` elements):
   * with delta = pixels per line, swath coordinates deflate to a fraction of a byte.
   */
  delta?: number;
}

/** The bytes of every array of a payload. */
export interface PackedBlob {
  /** base64 of the (deflated) bytes. */
  data: string;
  /** 'deflate': a zlib stream. */
  codec?: 'deflate';
  /** Length of the inflated bytes. */
  bytes: number;
}

/** Compresses bytes into a zlib stream (Node: zlib.deflateSync). */
export type Deflate = (bytes: Uint8Array) => Uint8Array;
/** Decompresses a zlib stream (browser: DecompressionStream('deflate'); Node: zlib.inflateSync). */
export type Inflate = (bytes: Uint8Array) => Promise<Uint8Array> | Uint8Array;

export const INT16_FILL = -32768;
const INT16_MAX = 32767;
const WIDTH: Record<PackedDType, number> = { int16: 2, float32: 4, float64: 8 };

/** Group byte k of every element together: deflate then sees slowly varying high bytes. */
function shuffleInto(src: Uint8Array, width: number, out: Uint8Array, at: number): void {
  const n = src.length / width;
  for (let k = 0; k < width; k++) {
    const base = at + k * n;
    for (let i = 0; i < n; i++) {
      out[base + i] = src[i * width + k];
    }
  }
}

function unshuffle(bytes: Uint8Array, at: number, n: number, width: number): Uint8Array {
  const out = new Uint8Array(n * width);
  for (let k = 0; k < width; k++) {
    const base = at + k * n;
    for (let i = 0; i < n; i++) {
      out[i * width + k] = bytes[base + i];
    }
  }
  return out;
}

/** Quantise to int16 over [min, max]: a step of (max - min) / 65534. NaN -> -32768. */
function quantise(values: ArrayLike<number>, range: [number, number]): { q: Int16Array; scale: number; add: number } {
  const [min, max] = range;
  const add = Number.isNaN(min) ? 0 : (min + max) / 2;
  const scale = Number.isNaN(min) || max === min ? 1 : (max - min) / (2 * (INT16_MAX - 1));
  const q = new Int16Array(values.length);
  const inv = 1 / scale;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    q[i] = x - x === 0 ? Math.max(-INT16_MAX, Math.min(INT16_MAX, Math.round((x - add) * inv))) : INT16_FILL;
  }
  return { q, scale, add };
}

/** Collects a payload's arrays, then produces its blob. */
export class Packer {
  private readonly parts: Array<{ bytes: Uint8Array; width: number; at: number }> = [];
  private size = 0;

  private push(array: Int16Array | Float32Array | Float64Array, dtype: PackedDType): PackedArray {
    const at = this.size;
    this.parts.push({ bytes: new Uint8Array(array.buffer, array.byteOffset, array.byteLength), width: WIDTH[dtype], at });
    this.size += Math.ceil(array.byteLength / 8) * 8;
    return { dtype, length: array.length, at };
  }

  /**
   * int16 over [min, max] of the finite values (or the given range);
   * `delta` > 0: stored as differences `delta` elements apart (exact, modulo 2^16).
   */
  int16(values: ArrayLike<number>, range?: [number, number], delta = 0): PackedArray {
    const { q, scale, add } = quantise(values, range ?? finiteRange(values));
    if (delta > 0) {
      for (let i = q.length - 1; i >= delta; i--) {
        q[i] = q[i] - q[i - delta];
      }
      for (let i = Math.min(delta, q.length) - 1; i > 0; i--) {
        q[i] = q[i] - q[i - 1];
      }
      return { ...this.push(q, 'int16'), scale, add, delta };
    }
    return { ...this.push(q, 'int16'), scale, add };
  }

  float32(values: ArrayLike<number>): PackedArray {
    return this.push(values instanceof Float32Array ? values : Float32Array.from(values), 'float32');
  }

  float64(values: ArrayLike<number>): PackedArray {
    return this.push(values instanceof Float64Array ? values : Float64Array.from(values), 'float64');
  }

  /**
   * Values of a field: int16 when the quantisation step stays below 1/2000
   * of the 1-99 percentile spread (what a colour map can show), float32
   * otherwise (outliers far outside the bulk of the values).
   */
  values(values: ArrayLike<number>): PackedArray {
    const [min, max] = finiteRange(values);
    if (Number.isNaN(min)) {
      return this.int16(values, [0, 0]);
    }
    const [p1, p99] = percentiles(values, [1, 99]);
    const step = (max - min) / 65534;
    return step > 0 && step * 2000 > p99 - p1 ? this.float32(values) : this.int16(values, [min, max]);
  }

  /** The blob: shuffled arrays, deflated when `deflate` is given, base64. */
  finish(deflate?: Deflate): PackedBlob {
    let bytes: Uint8Array = new Uint8Array(this.size);
    for (const p of this.parts) {
      shuffleInto(p.bytes, p.width, bytes, p.at);
    }
    const raw = bytes.length;
    if (deflate) {
      bytes = deflate(bytes);
    }
    return { data: toBase64(bytes), ...(deflate ? { codec: 'deflate' as const } : {}), bytes: raw };
  }
}

/**
 * The inflated bytes of a blob.
 *
 * @throws RangeError when the blob is deflated and no inflate is given, or its size is wrong
 */
export async function openBlob(blob: PackedBlob, inflate?: Inflate): Promise<Uint8Array> {
  let bytes = fromBase64(blob.data);
  if (blob.codec === 'deflate') {
    if (!inflate) {
      throw new RangeError('a deflated payload needs an inflate function');
    }
    bytes = await inflate(bytes);
  }
  if (bytes.length !== blob.bytes) {
    throw new RangeError(`payload blob: ${bytes.length} bytes, expected ${blob.bytes}`);
  }
  return bytes;
}

/**
 * One array of an opened blob: Float32Array (int16 dequantised, NaN for the
 * fill; float32) or Float64Array (float64).
 *
 * @throws RangeError when the array does not fit in the blob
 */
export function unpack(bytes: Uint8Array, a: PackedArray): Float32Array | Float64Array {
  const width = WIDTH[a.dtype];
  if (width === undefined || !(a.at >= 0) || a.at + a.length * width > bytes.length) {
    throw new RangeError(`packed ${String(a.dtype)} array of ${a.length} at ${a.at} outside the ${bytes.length}-byte blob`);
  }
  const raw = unshuffle(bytes, a.at, a.length, width);
  if (a.dtype === 'float64') {
    return new Float64Array(raw.buffer, 0, a.length);
  }
  if (a.dtype === 'float32') {
    return new Float32Array(raw.buffer, 0, a.length);
  }
  const q = new Int16Array(raw.buffer, 0, a.length);
  const d = a.delta ?? 0;
  if (d > 0) {
    for (let i = 1; i < Math.min(d, q.length); i++) {
      q[i] = q[i] + q[i - 1];
    }
    for (let i = d; i < q.length; i++) {
      q[i] = q[i] + q[i - d];
    }
  }
  const out = new Float32Array(a.length);
  const scale = a.scale ?? 1;
  const add = a.add ?? 0;
  for (let i = 0; i < q.length; i++) {
    const v = q[i];
    out[i] = v === INT16_FILL ? NaN : v * scale + add;
  }
  return out;
}
