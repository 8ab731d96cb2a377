/**
 * zcollection (CNES) reader, v1 layout: a root `.zcollection` JSON that names
 * the axis the partitions are stacked along and how data are partitioned
 * (by date: year=YYYY/month=MM/day=DD, or by sequence:
 * cycle_number=C/pass_number=P); each partition is a consolidated Zarr v2
 * group; variables that do not depend on the axis live in `.immutable/`.
 */

import { stackReaders, CollectionMember, CollectionReader } from '../../collection';
import { UnsupportedFormatError } from '../../errors';
import { DatasetReader } from '../../reader';
import { getJson, Store, StoreKey, subStore } from '../../store';
import { openZarr } from '../zarr/reader';

export interface ZcollectionConfig {
  axis: string;
  partitioning?: { id?: string; variables?: string[]; resolution?: string };
  [key: string]: unknown;
}

const PARTITION = /^([A-Za-z_]\w*)=([^/]+)$/;

/** Partition paths ("year=2023/month=07/day=21"), sorted as their keys sort. */
export async function listPartitions(store: Store, prefix = ''): Promise<string[]> {
  if (!store.list) {
    throw new UnsupportedFormatError(store.source, 'cannot list the partitions of this zcollection');
  }
  const names = (await store.list((prefix ? `/${prefix}` : '/') as StoreKey)).filter(n => PARTITION.test(n));
  if (names.length === 0) {
    return prefix ? [prefix] : [];
  }
  const byValue = (a: string, b: string) => {
    const va = PARTITION.exec(a)![2];
    const vb = PARTITION.exec(b)![2];
    const na = Number(va);
    const nb = Number(vb);
    return Number.isFinite(na) && Number.isFinite(nb) ? na - nb : va.localeCompare(vb);
  };
  const out: string[] = [];
  for (const name of names.sort(byValue)) {
    out.push(...(await listPartitions(store, prefix ? `${prefix}/${name}` : name)));
  }
  return out;
}

/** Partition keys as numbers where they are numbers ({year: 2023, month: 7, day: 21}). */
export function partitionKeys(path: string): Record<string, number | string> {
  const keys: Record<string, number | string> = {};
  for (const part of path.split('/')) {
    const m = PARTITION.exec(part);
    if (m) {
      keys[m[1]] = Number.isFinite(Number(m[2])) ? Number(m[2]) : m[2];
    }
  }
  return keys;
}

export async function openZcollection(store: Store): Promise<CollectionReader> {
  const config =
    (await getJson<ZcollectionConfig>(store, '/.zcollection')) ?? (await getJson<ZcollectionConfig>(store, '/_zcollection.json'));
  if (!config || typeof config.axis !== 'string') {
    throw new UnsupportedFormatError(store.source, 'not a zcollection (no .zcollection with an "axis")');
  }
  const partitions = await listPartitions(store);
  if (partitions.length === 0) {
    throw new UnsupportedFormatError(store.source, 'zcollection without any partition');
  }
  const members: CollectionMember[] = [];
  for (const path of partitions) {
    const reader = await openZarr(subStore(store, path));
    const keys = partitionKeys(path);
    const cycle = typeof keys['cycle_number'] === 'number' ? keys['cycle_number'] : undefined;
    const pass = typeof keys['pass_number'] === 'number' ? keys['pass_number'] : undefined;
    members.push({
      reader,
      ...(cycle !== undefined || pass !== undefined
        ? { product: { level: 'L3', product: 'zcollection', ...(cycle !== undefined ? { cycle } : {}), ...(pass !== undefined ? { pass } : {}) } }
        : {})
    });
  }
  // `axis` names a variable (e.g. "time"); partitions are stacked along its first dimension.
  const first = members[0].reader.info;
  const axisVariable = first.variables.find(v => v.name === config.axis);
  const axis = axisVariable?.dims[0] ?? config.axis;
  const stacked = stackReaders(members, axis, store.source, 'zcollection');
  const immutable = await openZarr(subStore(store, '.immutable')).catch(() => undefined);
  return immutable ? withImmutable(stacked, immutable) : stacked;
}

/** Add the partition-independent variables of `.immutable/` to the stacked partitions. */
function withImmutable(stacked: CollectionReader, immutable: DatasetReader): CollectionReader {
  const own = new Set(stacked.info.variables.map(v => v.name));
  const extra = immutable.info.variables.filter(v => !own.has(v.name));
  const info = {
    ...stacked.info,
    dims: { ...immutable.info.dims, ...stacked.info.dims },
    variables: [...stacked.info.variables, ...extra]
  };
  const fromImmutable = new Set(extra.map(v => v.name));
  return {
    ...stacked,
    info,
    readRaw: (name, slab, signal) =>
      fromImmutable.has(name) ? immutable.readRaw(name, slab, signal) : stacked.readRaw(name, slab, signal),
    close: () => {
      stacked.close();
      immutable.close();
    }
  };
}
