/**
 * Opening a dataset in the browser, no kernel: a Zarr store is read chunk by
 * chunk from the Jupyter server (/files/); a netCDF4 file is fetched whole
 * from /files/ into h5wasm's in-memory file system (h5wasm has no HTTP range
 * reads) and read with the core netCDF reader.
 */
import { URLExt } from '@jupyterlab/coreutils';
import { ServerConnection } from '@jupyterlab/services';
import { DatasetReader, detectProduct, netcdfReader, openZarr, ProductId, UsageError } from '../../core';
import type { H5File } from '../../core/formats/netcdf/reader';
import { jupyterFilesStore } from '../jupyter-files-store';

export interface OpenedDataset {
  reader: DatasetReader;
  product?: ProductId;
  /** Bytes held in the browser (netCDF: the whole file). */
  bytes?: number;
  close(): void;
}

/** Files above this size are not loaded into the browser (the kernel's swot.show() reads them lazily). */
export const MAX_NETCDF_BYTES = 1.5e9;

let counter = 0;

async function fetchBytes(path: string, settings: ServerConnection.ISettings): Promise<Uint8Array> {
  const url = URLExt.join(settings.baseUrl, 'files', URLExt.encodeParts(path));
  const response = await ServerConnection.makeRequest(url, { method: 'GET', cache: 'no-store' }, settings);
  if (!response.ok) {
    throw new ServerConnection.ResponseError(response, `${path}: HTTP ${response.status}`);
  }
  const size = Number(response.headers.get('Content-Length') ?? 0);
  if (size > MAX_NETCDF_BYTES) {
    throw new UsageError(`${path}: ${(size / 1e9).toFixed(1)} GB is too large to read in the browser; use swot.show() in a notebook`);
  }
  return new Uint8Array(await response.arrayBuffer());
}

async function openNetcdfInBrowser(path: string, settings: ServerConnection.ISettings): Promise<OpenedDataset> {
  const [bytes, h5wasm] = await Promise.all([fetchBytes(path, settings), import(/* webpackChunkName: "h5wasm" */ 'h5wasm')]);
  const module = await h5wasm.ready;
  const name = `/swot-viewer-${++counter}.nc`;
  module.FS.writeFile(name, bytes);
  let file: H5File;
  try {
    file = new h5wasm.File(name, 'r') as unknown as H5File;
  } catch (error) {
    module.FS.unlink(name);
    throw new UsageError(`${path}: not a netCDF4/HDF5 file (${error instanceof Error ? error.message : String(error)})`);
  }
  const reader = netcdfReader(file, path);
  return {
    reader,
    product: detectProduct(path, reader.info.attrs),
    bytes: bytes.length,
    close: () => {
      reader.close();
      module.FS.unlink(name);
    }
  };
}

/**
 * Open `path` (a .nc file or a .zarr store, relative to the server root).
 *
 * @throws UsageError (too large, not netCDF4), ServerConnection.ResponseError, reader errors
 */
export async function openInBrowser(path: string, settings: ServerConnection.ISettings = ServerConnection.makeSettings()): Promise<OpenedDataset> {
  if (/\.zarr\/?$/.test(path)) {
    const reader = await openZarr(jupyterFilesStore(path, settings));
    return { reader, product: detectProduct(path, reader.info.attrs), close: () => reader.close() };
  }
  return openNetcdfInBrowser(path, settings);
}
