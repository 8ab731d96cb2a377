/** Which kind of geometry a dataset has: a swath (lines x pixels) or a regular grid. */

import { DatasetInfo, GroupInfo, VariableInfo } from '../dataset';
import { UsageError } from '../errors';
import { DatasetReader } from '../reader';

export type Layout =
  | { kind: 'swath'; axis: string; lat: VariableInfo; lon: VariableInfo; time?: VariableInfo }
  | { kind: 'grid'; lat: VariableInfo; lon: VariableInfo; time?: VariableInfo }
  | { kind: 'other' };

const LAT_NAMES = ['latitude', 'lat'];
const LON_NAMES = ['longitude', 'lon'];

function find(info: GroupInfo, names: string[]): VariableInfo | undefined {
  return names.map(n => info.variables.find(v => v.name === n)).find(v => v !== undefined);
}

export function detectLayout(info: GroupInfo): Layout {
  const lat = find(info, LAT_NAMES);
  const lon = find(info, LON_NAMES);
  const time = find(info, ['time']);
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
