/**
 * Opening a dataset in the browser, no kernel, in place: a Zarr store is read
 * key by key, a netCDF4 file by byte ranges (h5wasm in a Web Worker), both
 * from the extension's read-only /swot/files/ route. Nothing is copied or
 * written, nothing is loaded whole that is not needed.
 */
import { ServerConnection } from '@jupyterlab/services';
import { DatasetReader, detectProduct, openZarr, openZcollection, ProductId } from '../../core';
import { jupyterFilesStore } from '../jupyter-files-store';
import { requestAPI } from '../server-api';
import { openNetcdfRemote } from './netcdf-remote';

export interface OpenedDataset {
  reader: DatasetReader;
  product?: ProductId;
  close(): void;
}

/**
 * Open `path` (a .nc file, a .zarr store or, with `format`, a zcollection; relative to the server root or absolute in a data root).
 *
 * @throws the core's typed errors naming `path`: FileAccessError (refused by the server, with its
 *   reason; missing), NotNetcdfError, TruncatedFileError, CorruptFileError, UnsupportedFormatError
 */
export async function openInBrowser(
  path: string,
  settings: ServerConnection.ISettings = ServerConnection.makeSettings(),
  format?: 'netcdf' | 'zarr' | 'zcollection'
): Promise<OpenedDataset> {
  let reader: DatasetReader;
  if (format === 'zcollection') {
    await requestAPI(path, { method: 'HEAD' }, settings);
    reader = await openZcollection(jupyterFilesStore(path, settings));
  } else if (format === 'zarr' || (format === undefined && /\.zarr\/?$/.test(path))) {
    // The folder itself first: a store the server refuses (or that is gone) says so, with the server's reason.
    await requestAPI(path, { method: 'HEAD' }, settings);
    reader = await openZarr(jupyterFilesStore(path, settings));
  } else {
    reader = await openNetcdfRemote(path, settings);
  }
  return { reader, product: detectProduct(path, reader.info.attrs), close: () => reader.close() };
}
