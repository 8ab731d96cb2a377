/**
 * Zarr v2 / v3 reader (zarrita underneath, loaded lazily: ESM, isomorphic).
 * Metadata is read once (consolidated when available) and then served to
 * zarrita from memory, so opening an array costs no extra request.
 */

import type * as ZarritaModule from 'zarrita' with { 'resolution-mode': 'import' };
import { Hyperslab, NdArray, NumericArray, sizeOf } from '../../array';
import { DatasetInfo } from '../../dataset';
import { CorruptFileError, isSwotError, UnsupportedFormatError } from '../../errors';
import { DatasetReader, requireNumericVariable, resolveSlab } from '../../reader';
import { getJson, Store, StoreKey } from '../../store';
import { MetadataDocuments, zarrGroup, ZarrVariable } from './metadata';

type Zarrita = typeof ZarritaModule;
let zarrita: Promise<Zarrita> | undefined;

/** zarrita, imported on first use (keeps it off JupyterLab's start-up path). */
export function loadZarrita(): Promise<Zarrita> {
  zarrita ??= import('zarrita');
  return zarrita;
}

const METADATA_NAMES = new Set(['.zarray', '.zattrs', '.zgroup', 'zarr.json']);

async function listMetadata(store: Store, prefix: string, docs: MetadataDocuments, v3: boolean): Promise<void> {
  if (!store.list) {
    throw new UnsupportedFormatError(
      store.source,
      'Zarr store without consolidated metadata, and this store cannot list its keys (write it with consolidated=True)'
    );
  }
  for (const child of await store.list((prefix ? `/${prefix}` : '/') as StoreKey)) {
    if (child.startsWith('.') || METADATA_NAMES.has(child)) {
      continue;
    }
    const path = prefix ? `${prefix}/${child}` : child;
    const names = v3 ? ['zarr.json'] : ['.zarray', '.zattrs', '.zgroup'];
    let found = false;
    for (const name of names) {
      const doc = await getJson<Record<string, unknown>>(store, `/${path}/${name}`);
      if (doc) {
        docs.set(`${path}/${name}`, doc);
        found = true;
      }
    }
    const isGroup = v3 ? docs.get(`${path}/zarr.json`)?.['node_type'] === 'group' : docs.has(`${path}/.zgroup`);
    if (found && isGroup) {
      await listMetadata(store, path, docs, v3);
    }
  }
}

/** Every metadata document of the hierarchy, consolidated when possible. */
export async function readMetadata(store: Store): Promise<{ docs: MetadataDocuments; format: 2 | 3 }> {
  const parse = async <T>(key: StoreKey) => {
    try {
      return await getJson<T>(store, key);
    } catch (error) {
      // The store's own errors (access refused, ...) say what is wrong; only a parse failure is corruption.
      if (isSwotError(error)) {
        throw error;
      }
      throw new CorruptFileError(`${store.source}${key}`, 'metadata is not valid JSON', error);
    }
  };
  const docs: MetadataDocuments = new Map();
  const consolidated = await parse<{ metadata: Record<string, Record<string, unknown>> }>('/.zmetadata');
  if (consolidated?.metadata) {
    for (const [key, doc] of Object.entries(consolidated.metadata)) {
      docs.set(key, doc);
    }
    return { docs, format: 2 };
  }
  const v3 = await parse<Record<string, unknown>>('/zarr.json');
  if (v3) {
    docs.set('zarr.json', v3);
    const inline = (v3['consolidated_metadata'] as { metadata?: Record<string, Record<string, unknown>> } | null)
      ?.metadata;
    if (inline) {
      for (const [key, doc] of Object.entries(inline)) {
        docs.set(`${key}/zarr.json`, doc);
      }
    } else {
      await listMetadata(store, '', docs, true);
    }
    return { docs, format: 3 };
  }
  const zgroup = await parse<Record<string, unknown>>('/.zgroup');
  if (zgroup) {
    docs.set('.zgroup', zgroup);
    const zattrs = await parse<Record<string, unknown>>('/.zattrs');
    if (zattrs) {
      docs.set('.zattrs', zattrs);
    }
    await listMetadata(store, '', docs, false);
    return { docs, format: 2 };
  }
  throw new UnsupportedFormatError(store.source, 'not a Zarr store (no .zmetadata, .zgroup or zarr.json)');
}

