/**
 * A netCDF4 file read in place from the Jupyter server, lazily: first the same
 * check as the kernel and the CLI (the HDF5 signature and the superblock's
 * end-of-file address against the size on disk, on the first bytes and the
 * size from HEAD), then a Web Worker (netcdf-worker.ts) opens it with h5wasm
 * over HTTP range requests and reads only the hyperslabs asked for.
 */
import { ServerConnection } from '@jupyterlab/services';
import type { Hyperslab, NdArray } from '../../core/array';
import { checkHdf5Header, HDF5_HEADER_BYTES } from '../../core/formats/hdf5/signature';
import type { DatasetReader } from '../../core/reader';
import { requestAPI, swotFilesUrlForWorker } from '../server-api';
import { reviveError } from '../../core/error-transfer';
import { WorkerReply, WorkerRequest } from './netcdf-protocol';

/** The first bytes and the size on disk. @throws FileAccessError */
async function headOf(path: string, settings: ServerConnection.ISettings): Promise<{ head: Uint8Array; size: number }> {
  const response = await requestAPI(path, { method: 'HEAD' }, settings);
  const size = Number(response.headers.get('Content-Length') ?? NaN);
  if (!Number.isFinite(size)) {
    throw new Error(`${path}: the server gave no size`);
  }
  if (size === 0) {
    return { head: new Uint8Array(0), size };
  }
  const range = await requestAPI(path, { headers: { Range: `bytes=0-${Math.min(HDF5_HEADER_BYTES, size) - 1}` } }, settings);
  return { head: new Uint8Array(await range.arrayBuffer()), size };
}

class WorkerClient {
  private readonly worker = new Worker(new URL('./netcdf-worker.js', import.meta.url));
  private readonly pending = new Map<number, { resolve: (reply: WorkerReply & { ok: true }) => void; reject: (error: Error) => void }>();
  private next = 0;

  constructor(private readonly path: string) {
    this.worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.ok) {
        waiting?.resolve(reply);
      } else {
        waiting?.reject(reviveError(reply.error));
      }
    };
    this.worker.onerror = event => {
      event.preventDefault();
      const error = new Error(`${this.path}: the netCDF reader (Web Worker) failed: ${event.message || 'could not start'}`);
      this.pending.forEach(p => p.reject(error));
      this.pending.clear();
    };
  }

  call<R extends Omit<WorkerRequest, 'id'>>(request: R): Promise<WorkerReply & { ok: true }> {
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  terminate(): void {
    this.worker.terminate();
    const error = new Error(`${this.path}: closed`);
    this.pending.forEach(p => p.reject(error));
    this.pending.clear();
  }
}

/**
 * Open `path` (relative to the server root) for reading in the browser.
 *
 * @throws FileAccessError (refused, missing), NotNetcdfError, TruncatedFileError,
 *   UnsupportedFormatError, CorruptFileError: the kernel's typed errors, naming the file
 */
export async function openNetcdfRemote(path: string, settings: ServerConnection.ISettings = ServerConnection.makeSettings()): Promise<DatasetReader> {
  const { head, size } = await headOf(path, settings);
  checkHdf5Header(path, head, size);
  const client = new WorkerClient(path);
  let info;
  try {
    info = (await client.call({ op: 'open', path, url: swotFilesUrlForWorker(path, settings) })).info!;
  } catch (error) {
    client.terminate();
    throw error;
  }
  return {
    info,
    async readRaw(name: string, slab?: Hyperslab): Promise<NdArray> {
      const reply = await client.call({ op: 'read', name, ...(slab ? { slab } : {}) });
      return { data: reply.data!, shape: reply.shape! };
    },
    close() {
      void client.call({ op: 'close' }).catch(() => undefined).finally(() => client.terminate());
    }
  };
}
