/**
 * A Store over the Jupyter server: keys, byte ranges and listings from the
 * extension's read-only /swot/files/ route (src/lab/server-api.ts), which also
 * serves Zarr v2's dot-file metadata and folders reached through symlinks
 * into the administrator's data roots. The browser reads a Zarr store in
 * place, chunk by chunk, no kernel involved. A missing key is `undefined`; a
 * refused one is a FileAccessError with the server's reason.
 */
import { ServerConnection } from '@jupyterlab/services';
import type { RangeQuery, Store, StoreKey } from '../core/store';
import { requestAPI } from './server-api';

function rangeHeader(range: RangeQuery): string {
  return 'suffixLength' in range ? `bytes=-${range.suffixLength}` : `bytes=${range.offset}-${range.offset + range.length - 1}`;
}

export function jupyterFilesStore(path: string, settings: ServerConnection.ISettings = ServerConnection.makeSettings()): Store {
  const root = path.replace(/\/+$/g, ''); // an absolute store (in a data root) keeps its leading slash
  const bytes = async (key: StoreKey, init: RequestInit) => {
    const response = await requestAPI(`${root}${key}`, { ...init, missingOk: true }, settings);
    return response ? new Uint8Array(await response.arrayBuffer()) : undefined;
  };
  return {
    source: root,
    get: (key, options) => bytes(key, { signal: options?.signal }),
    getRange: (key, range, options) => bytes(key, { signal: options?.signal, headers: { Range: rangeHeader(range) } }),
    async list(prefix: StoreKey) {
      const response = await requestAPI(prefix === '/' ? root : `${root}${prefix}`, { missingOk: true }, settings);
      if (!response || response.headers.get('Content-Type')?.startsWith('application/octet-stream')) {
        return [];
      }
      const listing = (await response.json()) as { type?: string; entries?: string[] };
      return listing.type === 'directory' ? (listing.entries ?? []) : [];
    }
  };
}
