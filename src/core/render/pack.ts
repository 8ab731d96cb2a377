/**
 * Compact arrays for the kernel -> browser payload: typed arrays as base64,
 * quantised to int16 with a scale where that loses nothing visible, byte-
 * shuffled and deflated when the platform can deflate. Never JSON number lists.
 */
import { fromBase64, toBase64 } from './base64';
import { finiteRange, percentiles } from './percentile';

export type PackedDType = 'int16' | 'float32' | 'float64' | 'uint8';

/** One array in a payload. int16 decodes as `q * scale + offset`, -32768 = NaN. */
export interface PackedArray {
  dtype: PackedDType;
  length: number;
  /** base64 of the (shuffled, deflated) little-endian bytes. */
  data: string;
  /** 'deflate' (zlib stream) of the byte-shuffled bytes. */
  codec?: 'deflate';
  scale?: number;
  offset?: number;
}

/** Compresses bytes into a zlib stream (Node: zlib.deflateSync). */
export type Deflate = (bytes: Uint8Array) => Uint8Array;
/** Decompresses a zlib stream (browser: DecompressionStream('deflate'); Node: zlib.inflateSync). */
export type Inflate = (bytes: Uint8Array) => Promise<Uint8Array> | Uint8Array;

export const INT16_FILL = -32768;
const INT16_MAX = 32767;

/** Group byte k of every element together: deflate then sees slowly varying high bytes. */
function shuffle(bytes: Uint8Array, width: number): Uint8Array {
  if (width === 1) {
    return bytes;
  }
  const n = bytes.length / width;
  const out = new Uint8Array(bytes.length);
  for (let k = 0; k < width; k++) {
    const base = k * n;
    for (let i = 0; i < n; i++) {
      out[base + i] = bytes[i * width + k];
    }
  }
  return out;
}

function unshuffle(bytes: Uint8Array, width: number): Uint8Array {
  if (width === 1) {
    return bytes;
  }
  const n = bytes.length / width;
  const out = new Uint8Array(bytes.length);
  for (let k = 0; k < width; k++) {
    const base = k * n;
    for (let i = 0; i < n; i++) {
      out[i * width + k] = bytes[base + i];
    }
  }
  return out;
}

const WIDTH: Record<PackedDType, number> = { int16: 2, float32: 4, float64: 8, uint8: 1 };

function finish(array: Int16Array | Float32Array | Float64Array | Uint8Array, dtype: PackedDType, deflate?: Deflate): PackedArray {
  let bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  const out: PackedArray = { dtype, length: array.length, data: '' };
  if (deflate) {
    bytes = deflate(shuffle(bytes, WIDTH[dtype]));
    out.codec = 'deflate';
  }
  out.data = toBase64(bytes);
  return out;
}

/**
 * Quantise to int16 over [min, max] of the finite values: the step is
 * (max - min) / 65534, i.e. 1.5e-5 of the range. NaN -> -32768.
 */
export function packInt16(values: ArrayLike<number>, deflate?: Deflate, range?: [number, number]): PackedArray {
  const [min, max] = range ?? finiteRange(values);
  const offset = Number.isNaN(min) ? 0 : (min + max) / 2;
  const scale = Number.isNaN(min) || max === min ? 1 : (max - min) / (2 * (INT16_MAX - 1));
  const q = new Int16Array(values.length);
  const inv = 1 / scale;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    q[i] = x - x === 0 ? Math.max(-INT16_MAX, Math.min(INT16_MAX, Math.round((x - offset) * inv))) : INT16_FILL;
  }
  const out = finish(q, 'int16', deflate);
  out.scale = scale;
  out.offset = offset;
  return out;
}

export function packFloat32(values: ArrayLike<number>, deflate?: Deflate): PackedArray {
  return finish(values instanceof Float32Array ? values : Float32Array.from(values), 'float32', deflate);
}

export function packFloat64(values: ArrayLike<number>, deflate?: Deflate): PackedArray {
  return finish(values instanceof Float64Array ? values : Float64Array.from(values), 'float64', deflate);
}

export function packUint8(values: ArrayLike<number>, deflate?: Deflate): PackedArray {
  return finish(values instanceof Uint8Array ? values : Uint8Array.from(values), 'uint8', deflate);
}

/**
 * Values of a field: int16 when the quantisation step stays below 1/2000 of
 * the 1-99 percentile spread (what a colour map can show), float32 otherwise
 * (outliers far outside the bulk of the values).
 */
export function packValues(values: ArrayLike<number>, deflate?: Deflate): PackedArray {
  const [min, max] = finiteRange(values);
  if (Number.isNaN(min)) {
    return packInt16(values, deflate, [0, 0]);
  }
  const [p1, p99] = percentiles(values, [1, 99]);
  const step = (max - min) / 65534;
  if (step > 0 && step * 2000 > p99 - p1) {
    return packFloat32(values, deflate);
  }
  return packInt16(values, deflate, [min, max]);
}

/**
 * Decode a packed array to Float32Array (int16 dequantised, NaN for the
 * fill) or Float64Array (float64) or Uint8Array (uint8).
 *
 * @throws RangeError when the decoded byte count does not match `length`
 */
export async function unpack(packed: PackedArray, inflate?: Inflate): Promise<Float32Array | Float64Array | Uint8Array> {
  let bytes = fromBase64(packed.data);
  const width = WIDTH[packed.dtype];
  if (width === undefined) {
    throw new RangeError(`unknown packed dtype ${String(packed.dtype)}`);
  }
  if (packed.codec === 'deflate') {
    if (!inflate) {
      throw new RangeError('a deflated array needs an inflate function');
    }
    bytes = unshuffle(await inflate(bytes), width);
  }
  if (bytes.length !== packed.length * width) {
    throw new RangeError(`packed ${packed.dtype} array: ${bytes.length} bytes for ${packed.length} values`);
  }
  // Copy into an aligned buffer (base64 output may sit at any offset).
  const aligned = bytes.byteOffset % width === 0 ? bytes : bytes.slice();
  switch (packed.dtype) {
    case 'uint8':
      return aligned;
    case 'float64':
      return new Float64Array(aligned.buffer, aligned.byteOffset, packed.length);
    case 'float32':
      return new Float32Array(aligned.buffer, aligned.byteOffset, packed.length);
    default: {
      const q = new Int16Array(aligned.buffer, aligned.byteOffset, packed.length);
      const out = new Float32Array(packed.length);
      const scale = packed.scale ?? 1;
      const offset = packed.offset ?? 0;
      for (let i = 0; i < q.length; i++) {
        const v = q[i];
        out[i] = v === INT16_FILL ? NaN : v * scale + offset;
      }
      return out;
    }
  }
}

/** Bytes this array takes in the payload (its base64 text). */
export function packedBytes(packed: PackedArray): number {
  return packed.data.length;
}
