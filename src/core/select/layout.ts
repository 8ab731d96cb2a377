/** Which kind of geometry a dataset has: a swath (lines x pixels) or a regular grid. */

import { DatasetInfo, VariableInfo } from '../dataset';
import { UsageError } from '../errors';
import { DatasetReader } from '../reader';

/** What detectLayout reads of a variable: a VariableInfo, or a decoded variable of a selection. */
export type LayoutVariable = Pick<VariableInfo, 'name' | 'dims' | 'attrs'>;

export type Layout<V extends LayoutVariable = VariableInfo> =
  | { kind: 'swath'; axis: string; lat: V; lon: V; time?: V }
  | { kind: 'grid'; lat: V; lon: V; time?: V }
  | { kind: 'other' };

const LAT_NAMES = ['latitude', 'lat'];
const LON_NAMES = ['longitude', 'lon'];

function find<V extends LayoutVariable>(info: { variables: readonly V[] }, names: string[]): V | undefined {
  return names.map(n => info.variables.find(v => v.name === n)).find(v => v !== undefined);
}

/** CF ways of saying a variable is a latitude / longitude / time: standard_name, units, axis. */
const CF_ROLES = {
  lat: { standardName: 'latitude', units: /^degrees?_?(north|n)$/i, axis: 'Y' },
  lon: { standardName: 'longitude', units: /^degrees?_?(east|e)$/i, axis: 'X' },
  time: { standardName: 'time', units: /^\w+ since /, axis: 'T' }
} as const;

/** The coordinate of a role: by its usual names first, else by its CF attributes (e.g. nav_lat, y). */
function coordinate<V extends LayoutVariable>(info: { variables: readonly V[] }, names: string[], role: keyof typeof CF_ROLES): V | undefined {
  const cf = CF_ROLES[role];
  const text = (v: V, key: string) => (typeof v.attrs[key] === 'string' ? (v.attrs[key] as string).trim() : '');
  return (
    find(info, names) ??
    info.variables.find(v => text(v, 'standard_name') === cf.standardName) ??
    info.variables.find(v => v.dims.length <= 2 && (cf.units.test(text(v, 'units')) || text(v, 'axis') === cf.axis) && !/_nadir$/.test(v.name))
  );
}

export function detectLayout<V extends LayoutVariable = VariableInfo>(info: { variables: readonly V[] }): Layout<V> {
  const lat = coordinate(info, LAT_NAMES, 'lat');
  const lon = coordinate(info, LON_NAMES, 'lon');
  const time = coordinate(info, ['time'], 'time');
  if (lat && lon && lat.dims.length === 2 && lon.dims.join() === lat.dims.join()) {
    const axis = lat.dims[0];
    return { kind: 'swath', axis, lat, lon, ...(time && time.dims[0] === axis ? { time } : {}) };
  }
  if (lat && lon && lat.dims.length === 1 && lon.dims.length === 1) {
    return { kind: 'grid', lat, lon, ...(time && time.dims.length === 1 ? { time } : {}) };
  }
  return { kind: 'other' };
}

/** A group of a dataset (e.g. "left" of an L2 Unsmoothed product) presented as a dataset. */
export function groupReader(reader: DatasetReader, group: string): DatasetReader {
  const name = group.replace(/^\/+|\/+$/g, '');
  const sub = reader.info.groups.find(g => g.path.replace(/^\/+/, '') === name);
  if (sub === undefined) {
    const groups = reader.info.groups.map(g => g.path.replace(/^\/+/, ''));
    throw new UsageError(
      `${reader.info.source}: no group "${group}"${groups.length ? ` (it has ${groups.join(', ')})` : ' (it has no groups)'}`
    );
  }
  const info: DatasetInfo = { ...sub, path: '/', source: `${reader.info.source}/${name}`, format: reader.info.format };
  return {
    info,
    readRaw: (variable, slab, signal) => reader.readRaw(`${name}/${variable}`, slab, signal),
    close: () => undefined
  };
}
