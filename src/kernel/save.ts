/**
 * `save(data, path)`: write a selection (or a whole dataset) as netCDF4 (.nc)
 * or Zarr v2 (.zarr), with the input's dimension names, encodings and CF
 * attributes, so that xarray.open_dataset / open_zarr read the same values.
 * Never overwrites: the output must not exist unless `overwrite` is set, and
 * it is written to a temporary name first, then renamed.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { checkOptionKeys, DecodedDataset, optionKeys, UsageError } from '../core';
import { Dataset, Selection, isDataset } from './dataset';
import { writeNetcdf } from './write-netcdf';
import { writeZarr } from './write-zarr';

export interface SaveOptions {
  /** Replace an existing output (default false: refuse). */
  overwrite?: boolean;
}

const SAVE_KEYS = optionKeys<SaveOptions>({ overwrite: true });


/**
 * @throws UsageError (output exists, unknown extension), SwotError from reading
 */
export async function save(data: Selection | DecodedDataset | Dataset, path: string, options: SaveOptions = {}): Promise<string> {
  checkOptionKeys(options, SAVE_KEYS, 'save()');
  const format = /\.nc4?$/i.test(path) ? 'netcdf' : /\.zarr\/?$/i.test(path) ? 'zarr' : undefined;
  if (format === undefined) {
    throw new UsageError(`${path}: the output must end in .nc or .zarr`);
  }
  const target = resolve(path);
  if (existsSync(target) && !options.overwrite) {
    throw new UsageError(`${path}: already exists; choose another name or pass overwrite (--force)`);
  }
  const decoded: DecodedDataset = isDataset(data) ? await data.select() : data;
  await mkdir(dirname(target), { recursive: true });
  const temporary = `${target}.partial-${process.pid}`;
  try {
    if (format === 'netcdf') {
      await writeNetcdf(decoded, temporary);
    } else {
      await writeZarr(decoded, temporary);
    }
    if (existsSync(target)) {
      await rm(target, { recursive: true, force: true });
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  return path;
}