/** Children of each group path, from the document keys. */
function hierarchy(docs: MetadataDocuments): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const key of docs.keys()) {
    const parts = key.split('/');
    parts.pop();
    if (parts.length === 0) {
      continue;
    }
    const name = parts.pop()!;
    const parent = parts.join('/');
    const list = children.get(parent) ?? [];
    if (!list.includes(name)) {
      list.push(name);
    }
    children.set(parent, list);
  }
  return children;
}

/** A store that answers metadata keys from memory (datetime64 presented as int64) and the rest from `base`. */
function metadataStore(base: Store, docs: MetadataDocuments): Store {
  const encoded = new Map<string, Uint8Array>();
  const encoder = new TextEncoder();
  for (const [key, doc] of docs) {
    let value = doc;
    if (key.endsWith('.zarray') && typeof doc['dtype'] === 'string' && /M8\[/.test(doc['dtype'])) {
      value = { ...doc, dtype: '<i8', fill_value: null };
    }
    encoded.set(`/${key}`, encoder.encode(JSON.stringify(value)));
  }
  return {
    source: base.source,
    async get(key, options) {
      return encoded.get(key) ?? base.get(key, options);
    },
    ...(base.getRange ? { getRange: base.getRange.bind(base) } : {})
  };
}

function asNumeric(data: unknown): NumericArray {
  if (ArrayBuffer.isView(data) && !(data instanceof DataView)) {
    return data as NumericArray;
  }
  // zarrita's BoolArray keeps its bytes in .buffer
  const bytes = (data as { buffer?: ArrayBuffer }).buffer;
  if (bytes instanceof ArrayBuffer) {
    return new Uint8Array(bytes);
  }
  throw new UnsupportedFormatError('zarr', 'unsupported array data type');
}

/** Open a Zarr v2/v3 hierarchy as a dataset. */
export async function openZarr(store: Store): Promise<DatasetReader> {
  const { docs } = await readMetadata(store);
  const root = zarrGroup('', docs, hierarchy(docs), store.source);
  const info: DatasetInfo = { ...root, source: store.source, format: 'zarr' };
  const served = metadataStore(store, docs);
  const arrays = new Map<string, Promise<ZarritaModule.Array<ZarritaModule.DataType, Store>>>();

  const openArray = async (variable: ZarrVariable) => {
    const zarr = await loadZarrita();
    let pending = arrays.get(variable.path);
    if (!pending) {
      const location = zarr.root(served).resolve(variable.path);
      pending =
        variable.zarrFormat === 2
          ? zarr.open.v2(location, { kind: 'array', attrs: false })
          : zarr.open.v3(location, { kind: 'array' });
      arrays.set(variable.path, pending);
    }
    return pending;
  };

  return {
    info,
    async readRaw(name: string, slab?: Hyperslab, signal?: AbortSignal): Promise<NdArray> {
      const variable = requireNumericVariable(info, name) as ZarrVariable;
      const ranges = resolveSlab(variable.shape, slab, `${store.source}/${name}`);
      const shape = ranges.map(([a, b]) => b - a);
      const zarr = await loadZarrita();
      const array = await openArray(variable);
      if (sizeOf(shape) === 0) {
        return { data: new Float64Array(0), shape };
      }
      try {
        const selection = ranges.map(([a, b]) => zarr.slice(a, b));
        const chunk = await zarr.get(array, variable.shape.length === 0 ? null : selection, { opts: { signal } } as never);
        const data = (chunk as { data?: unknown }).data ?? chunk;
        return { data: asNumeric(data), shape };
      } catch (error) {
        if (isSwotError(error)) {
          throw error;
        }
        const reason = error instanceof Error ? error.message : String(error);
        throw new CorruptFileError(`${store.source}/${variable.path}`, `a chunk cannot be decoded: ${reason}`, error);
      }
    },
    close() {
      arrays.clear();
    }
  };
}
