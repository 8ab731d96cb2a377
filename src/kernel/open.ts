/**
 * `open(target)`: one entry for every way SWOT data is stored. A netCDF4
 * file, a Zarr v2/v3 store, a zcollection, a directory of products (the
 * AVISO tree), a glob pattern, or a list of files: the last three become one
 * collection stacked along the line axis, sorted by time.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  checkOptionKeys,
  chooseProductKind,
  CollectionMember,
  DatasetInfo,
  DatasetReader,
  detectProduct,
  FileAccessError,
  matchesKind,
  optionKeys,
  openZarr,
  productKind,
  ProductId,
  stackReaders,
  UsageError
} from '../core';
import { asDataset, Dataset } from './dataset';
import { expandGlob, isGlob, netcdfFilesUnder } from './find-files';
import { fsStore } from './fs-store';
import { openNetcdf } from './open-netcdf';
import { openZcollection } from './open-zcollection';

export type { Dataset, Selection } from './dataset';

export interface OpenOptions {
  /**
   * Which kind of product to open from a folder, glob pattern or list that
   * holds several (L2_LR_SSH Basic, Expert, Unsmoothed): a subset ("Expert")
   * or a product id ("L2_LR_SSH_Expert"). On one file or store: checked
   * against what it is.
   */
  subset?: string;
}

const OPEN_KEYS = optionKeys<OpenOptions>({ subset: true });

function isZarrDirectory(path: string): boolean {
  return ['.zmetadata', '.zgroup', 'zarr.json'].some(name => existsSync(join(path, name)));
}

function isZcollection(path: string): boolean {
  return ['.zcollection', '_zcollection.json'].some(name => existsSync(join(path, name)));
}

async function openOne(path: string, template?: DatasetInfo): Promise<DatasetReader> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new FileAccessError(path, 'no such file or directory', error);
  }
  if (!info.isDirectory()) {
    return openNetcdf(path, template);
  }
  if (isZcollection(path)) {
    return openZcollection(path);
  }
  if (isZarrDirectory(path)) {
    return openZarr(fsStore(path));
  }
  throw new UsageError(`${path}: a directory that is neither a Zarr store nor a zcollection`);
}

/** A collection and the files it was made of (one kind of product). */
interface Opened {
  dataset: Dataset;
  files?: string[];
}

async function openCollection(all: string[], source: string, subset: string | undefined): Promise<Opened> {
  if (all.length === 0) {
    throw new UsageError(`${source}: no product found`);
  }
  const paths = chooseProductKind(all, source, subset);
  if (paths.length === 1 && all.length > 1) {
    // One file of the kind chosen (e.g. the Unsmoothed pass, with groups): the file itself.
    return { ...(await openTarget(paths[0], subset)), files: paths };
  }
  return { dataset: asDataset(await stackFiles(paths, source)), files: paths };
}

async function stackFiles(paths: string[], source: string): Promise<DatasetReader> {
  const members: CollectionMember[] = [];
  try {
    // The first file is read in full; the others are checked against it lazily
    // (products of one kind share their structure), which keeps opening fast.
    let template: DatasetInfo | undefined;
    for (const path of paths) {
      const reader = await openOne(path, template);
      if (template === undefined && reader.info.format === 'netcdf4' && reader.info.groups.length === 0) {
        template = reader.info;
      }
      members.push({ reader, product: detectProduct(path, reader.info.attrs) });
    }
  } catch (error) {
    members.forEach(m => m.reader.close());
    throw error;
  }
  // Time order (then name), so that lines follow each other as they were measured.
  members.sort((a, b) => {
    const ta = a.product?.timeStart ?? '';
    const tb = b.product?.timeStart ?? '';
    return ta < tb ? -1 : ta > tb ? 1 : basename(a.reader.info.source).localeCompare(basename(b.reader.info.source));
  });
  const first = members[0].reader.info;
  const axis = first.dims['num_lines'] !== undefined ? 'num_lines' : first.dims['time'] !== undefined ? 'time' : undefined;
  if (axis === undefined) {
    throw new UsageError(`${source}: products without num_lines or time dimension cannot be stacked`);
  }
  return stackReaders(members, axis, source, first.format);
}

/**
 * Open SWOT data: the structure is read now, the values when asked for.
 *
 * @example
 * const ds = await open('data/sample/zarr/L3_LR_SSH_Expert.zarr');
 * const med = await ds.select({ variables: ['ssha_filtered'], bbox: [-6, 30, 36, 46], cycles: { from: 1, to: 2 } });
 *
 * const l2 = await open('data/sample/netcdf/L2_LR_SSH', { subset: 'Expert' }); // one kind of a mixed folder
 *
 * @throws FileAccessError, NotNetcdfError, TruncatedFileError, CorruptFileError, UsageError,
 *   MixedProductsError (a folder, glob or list of several kinds of product without `subset`)
 */
export async function open(target: string | string[], options: OpenOptions = {}): Promise<Dataset> {
  checkOptionKeys(options, OPEN_KEYS, 'open()');
  const subset = options?.subset;
  const { dataset, files } = await openTarget(target, subset);
  // Remembered so that worker threads can open the same data themselves (the chosen files of a mixed folder).
  Object.defineProperty(dataset, 'target', { value: files ?? target, enumerable: false });
  return dataset;
}

/** A single file or store asked to be of a kind it is not (when its kind is known: a subset in its name or attributes). */
function checkKind(source: string, product: ProductId | undefined, subset: string | undefined): void {
  if (subset !== undefined && product?.subset !== undefined && !matchesKind(product, subset)) {
    throw new UsageError(`${source}: is ${productKind(product)}, not "${subset}"`);
  }
}

async function openTarget(target: string | string[], subset: string | undefined): Promise<Opened> {
  if (Array.isArray(target)) {
    return openCollection(target, `${target.length} files`, subset);
  }
  if (typeof target !== 'string' || target.length === 0) {
    throw new UsageError('open(target): give a path, a glob pattern or a list of paths');
  }
  if (isGlob(target) && !existsSync(target)) {
    const files = await expandGlob(target);
    if (files.length === 0) {
      throw new FileAccessError(target, 'no file matches this pattern');
    }
    return files.length === 1 ? openTarget(files[0], subset) : openCollection(files, target, subset);
  }
  let info;
  try {
    info = await stat(target);
  } catch (error) {
    throw new FileAccessError(target, 'no such file or directory', error);
  }
  if (info.isDirectory() && !isZarrDirectory(target) && !isZcollection(target)) {
    const files = await netcdfFilesUnder(target);
    if (files.length === 0) {
      throw new UsageError(`${target}: no netCDF product (*.nc) under this directory`);
    }
    return openCollection(files, target, subset);
  }
  const reader = await openOne(target);
  const product = detectProduct(target, reader.info.attrs);
  try {
    checkKind(target, product, subset);
  } catch (error) {
    reader.close();
    throw error;
  }
  return { dataset: asDataset(reader, product) };
}
