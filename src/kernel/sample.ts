/**
 * Where the sample dataset is, so that a tutorial runs wherever it is copied:
 * never a path relative to the repository. The server extension exports
 * c.Swot.sample_data to its kernels as $SWOT_SAMPLE_DATA; in a clone, the
 * `data/sample` folder beside dist/ is the fallback (plain Node, tests).
 *
 * @example
 * const store = await swot.open(swot.sampleData('zarr', 'L3_LR_SSH_Expert.zarr'));
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { FileAccessError, UsageError } from '../core';

export const SAMPLE_DATA_HINT =
  "no sample dataset: the server's c.Swot.sample_data is not set; generate one with " +
  '`python tools/generate_sample_data.py --out DIR` and start JupyterLab with --Swot.sample_data=DIR, ' +
  'or set SWOT_SAMPLE_DATA';

const SOURCE = 'swot.sampleData()';

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** $SWOT_SAMPLE_DATA, else the clone's data/sample (beside dist/, or beside src/ under ts-jest). */
function sampleRoot(): string {
  const configured = process.env.SWOT_SAMPLE_DATA;
  if (configured) {
    // A configured folder that is missing is an error, not a reason to read another dataset.
    if (!isFolder(configured)) {
      throw new FileAccessError(SOURCE, `SWOT_SAMPLE_DATA is ${configured}, which is not a folder: ${SAMPLE_DATA_HINT.replace('no sample dataset: ', '')}`);
    }
    return resolve(configured);
  }
  const clone = [join(__dirname, '..', 'data', 'sample'), join(__dirname, '..', '..', 'data', 'sample')].find(d =>
    existsSync(join(d, 'manifest.json'))
  );
  if (!clone) {
    throw new FileAccessError(SOURCE, SAMPLE_DATA_HINT);
  }
  return resolve(clone);
}

/**
 * The absolute path of `parts` inside the sample dataset (no parts: the dataset's folder).
 * @throws FileAccessError when there is no sample dataset, or it has no such file or folder
 * @throws UsageError for a part that is not a string or leaves the dataset (`..`, absolute)
 */
export function sampleData(...parts: string[]): string {
  for (const part of parts) {
    if (typeof part !== 'string') {
      throw new UsageError(`sampleData(): each part must be a string, got ${JSON.stringify(part)}`);
    }
  }
  const root = sampleRoot();
  const path = resolve(root, ...parts);
  const inside = relative(root, path);
  if (inside.startsWith('..') || isAbsolute(inside)) {
    throw new UsageError(`sampleData(${parts.map(p => JSON.stringify(p)).join(', ')}): leaves the sample dataset ${root}`);
  }
  if (!existsSync(path)) {
    throw new FileAccessError(path, `not in the sample dataset ${root}: regenerate it with \`python tools/generate_sample_data.py --out ${root}\``);
  }
  return path;
}
