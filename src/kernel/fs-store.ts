/** A Store over a directory of the file system (Zarr stores, zcollections). */
import { open as openFile, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RangeQuery, Store, StoreKey } from '../core';

function missing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

export function fsStore(root: string): Store {
  const path = (key: StoreKey) => join(root, ...key.split('/').filter(Boolean));
  return {
    source: root,
    async get(key) {
      try {
        return new Uint8Array(await readFile(path(key)));
      } catch (error) {
        if (missing(error)) {
          return undefined;
        }
        throw error;
      }
    },
    async getRange(key: StoreKey, range: RangeQuery) {
      let handle;
      try {
        handle = await openFile(path(key), 'r');
      } catch (error) {
        if (missing(error)) {
          return undefined;
        }
        throw error;
      }
      try {
        const size = (await handle.stat()).size;
        const [offset, length] =
          'suffixLength' in range ? [Math.max(0, size - range.suffixLength), Math.min(size, range.suffixLength)] : [range.offset, range.length];
        const out = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
        await handle.read(out, 0, out.length, offset);
        return out;
      } finally {
        await handle.close();
      }
    },
    async list(prefix) {
      try {
        return (await readdir(path(prefix))).sort();
      } catch (error) {
        if (missing(error)) {
          return [];
        }
        throw error;
      }
    }
  };
}
