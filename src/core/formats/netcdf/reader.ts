/** netCDF4 reader over an h5wasm File (Node: a host path; browser: bytes in memory). */

import { Hyperslab, NdArray, NumericArray } from '../../array';
import { DatasetInfo } from '../../dataset';
import { DatasetReader, requireNumericVariable, resolveSlab } from '../../reader';
import { CorruptFileError, MissingVariableError } from '../../errors';
import { H5Attribute, H5Dataset, H5Group } from './h5-types';
import { readAttributes, readGroup } from './metadata';

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
  return netcdfReaderOver(file, { ...root, source, format: 'netcdf4' }, source, guard);
}

function netcdfReaderOver(file: H5File, info: DatasetInfo, source: string, guard: Hdf5Guard): DatasetReader {
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

/** Global attributes that identify one product file among others of the same kind. */
const IDENTITY_ATTRIBUTES = ['cycle_number', 'pass_number', 'short_name', 'time_coverage_start', 'time_coverage_end'];

/**
 * A reader for a file known to share `template`'s structure (the other passes
 * of a collection): only its dimension sizes and identity attributes are read
 * now, which makes opening thousands of files fast; each variable is checked
 * against the file when it is read.
 */
export function netcdfReaderLike(
  file: H5File,
  source: string,
  template: DatasetInfo,
  guard: Hdf5Guard = unguarded
): DatasetReader {
  const dims = guard('reading the dimensions', () => {
    const sizes: Record<string, number> = {};
    for (const dim of Object.keys(template.dims)) {
      const scale = file.get(`/${dim}`) as H5Dataset | null;
      sizes[dim] = scale?.shape?.[0] ?? template.dims[dim];
    }
    return sizes;
  });
  const attrs = guard('reading the global attributes', () => {
    const all = file.attrs;
    const wanted: Record<string, H5Attribute> = {};
    for (const name of IDENTITY_ATTRIBUTES) {
      if (all[name] !== undefined) {
        wanted[name] = all[name];
      }
    }
    return { ...template.attrs, ...readAttributes(wanted) };
  });
  const variables = template.variables.map(v => ({ ...v, shape: v.dims.map(d => dims[d] ?? v.shape[v.dims.indexOf(d)]) }));
  const info: DatasetInfo = { ...template, source, dims, attrs, variables, groups: [] };
  const full = netcdfReaderOver(file, info, source, guard);
  return {
    ...full,
    async readRaw(name: string, slab?: Hyperslab): Promise<NdArray> {
      const expected = requireNumericVariable(info, name);
      const actual = guard(`checking ${name}`, () => (file.get(name.startsWith('/') ? name : `/${name}`) as H5Dataset | null)?.shape);
      if (actual === undefined || actual === null) {
        throw new MissingVariableError(source, name, []);
      }
      if (actual.join() !== expected.shape.join()) {
        throw new CorruptFileError(source, `${name} has shape [${actual}] where [${expected.shape}] was expected from the other files`);
      }
      return full.readRaw(name, slab);
    }
  };
}
