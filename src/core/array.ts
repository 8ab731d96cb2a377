/** Typed arrays as readers return them, and small helpers over them. */

export type NumericArray =
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array;

/** An n-dimensional array in C order. */
export interface NdArray<T extends NumericArray | string[] = NumericArray> {
  data: T;
  shape: number[];
}

/** Per dimension: [start, stop) or null for the whole axis. */
export type Hyperslab = Array<[number, number] | null>;

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

type TypedArrayConstructor = { new (length: number): NumericArray };

/** Concatenate C-order arrays along `axis` (all other dimensions equal). */
export function concatenate(parts: NdArray[], axis: number): NdArray {
  if (parts.length === 1) {
    return parts[0];
  }
  const first = parts[0];
  const shape = first.shape.slice();
  shape[axis] = parts.reduce((n, p) => n + p.shape[axis], 0);
  const Ctor = first.data.constructor as TypedArrayConstructor;
  const out = new Ctor(sizeOf(shape));
  // Blocks: product of dims before axis; each part contributes a contiguous run per block.
  const outer = sizeOf(shape.slice(0, axis));
  const inner = sizeOf(shape.slice(axis + 1));
  let offset = 0;
  for (let b = 0; b < outer; b++) {
    for (const part of parts) {
      const run = part.shape[axis] * inner;
      (out as unknown as { set(a: ArrayLike<number | bigint>, o: number): void }).set(
        (part.data as unknown as { subarray(a: number, b: number): ArrayLike<number | bigint> }).subarray(
          b * run,
          (b + 1) * run
        ),
        offset
      );
      offset += run;
    }
  }
  return { data: out, shape };
}

/** Empty array of the same kind with the given shape. */
export function emptyLike(data: NumericArray, shape: number[]): NdArray {
  const Ctor = data.constructor as TypedArrayConstructor;
  return { data: new Ctor(sizeOf(shape)), shape };
}
