/**
 * Many products as one dataset: passes (files or zcollection partitions)
 * stacked along their line axis, in the order given (callers sort by time).
 * Members are opened by the caller; values are read lazily, member by member.
 */

import { concatenate, Hyperslab, NdArray, NumericArray } from './array';
import { DatasetInfo, DType, StorageFormat, VariableInfo } from './dataset';
import { UsageError } from './errors';
import { ProductId } from './product';
import { DatasetReader, requireVariable, resolveSlab } from './reader';

export interface CollectionMember {
  reader: DatasetReader;
  product?: ProductId;
}

export interface CollectionReader extends DatasetReader {
  readonly members: readonly CollectionMember[];
  /** First line (along the axis) of each member, and the total as last element. */
  readonly offsets: readonly number[];
  readonly axis: string;
}

const TYPED: Record<string, new (n: number) => NumericArray> = {
  int8: Int8Array,
  uint8: Uint8Array,
  int16: Int16Array,
  uint16: Uint16Array,
  int32: Int32Array,
  uint32: Uint32Array,
  int64: BigInt64Array,
  uint64: BigUint64Array,
  float32: Float32Array,
  float64: Float64Array
};

export function typedArrayFor(dtype: DType, length: number): NumericArray {
  return new (TYPED[dtype] ?? Float64Array)(length);
}

/** Line-wise cycle and pass numbers, added when members know them and the data lacks them. */
const MEMBER_COORDINATES = ['cycle_number', 'pass_number'] as const;

export function stackReaders(
  members: CollectionMember[],
  axis: string,
  source: string,
  format: StorageFormat
): CollectionReader {
  if (members.length === 0) {
    throw new UsageError(`${source}: no product to stack`);
  }
  const first = members[0].reader.info;
  if (first.dims[axis] === undefined) {
    throw new UsageError(`${source}: the first product has no dimension "${axis}" to stack along`);
  }
  const offsets = [0];
  for (const m of members) {
    offsets.push(offsets[offsets.length - 1] + (m.reader.info.dims[axis] ?? 0));
  }
  const total = offsets[offsets.length - 1];

  // A variable is kept if every member has it; dims other than the axis must agree.
  const variables: VariableInfo[] = [];
  for (const v of first.variables) {
    const k = v.dims.indexOf(axis);
    const same = members.every(m => {
      const other = m.reader.info.variables.find(o => o.name === v.name);
      return other !== undefined && other.dims.join() === v.dims.join() && other.shape.every((n, i) => i === k || n === v.shape[i]);
    });
    if (same) {
      variables.push({ ...v, shape: v.shape.map((n, i) => (i === k ? total : n)) });
    }
  }
  const virtual = new Map<string, (m: CollectionMember) => number | undefined>();
  for (const name of MEMBER_COORDINATES) {
    const key = name === 'cycle_number' ? 'cycle' : 'pass';
    if (!variables.some(v => v.name === name) && members.every(m => m.product?.[key] !== undefined)) {
      variables.push({
        name,
        dims: [axis],
        shape: [total],
        dtype: 'int16',
        attrs: { long_name: name === 'cycle_number' ? 'cycle number' : 'pass number', units: '1' }
      });
      virtual.set(name, m => m.product?.[key]);
    }
  }
  const dims: Record<string, number> = {};
  for (const v of variables) {
    v.dims.forEach((d, i) => (dims[d] = v.shape[i]));
  }
  const info: DatasetInfo = {
    source,
    format,
    path: '/',
    dims,
    variables,
    attrs: first.attrs,
    groups: []
  };

  return {
    info,
    members,
    offsets,
    axis,
    async readRaw(name: string, slab?: Hyperslab, signal?: AbortSignal): Promise<NdArray> {
      const variable = requireVariable(info, name);
      const ranges = resolveSlab(variable.shape, slab, `${source}: ${name}`);
      const k = variable.dims.indexOf(axis);
      if (k < 0) {
        return members[0].reader.readRaw(name, ranges, signal);
      }
      const [start, stop] = ranges[k];
      const parts: NdArray[] = [];
      for (let i = 0; i < members.length; i++) {
        const a = Math.max(start, offsets[i]);
        const b = Math.min(stop, offsets[i + 1]);
        if (a >= b) {
          continue;
        }
        const local = ranges.map((r, j) => (j === k ? ([a - offsets[i], b - offsets[i]] as [number, number]) : r));
        const value = virtual.get(name);
        if (value) {
          const data = typedArrayFor(variable.dtype, b - a);
          data.fill(value(members[i]) as never);
          parts.push({ data, shape: [b - a] });
        } else {
          parts.push(await members[i].reader.readRaw(name, local, signal));
        }
      }
      if (parts.length === 0) {
        const shape = ranges.map(([a, b]) => b - a);
        return { data: typedArrayFor(variable.dtype, 0), shape };
      }
      return concatenate(parts, k);
    },
    close() {
      members.forEach(m => m.reader.close());
    }
  };
}
