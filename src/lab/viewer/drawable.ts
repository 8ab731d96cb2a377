/** Which variables of a dataset can be drawn on a map, and which to show first. */
import { DatasetInfo, detectLayout, GroupInfo } from '../../core';

const PREFERRED = ['ssha_filtered', 'ssha_karin_2', 'ssh_karin_2', 'ssha_unfiltered', 'ssha_karin', 'ssha', 'sla', 'adt'];
const COORDINATES = new Set(['latitude', 'longitude', 'lat', 'lon', 'time', 'latitude_nadir', 'longitude_nadir']);

function drawableIn(group: GroupInfo): string[] {
  const layout = detectLayout(group);
  if (layout.kind === 'other') {
    return [];
  }
  return group.variables
    .filter(v => !COORDINATES.has(v.name) && v.dtype !== 'string' && v.dtype !== 'unknown')
    .filter(v =>
      layout.kind === 'swath'
        ? v.dims.join() === layout.lat.dims.join()
        : v.dims.length >= 2 && v.dims[v.dims.length - 2] === layout.lat.dims[0] && v.dims[v.dims.length - 1] === layout.lon.dims[0]
    )
    .map(v => v.name);
}

/** Variables drawn by readLayers: the root's, else those of the groups (L2 Unsmoothed /left, /right). */
export function drawableVariables(info: DatasetInfo): string[] {
  const root = drawableIn(info);
  if (root.length > 0) {
    return root;
  }
  const names = new Set<string>();
  for (const g of info.groups) {
    drawableIn(g).forEach(n => names.add(n));
  }
  return [...names];
}

export function defaultVariable(names: readonly string[]): string | undefined {
  return PREFERRED.find(n => names.includes(n)) ?? names[0];
}
