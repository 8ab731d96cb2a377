/**
 * The store contract every backend reads through (same shape as zarrita's, so
 * a Store can be handed to zarrita as is). Adapters: the file system (kernel),
 * the Jupyter server's /files/ endpoint (lab), a Map (tests).
 */

export type StoreKey = `/${string}`;

export interface StoreGetOptions {
  signal?: AbortSignal;
}

export type RangeQuery = { offset: number; length: number } | { suffixLength: number };

export interface Store {
  /** Bytes of `key`, or undefined when there is no such key. */
  get(key: StoreKey, options?: StoreGetOptions): Promise<Uint8Array | undefined>;
  getRange?(key: StoreKey, range: RangeQuery, options?: StoreGetOptions): Promise<Uint8Array | undefined>;
  /** Names directly under `prefix` (a "directory"); needed where no consolidated metadata lists them. */
  list?(prefix: StoreKey): Promise<string[]>;
  /** Human-readable location, used in error messages. */
  readonly source: string;
}

/** A store over an in-memory Map (tests, small generated stores). */
export function mapStore(entries: Map<string, Uint8Array>, source = 'memory'): Store {
  return {
    source,
    async get(key) {
      return entries.get(key);
    },
    async list(prefix) {
      const base = prefix.endsWith('/') ? prefix : `${prefix}/`;
      const names = new Set<string>();
      for (const key of entries.keys()) {
        if (key.startsWith(base)) {
          names.add(key.slice(base.length).split('/')[0]);
        }
      }
      return [...names].sort();
    }
  };
}

export async function getJson<T = unknown>(store: Store, key: StoreKey): Promise<T | undefined> {
  const bytes = await store.get(key);
  if (bytes === undefined) {
    return undefined;
  }
  return JSON.parse(new TextDecoder().decode(bytes)) as T;
}

/** The part of `store` under `prefix` ("year=2023/month=07"), as a store of its own. */
export function subStore(store: Store, prefix: string): Store {
  const base = `/${prefix.replace(/^\/+|\/+$/g, '')}`;
  return {
    source: `${store.source}${base}`,
    get: (key, options) => store.get(`${base}${key}` as StoreKey, options),
    ...(store.getRange ? { getRange: (key, range, options) => store.getRange!(`${base}${key}` as StoreKey, range, options) } : {}),
    ...(store.list ? { list: prefixKey => store.list!(`${base}${prefixKey === '/' ? '' : prefixKey}` as StoreKey) } : {})
  };
}
