/** netCDF4 reader over an h5wasm File (Node: a host path; browser: bytes in memory). */

import { Hyperslab, NdArray, NumericArray } from '../../array';
import { DatasetInfo } from '../../dataset';
import { DatasetReader, requireNumericVariable, resolveSlab } from '../../reader';
import { H5Dataset, H5Group } from './h5-types';
import { readGroup } from './metadata';

/** Runs a synchronous HDF5 call; the kernel turns HDF5 diagnostics into typed errors there. */
export type Hdf5Guard = <T>(what: string, fn: () => T) => T;

const unguarded: Hdf5Guard = (_what, fn) => fn();

export interface H5File extends H5Group {
  close(): unknown;
}

interface SliceableDataset extends H5Dataset {
  slice(ranges: Array<[number, number]>): unknown;
  value: unknown;
}

export function netcdfReader(file: H5File, source: string, guard: Hdf5Guard = unguarded): DatasetReader {
  const root = guard('reading the structure', () => readGroup(file));
  const info: DatasetInfo = { ...root, source, format: 'netcdf4' };
  return {
    info,
    async readRaw(name: string, slab?: Hyperslab): Promise<NdArray> {
      const variable = requireNumericVariable(info, name);
      const ranges = resolveSlab(variable.shape, slab, `${source}: ${name}`);
      const shape = ranges.map(([a, b]) => b - a);
      if (shape.some(n => n === 0)) {
        return { data: new Float64Array(0), shape };
      }
      const data = guard(`reading ${name}`, () => {
        const ds = file.get(name.startsWith('/') ? name : `/${name}`) as SliceableDataset | null;
        if (ds === null) {
          throw new Error(`${name} vanished from the file`);
        }
        const whole = ranges.every(([a, b], i) => a === 0 && b === variable.shape[i]);
        return variable.shape.length === 0 || whole ? ds.value : ds.slice(ranges);
      });
      if (!ArrayBuffer.isView(data)) {
        const scalar = typeof data === 'bigint' ? Number(data) : Number(data);
        return { data: Float64Array.of(scalar), shape };
      }
      return { data: data as NumericArray, shape };
    },
    close() {
      guard('closing', () => file.close());
    }
  };
}
