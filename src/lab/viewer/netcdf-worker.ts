/**
 * A Web Worker that reads one netCDF4 file in place over HTTP: h5wasm opens
 * an Emscripten lazy file (FS.createLazyFile), whose bytes are fetched on
 * demand by synchronous range requests (1 MiB blocks, possible only in a
 * worker) from the extension's read-only /swot/files/ route. Only the blocks
 * HDF5 touches are read: the superblock and object headers when opening, then
 * the chunks of the hyperslabs asked for. Values go back to the viewer as
 * transferred typed arrays (no copy); nothing is written anywhere.
 */
import type { NumericArray } from '../../core/array';
import { CorruptFileError, FileAccessError, isSwotError } from '../../core/errors';
import type { H5File, Hdf5Guard } from '../../core/formats/netcdf/reader';
import { netcdfReader } from '../../core/formats/netcdf/reader';
import type { DatasetReader } from '../../core/reader';
import { serializeError } from '../../core/error-transfer';
import { WorkerReply, WorkerRequest } from './netcdf-protocol';

/** The worker's global scope (the lab compiles with the DOM lib, not the WebWorker one). */
declare const self: {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
};

/*
 * HDF5 reports failures on stderr, which Emscripten sends to console.error
 * (bound when h5wasm loads, hence patched before): inside a guarded call the
 * lines are kept and the innermost reason goes into a CorruptFileError, as the
 * kernel does with its HDF5 diagnostics.
 */
let diagnostics: string[] | undefined;
const consoleError = console.error.bind(console);
console.error = (...args: unknown[]) => (diagnostics ? diagnostics.push(args.map(String).join(' ')) : consoleError(...args));

function innermostReason(lines: string[]): string | undefined {
  // "  #013: .../H5Ocache.c line 1101 in H5O__prefix_deserialize(): bad object header version number"
  const said = lines.map(line => /^\s*#\d+:.* in [\w.]+\(\): (.*)$/.exec(line)?.[1]).filter((m): m is string => !!m);
  return said[said.length - 1];
}

function guardFor(path: string): Hdf5Guard {
  return (what, fn) => {
    diagnostics = [];
    try {
      return fn();
    } catch (error) {
      if (isSwotError(error)) {
        throw error;
      }
      const reason = innermostReason(diagnostics) ?? (error instanceof Error ? error.message : String(error));
      throw new CorruptFileError(path, `${what}: ${reason}`, error);
    } finally {
      diagnostics = undefined;
    }
  };
}

let reader: DatasetReader | undefined;
let counter = 0;

async function open(path: string, url: string): Promise<DatasetReader> {
  const h5wasm = await import(/* webpackChunkName: "h5wasm" */ 'h5wasm');
  const { FS } = await h5wasm.ready;
  const name = `swot-${++counter}.nc`;
  // Read-only node (canRead, not canWrite): HDF5 opens it with H5F_ACC_RDONLY.
  FS.createLazyFile('/', name, url, true, false);
  const guard = guardFor(path);
  let file: H5File;
  try {
    file = guard('opening the file', () => new h5wasm.File(`/${name}`, 'r') as unknown as H5File);
  } catch (error) {
    FS.unlink(`/${name}`);
    throw error;
  }
  if (typeof (file as { file_id?: unknown }).file_id !== 'bigint' || (file as unknown as { file_id: bigint }).file_id < 0n) {
    FS.unlink(`/${name}`);
    throw new CorruptFileError(path, 'the HDF5 library cannot open it');
  }
  const opened = netcdfReader(file, path, guard);
  return {
    ...opened,
    close() {
      opened.close();
      FS.unlink(`/${name}`);
    }
  };
}

/** The array as its own buffer, so that it can be transferred. */
function own(data: NumericArray): NumericArray {
  return data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : (data.slice() as NumericArray);
}

async function handle(request: WorkerRequest): Promise<[WorkerReply, Transferable[]]> {
  switch (request.op) {
    case 'open':
      reader?.close();
      reader = await open(request.path, request.url);
      return [{ id: request.id, ok: true, info: reader.info }, []];
    case 'read': {
      if (!reader) {
        throw new FileAccessError(request.name, 'the file is not open');
      }
      const { data, shape } = await reader.readRaw(request.name, request.slab);
      const array = own(data);
      return [{ id: request.id, ok: true, data: array, shape }, [array.buffer as ArrayBuffer]];
    }
    case 'close':
      reader?.close();
      reader = undefined;
      return [{ id: request.id, ok: true }, []];
  }
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  handle(event.data).then(
    ([reply, transfer]) => self.postMessage(reply, transfer),
    error => self.postMessage({ id: event.data.id, ok: false, error: serializeError(error) } satisfies WorkerReply)
  );
};
