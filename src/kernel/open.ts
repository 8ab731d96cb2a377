import { open as openFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  checkHdf5Header,
  CorruptFileError,
  DatasetInfo,
  describeDataset,
  detectProduct,
  FileAccessError,
  H5Group,
  HDF5_HEADER_BYTES,
  ProductId,
  readGroup,
  UsageError
} from '../core';
import { captureHdf5Diagnostics, Captured } from './hdf5-diagnostics';
import { loadH5wasm } from './h5wasm-node';

/** What {@link open} returns: the file's structure and the product it is. */
export interface Dataset extends DatasetInfo {
  product?: ProductId;
  /** The xarray-like summary (also what a notebook cell shows). */
  toString(): string;
}

async function readHead(path: string): Promise<{ head: Uint8Array; size: number }> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new FileAccessError(path, 'no such file', error);
  }
  if (info.isDirectory()) {
    throw new UsageError(`${path}: is a directory; give a netCDF4 file (Zarr stores and directories come next)`);
  }
  const handle = await openFile(path, 'r').catch(error => {
    throw new FileAccessError(path, 'cannot be read', error);
  });
  try {
    const head = new Uint8Array(Math.min(HDF5_HEADER_BYTES, info.size));
    await handle.read(head, 0, head.length, 0);
    return { head, size: info.size };
  } finally {
    await handle.close();
  }
}

function asDataset(info: DatasetInfo, product: ProductId | undefined): Dataset {
  // Key order is the order of `swot info --json`: what it is first, then what it holds.
  const dataset: Dataset = {
    source: info.source,
    format: info.format,
    ...(product ? { product } : {}),
    path: info.path,
    dims: info.dims,
    variables: info.variables,
    attrs: info.attrs,
    groups: info.groups,
    toString: () => describeDataset(dataset)
  };
  // tslab and the Node REPL print objects with util.inspect: show the summary.
  Object.defineProperty(dataset, Symbol.for('nodejs.util.inspect.custom'), {
    value: () => describeDataset(dataset),
    enumerable: false
  });
  Object.defineProperty(dataset, 'toString', { enumerable: false });
  return dataset;
}

function hdf5Reason(fallback: string, captured: Captured<unknown>): string {
  // h5wasm's own messages ("name not defined!") say little; HDF5's say what broke.
  return captured.diagnostics.length > 0 ? captured.diagnostics[captured.diagnostics.length - 1] : fallback;
}

/**
 * Open a SWOT (or any netCDF4) file and read its structure: dimensions,
 * variables with dtype and attributes, global attributes, groups, and the
 * product it is (level, subset, cycle, pass).
 *
 * @example
 * const ds = await open('SWOT_L3_LR_SSH_Expert_026_165_..._v2.0.1.nc');
 * ds.dims; // { num_lines: 9860, num_pixels: 69, num_nadir: 726 }
 *
 * @throws FileAccessError, NotNetcdfError, TruncatedFileError, CorruptFileError
 */
export async function open(path: string): Promise<Dataset> {
  if (typeof path !== 'string' || path.length === 0) {
    throw new UsageError('open(path): path must be a non-empty string');
  }
  const absolute = resolve(path);
  const { head, size } = await readHead(path);
  checkHdf5Header(path, head, size);
  const h5wasm = await loadH5wasm();
  const opened = captureHdf5Diagnostics(() => new h5wasm.File(absolute, 'r'));
  const file = opened.value;
  if (file === undefined || typeof file.file_id !== 'bigint' || file.file_id < 0n) {
    throw new CorruptFileError(path, hdf5Reason('the HDF5 library cannot open it', opened), opened.error);
  }
  try {
    const read = captureHdf5Diagnostics(() => readGroup(file as unknown as H5Group));
    if (read.value === undefined) {
      const message = read.error instanceof Error ? read.error.message : String(read.error);
      throw new CorruptFileError(path, hdf5Reason(message, read), read.error);
    }
    const info: DatasetInfo = { ...read.value, source: path, format: 'netcdf4' };
    return asDataset(info, detectProduct(path, read.value.attrs));
  } finally {
    captureHdf5Diagnostics(() => file.close());
  }
}
