/**
 * Reads the native points of a reduced display's window in the browser
 * (zoom to native resolution, issue 12): the kernel cannot be asked (tslab
 * has no comms), so the display names its file and the browser reads the
 * hyperslabs itself, in place, through the extension's read-only
 * /swot/files/ route, with the lab viewer's netCDF Web Worker (h5wasm over
 * range requests) and the core's decoding (readSwathWindow: what show() does).
 * Loaded on first use only (a separate chunk of the MIME renderer).
 */
import { ServerConnection } from '@jupyterlab/services';
import type { DatasetReader } from '../core/reader';
import { LayerSource, readSwathWindow, SwathWindow } from '../core/render';
import { openNetcdfRemote } from '../lab/viewer/netcdf-remote';

/** Where native points come from (the server here; a test or a benchmark may give another). */
export interface NativeReader {
  /** Open the file ahead of a zoom (the display was just drawn): the zoom then only reads its window. */
  prepare(source: LayerSource): Promise<void>;
  read(source: LayerSource, lines: [number, number], pixels: [number, number]): Promise<SwathWindow>;
}

/** Files kept open (one Web Worker each), most recent last. */
const MAX_OPEN = 4;
const opened = new Map<string, Promise<DatasetReader>>();

function openFile(path: string, settings: ServerConnection.ISettings): Promise<DatasetReader> {
  let reader = opened.get(path);
  if (reader) {
    opened.delete(path);
    opened.set(path, reader);
    return reader;
  }
  reader = openNetcdfRemote(path, settings);
  opened.set(path, reader);
  // A file that could not be opened is asked again next time (it may have been copied back).
  reader.catch(() => opened.get(path) === reader && opened.delete(path));
  while (opened.size > MAX_OPEN) {
    const [oldest, first] = opened.entries().next().value as [string, Promise<DatasetReader>];
    opened.delete(oldest);
    void first.then(r => r.close(), () => undefined);
  }
  return reader;
}

/** Native points read through the Jupyter server (ServerConnection.makeSettings() works from any bundle). */
export function serverNativeReader(settings: ServerConnection.ISettings = ServerConnection.makeSettings()): NativeReader {
  const fileOf = (source: LayerSource): Promise<DatasetReader> => {
    if (source.format !== 'netcdf4') {
      return Promise.reject(new Error(`${source.path}: native points of ${String(source.format)} data are not read in the browser`));
    }
    return openFile(source.path, settings);
  };
  return {
    async prepare(source) {
      await fileOf(source);
    },
    async read(source, lines, pixels) {
      return readSwathWindow(await fileOf(source), source.group, source.variable, lines, pixels);
    }
  };
}
