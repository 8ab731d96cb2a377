/** Open one netCDF4 file from the file system as a DatasetReader. */
import { open as openFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  checkHdf5Header,
  CorruptFileError,
  DatasetReader,
  FileAccessError,
  H5File,
  HDF5_HEADER_BYTES,
  Hdf5Guard,
  netcdfReader,
  netcdfReaderLike,
  DatasetInfo,
  UsageError
} from '../core';
import { captureHdf5Diagnostics } from './hdf5-diagnostics';
import { loadH5wasm } from './h5wasm-node';

async function readHead(path: string): Promise<{ head: Uint8Array; size: number }> {
  const handle = await openFile(path, 'r').catch(error => {
    throw new FileAccessError(path, 'cannot be read', error);
  });
  try {
    const size = (await handle.stat()).size;
    const head = new Uint8Array(Math.min(HDF5_HEADER_BYTES, size));
    await handle.read(head, 0, head.length, 0);
    return { head, size };
  } finally {
    await handle.close();
  }
}

/** HDF5 calls with their diagnostics turned into a CorruptFileError naming the file. */
export function hdf5Guard(path: string): Hdf5Guard {
  return (what, fn) => {
    const result = captureHdf5Diagnostics(fn);
    if (result.error !== undefined) {
      if (result.error instanceof Error && 'code' in result.error && (result.error as { code: unknown }).code) {
        throw result.error;
      }
      const reason =
        result.diagnostics[result.diagnostics.length - 1] ??
        (result.error instanceof Error ? result.error.message : String(result.error));
      throw new CorruptFileError(path, `${what}: ${reason}`, result.error);
    }
    return result.value as ReturnType<typeof fn>;
  };
}

/**
 * Open a netCDF4 file. With `template` (the structure of another file of the
 * same product), only dimension sizes and identity attributes are read now.
 *
 * @throws FileAccessError, NotNetcdfError, TruncatedFileError, CorruptFileError
 */
export async function openNetcdf(path: string, template?: DatasetInfo): Promise<DatasetReader> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new FileAccessError(path, 'no such file', error);
  }
  if (info.isDirectory()) {
    throw new UsageError(`${path}: is a directory`);
  }
  const { head, size } = await readHead(path);
  checkHdf5Header(path, head, size);
  const h5wasm = await loadH5wasm();
  const guard = hdf5Guard(path);
  const opened = captureHdf5Diagnostics(() => new h5wasm.File(resolve(path), 'r'));
  const file = opened.value;
  if (file === undefined || typeof file.file_id !== 'bigint' || file.file_id < 0n) {
    const reason = opened.diagnostics[opened.diagnostics.length - 1] ?? 'the HDF5 library cannot open it';
    throw new CorruptFileError(path, reason, opened.error);
  }
  try {
    return template
      ? netcdfReaderLike(file as unknown as H5File, path, template, guard)
      : netcdfReader(file as unknown as H5File, path, guard);
  } catch (error) {
    captureHdf5Diagnostics(() => file.close());
    throw error;
  }
}
