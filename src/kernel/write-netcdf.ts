/**
 * netCDF4 writer on h5wasm, following the netCDF-4 format conventions so that
 * netCDF-C (and so xarray) read the file: one dimension scale per dimension
 * (a coordinate variable, or a pure dimension marked with netCDF-C's NAME),
 * scales attached to each variable's axes, deflate-compressed chunks.
 */
import { DecodedDataset, DType } from '../core';
import { encodeVariable } from './encode';
import { loadH5wasm } from './h5wasm-node';
import { hdf5Guard } from './open-netcdf';

const H5_DTYPES: Record<string, string> = {
  int8: '<b',
  uint8: '<B',
  int16: '<h',
  uint16: '<H',
  int32: '<i',
  uint32: '<I',
  int64: '<q',
  uint64: '<Q',
  float32: '<f',
  float64: '<d'
};

const PURE_DIMENSION = 'This is a netCDF dimension but not a netCDF variable.';

function chunkShape(shape: number[]): number[] {
  // ~1 MB chunks along the first axis, whole along the others.
  const inner = shape.slice(1).reduce((a, b) => a * b, 1);
  return [Math.max(1, Math.min(shape[0], Math.floor(262144 / Math.max(1, inner)))), ...shape.slice(1)];
}

type H5Attributes = { create_attribute(name: string, data: unknown, shape?: number[] | null, dtype?: string | null): void };

function writeAttribute(target: H5Attributes, name: string, value: unknown, dtype?: DType): void {
  if (typeof value === 'string') {
    target.create_attribute(name, value);
  } else if (typeof value === 'number') {
    target.create_attribute(name, [value], [1], H5_DTYPES[dtype ?? 'float64']);
  } else if (Array.isArray(value) && value.every(x => typeof x === 'number')) {
    target.create_attribute(name, value, [value.length], H5_DTYPES[dtype ?? 'float64']);
  } else if (Array.isArray(value)) {
    target.create_attribute(name, value.map(String).join(' '));
  } else if (typeof value === 'boolean') {
    target.create_attribute(name, [value ? 1 : 0], [1], '<b');
  }
}

export async function writeNetcdf(ds: DecodedDataset, path: string): Promise<void> {
  const h5wasm = await loadH5wasm();
  const guard = hdf5Guard(path);
  const file = guard('creating the file', () => new h5wasm.File(path, 'w'));
  try {
    guard('writing', () => {
      const names = new Set(ds.variables.map(v => v.name));
      // Dimensions first: coordinate variables (1-D, same name) or pure dimensions.
      for (const [dim, size] of Object.entries(ds.dims)) {
        const coordinate = ds.variables.find(v => v.name === dim && v.dims.length === 1);
        if (coordinate === undefined) {
          const scale = file.create_dataset({ name: dim, data: new Float32Array(size), shape: [size], dtype: '<f' });
          scale.make_scale(`${PURE_DIMENSION}${String(size).padStart(10)}`);
        }
      }
      for (const v of ds.variables) {
        const encoded = encodeVariable(v);
        const empty = v.shape.some(n => n === 0);
        const dataset = file.create_dataset({
          name: v.name,
          data: encoded.data,
          shape: v.shape,
          dtype: H5_DTYPES[encoded.dtype],
          ...(v.shape.length > 0 && !empty ? { chunks: chunkShape(v.shape), compression: 4 } : {}),
          ...(empty ? { maxshape: v.shape.map(() => null), chunks: v.shape.map(n => Math.max(1, n)) } : {})
        });
        // _FillValue first and in the variable's own type: netCDF-C requires it.
        if (encoded.attrs['_FillValue'] !== undefined) {
          writeAttribute(dataset, '_FillValue', encoded.attrs['_FillValue'], encoded.dtype);
        }
        for (const [key, value] of Object.entries(encoded.attrs)) {
          if (key !== '_FillValue') {
            writeAttribute(dataset, key, value);
          }
        }
        for (const [key, value] of Object.entries(v.attrs)) {
          if (!(key in encoded.attrs) && !['_FillValue', 'scale_factor', 'add_offset'].includes(key)) {
            writeAttribute(dataset, key, value);
          }
        }
        if (v.dims.length === 1 && v.name === v.dims[0]) {
          dataset.make_scale(v.name);
        }
      }
      for (const v of ds.variables) {
        if (v.dims.length === 1 && v.name === v.dims[0]) {
          continue;
        }
        const dataset = file.get(v.name) as InstanceType<typeof h5wasm.Dataset>;
        v.dims.forEach((dim, axis) => {
          if (names.has(dim) || ds.dims[dim] !== undefined) {
            dataset.attach_scale(axis, `/${dim}`);
          }
        });
      }
      for (const [key, value] of Object.entries(ds.attrs)) {
        writeAttribute(file, key, value);
      }
    });
  } finally {
    guard('closing', () => file.close());
  }
}
