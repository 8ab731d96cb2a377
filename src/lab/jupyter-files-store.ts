/**
 * A Store over the Jupyter server: bytes from /files/ (which serves Zarr
 * chunks as they are), listings from the contents API. The browser reads a
 * Zarr store straight from the server, no kernel involved. Zarr v2 metadata
 * keys are dot-files, which /files/ hides: they come from the extension's
 * /swot/zarr-metadata/ handler (jupyterlab_swot/handlers.py).
 */
import { URLExt } from '@jupyterlab/coreutils';
import { ServerConnection } from '@jupyterlab/services';
import type { Store, StoreKey } from '../core/store';

export function jupyterFilesStore(path: string, settings: ServerConnection.ISettings = ServerConnection.makeSettings()): Store {
  const root = path.replace(/^\/+|\/+$/g, '');
  const url = (base: string, key: string) => URLExt.join(settings.baseUrl, base, URLExt.encodeParts(`${root}${key}`));
  const request = async (target: string, signal?: AbortSignal) => {
    const response = await ServerConnection.makeRequest(target, { method: 'GET', cache: 'no-store', signal }, settings);
    if (response.status === 404) {
      return undefined;
    }
    if (!response.ok) {
      throw new ServerConnection.ResponseError(response, `${root}: HTTP ${response.status} reading ${target}`);
    }
    return response;
  };
  return {
    source: root,
    async get(key: StoreKey, options) {
      const hidden = /\/\.z(metadata|array|attrs|group|collection)$/.test(key);
      const response = await request(url(hidden ? 'swot/zarr-metadata' : 'files', key), options?.signal);
      return response ? new Uint8Array(await response.arrayBuffer()) : undefined;
    },
    async list(prefix: StoreKey) {
      const response = await request(url('api/contents', prefix === '/' ? '' : prefix) + '?content=1');
      if (!response) {
        return [];
      }
      const model = (await response.json()) as { type: string; content?: Array<{ name: string }> };
      return model.type === 'directory' ? (model.content ?? []).map(c => c.name).sort() : [];
    }
  };
}
