/**
 * The results of `swot stats`, `swot map` and `swot merge`, written by one
 * set of functions: a merge's output is byte for byte what the single run
 * writes (`diff` of the two is empty), because both go through here.
 */
import { writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { BinnedMap, DecodedVariable, UsageError } from '../core';
import type { ReductionInfo } from './partial';
import { save } from './save';
import type { StatsResult } from './stats';
import { version } from './version';

/** `swot stats --json`: numbers as JSON, NaN and infinities as null. */
export function statsJson(result: StatsResult): string {
  return JSON.stringify(result, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? null : x), 2);
}

/** `swot stats` without --json: one line for the total, one per pass. */
export function statsText(result: StatsResult): string[] {
  const t = result.total;
  const u = result.units ? ` ${result.units}` : '';
  return [
    `${result.variable}: count ${t.count}, mean ${t.mean}${u}, std ${t.std}${u}, rms ${t.rms}${u}, min ${t.min}${u}, max ${t.max}${u}`,
    ...(result.passes ?? []).map(row => `  cycle ${row.cycle ?? '-'} pass ${row.pass ?? '-'}: count ${row.count}, mean ${row.mean}, std ${row.std}`)
  ];
}

/** Write the JSON result to `path` (never over a file unless `overwrite`). */
export async function writeStatsJson(result: StatsResult, path: string, overwrite = false): Promise<void> {
  if (existsSync(path) && !overwrite) {
    throw new UsageError(`${path}: already exists; choose another name or pass --force`);
  }
  await writeFile(path, statsJson(result) + '\n');
}

/**
 * A binned map as netCDF4 (CF-1.8): lat, lon cell centres, and count, mean,
 * std, rms, min, max on (lat, lon), NaN in empty cells; the reduction in the
 * global attributes (variable, grid, passes reduced, version).
 *
 * @throws UsageError (the output exists), SwotError from writing
 */
export async function writeMapFile(map: BinnedMap, info: ReductionInfo, passes: number, path: string, overwrite = false): Promise<string> {
  const [nLat, nLon] = map.shape;
  const field = (name: keyof BinnedMap & ('count' | 'mean' | 'std' | 'rms' | 'min' | 'max'), longName: string): DecodedVariable => ({
    name,
    dims: ['lat', 'lon'],
    shape: [nLat, nLon],
    data: map[name],
    attrs: { long_name: `${longName} of ${info.variable} in the cell`, ...(name !== 'count' && info.units ? { units: info.units } : {}), ...(name === 'count' ? { units: '1' } : {}) },
    encoding: { dtype: name === 'count' ? 'int32' : 'float64' }
  });
  const variables: DecodedVariable[] = [
    { name: 'lat', dims: ['lat'], shape: [nLat], data: map.lat, attrs: { standard_name: 'latitude', long_name: 'latitude of the cell centre', units: 'degrees_north' }, encoding: { dtype: 'float64' } },
    { name: 'lon', dims: ['lon'], shape: [nLon], data: map.lon, attrs: { standard_name: 'longitude', long_name: 'longitude of the cell centre', units: 'degrees_east' }, encoding: { dtype: 'float64' } },
    field('count', 'number of valid values'),
    field('mean', 'mean'),
    field('std', 'population standard deviation'),
    field('rms', 'root mean square'),
    field('min', 'minimum'),
    field('max', 'maximum')
  ];
  const attrs = {
    Conventions: 'CF-1.8',
    title: `Binned map of ${info.variable} (jupyterlab-swot)`,
    swot_variable: info.variable,
    swot_grid: JSON.stringify(info.grid),
    swot_selection: info.selection,
    swot_units_reduced: passes,
    swot_version: version
  };
  return save({ source: path, dims: { lat: nLat, lon: nLon }, variables, attrs }, path, { overwrite });
}
