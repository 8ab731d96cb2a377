/**
 * "Open this selection": the code that opens what the browser has selected
 * (pass files, a folder of the AVISO tree, a Zarr store, a zcollection, with
 * cycles, passes, a box, a period and variables), in the notebook's language:
 * TypeScript with this project's kernel library, or Python with xarray.
 * Strings are quoted by JSON.stringify in both: a JSON string is also a valid
 * Python string literal (it only uses the escapes \" \\ \n \r \t \b \f \uXXXX).
 */

import type { LocationFormat } from '../catalog/types';
import { toEpochMs } from '../cf/time';
import { UsageError } from '../errors';
import type { NumberFilter } from '../select/query';

export interface SnippetSelection {
  /** Catalog product id, e.g. "L3_LR_SSH", "L2_LR_SSH_Expert". */
  product?: string;
  format: LocationFormat;
  /** Absolute path on the server of the location (or of the folder, store or zcollection selected). */
  root: string;
  /** Absolute paths of the selected pass files (netcdf); they then define the cycles and passes. */
  files?: string[];
  cycles?: NumberFilter;
  passes?: NumberFilter;
  /** [lon_min, lat_min, lon_max, lat_max]; lon_min > lon_max crosses the dateline. */
  bbox?: [number, number, number, number];
  /** Period (inclusive): ISO dates or times, UTC. */
  start?: string;
  end?: string;
  variables?: string[];
  /** The product kind of a folder that holds several (Basic, Expert...). */
  subset?: string;
}

export type SnippetLanguage = 'typescript' | 'python';

const SUBSETS = /^(?:L[23]_LR_SSH_)?(Basic|Expert|WindWave|Unsmoothed|Technical)$/;
/** The L2 and L3 names' cycle and pass, as parseProductFileName reads them (for Python, which has no such rule). */
const PY_NAME = 'r"SWOT_L[23]_LR_SSH_([A-Za-z]+)_(\\d{3})_(\\d{3})_"';
const q = (s: string) => JSON.stringify(s);

interface Prepared {
  selection: SnippetSelection;
  /** The period as ISO instants (UTC); a side not given is undefined. */
  period?: [string | undefined, string | undefined];
  subset?: string;
  title: string;
}

function checkFilter(filter: NumberFilter | undefined, what: string): void {
  if (filter === undefined) {
    return;
  }
  const ok = (n: unknown) => typeof n === 'number' && Number.isInteger(n);
  const valid = ok(filter) || (Array.isArray(filter) && filter.length > 0 && filter.every(ok)) || (typeof filter === 'object' && !Array.isArray(filter) && ok(filter.from) && ok(filter.to) && filter.from <= filter.to);
  if (!valid) {
    throw new UsageError(`openSelectionSnippet: ${what} must be a whole number, a list of them or { from, to }, got ${JSON.stringify(filter)}`);
  }
}

function iso(value: string, what: string): string {
  try {
    return new Date(toEpochMs(value, what)).toISOString();
  } catch (error) {
    throw new UsageError(`openSelectionSnippet: ${(error as Error).message}`);
  }
}

function prepare(selection: SnippetSelection): Prepared {
  const s = selection;
  if (typeof s.root !== 'string' || s.root.trim() === '') {
    throw new UsageError(`openSelectionSnippet: root must be the location's path on the server, got ${JSON.stringify(s.root)}`);
  }
  if (!['netcdf', 'zarr', 'zcollection'].includes(s.format)) {
    throw new UsageError(`openSelectionSnippet: format must be "netcdf", "zarr" or "zcollection", got ${JSON.stringify(s.format)}`);
  }
  if (s.files !== undefined && (!Array.isArray(s.files) || s.files.length === 0 || s.files.some(f => typeof f !== 'string' || f === ''))) {
    throw new UsageError(`openSelectionSnippet: files must be a non-empty list of paths, got ${JSON.stringify(s.files)}`);
  }
  if (s.bbox !== undefined && (!Array.isArray(s.bbox) || s.bbox.length !== 4 || s.bbox.some(x => typeof x !== 'number' || !Number.isFinite(x)) || s.bbox[1] > s.bbox[3])) {
    throw new UsageError(`openSelectionSnippet: bbox must be [lon_min, lat_min, lon_max, lat_max] with lat_min <= lat_max, got ${JSON.stringify(s.bbox)}`);
  }
  checkFilter(s.cycles, 'cycles');
  checkFilter(s.passes, 'passes');
  let period: Prepared['period'];
  if (s.start !== undefined || s.end !== undefined) {
    period = [s.start !== undefined ? iso(s.start, 'start') : undefined, s.end !== undefined ? iso(s.end, 'end') : undefined];
    if (period[0] !== undefined && period[1] !== undefined && period[0] > period[1]) {
      throw new UsageError(`openSelectionSnippet: the period is reversed: ${s.start} is after ${s.end}`);
    }
  }
  const subset = s.subset ?? (s.product !== undefined ? SUBSETS.exec(s.product)?.[1] : undefined);
  const what = s.files ? `${s.files.length} pass file${s.files.length === 1 ? '' : 's'}` : { netcdf: 'netCDF4 files', zarr: 'Zarr store', zcollection: 'zcollection' }[s.format];
  return { selection: s, period, subset, title: `${s.product ? `${s.product}: ` : ''}${what}` };
}

/** A NumberFilter as TypeScript source. */
function tsFilter(filter: NumberFilter): string {
  return typeof filter === 'object' && !Array.isArray(filter) ? `{ from: ${filter.from}, to: ${filter.to} }` : JSON.stringify(filter).replace(/,/g, ', ');
}

function typescript(p: Prepared): string {
  const s = p.selection;
  const lines = ['import * as swot from "jupyterlab-swot/kernel";', '', `// ${p.title}`];
  const options = !s.files && s.format === 'netcdf' && p.subset ? `, { subset: ${q(p.subset)} }` : '';
  if (s.files && s.files.length === 1) {
    lines.push(`const ds = await swot.open(${q(s.files[0])});`);
  } else if (s.files) {
    lines.push('const ds = await swot.open([', ...s.files.map(f => `  ${q(f)},`), ']);');
  } else {
    lines.push(`const ds = await swot.open(${q(s.root)}${options});`);
  }
  const query: string[] = [];
  // Chosen files are the cycles and passes already.
  if (!s.files && s.cycles !== undefined) {
    query.push(`cycles: ${tsFilter(s.cycles)}`);
  }
  if (!s.files && s.passes !== undefined) {
    query.push(`passes: ${tsFilter(s.passes)}`);
  }
  if (s.bbox) {
    query.push(`bbox: [${s.bbox.join(', ')}]`);
  }
  if (p.period) {
    // select() takes both ends: an open side is the mission's start or a far future.
    query.push(`time: [${q(p.period[0] ?? '2022-12-16T00:00:00.000Z')}, ${q(p.period[1] ?? '2100-01-01T00:00:00.000Z')}]`);
  }
  if (s.variables && s.variables.length > 0) {
    query.push(`variables: [${s.variables.map(q).join(', ')}]`);
  }
  if (query.length === 0) {
    lines.push('ds  // the structure; ds.select({ ... }) reads values');
  } else {
    lines.push('const sel = await ds.select({', ...query.map(x => `  ${x},`), '});', 'sel');
  }
  return lines.join('\n') + '\n';
}

/** A NumberFilter as a Python expression on `x`: scalar (for names) or array (for lines). */
function pyFilter(filter: NumberFilter, x: string, array: boolean): string {
  if (typeof filter === 'number') {
    return `(${x} == ${filter})`;
  }
  if (Array.isArray(filter)) {
    return array ? `np.isin(${x}, [${filter.join(', ')}])` : `(${x} in {${filter.join(', ')}})`;
  }
  return array ? `((${x} >= ${filter.from}) & (${x} <= ${filter.to}))` : `(${filter.from} <= ${x} <= ${filter.to})`;
}

function pyTime(isoTime: string): string {
  // numpy's datetime64 takes no zone: the instants are UTC already.
  return `np.datetime64(${q(isoTime.replace(/Z$/, ''))})`;
}

function pythonNetcdf(p: Prepared, out: string[]): void {
  const s = p.selection;
  out.push(
    'def per_line(ds):',
    '    """Cycle and pass of each line, from the file name (L3 files carry them only there);',
    '    the nadir indices (num_nadir) differ in length from pass to pass and are dropped."""',
    `    m = re.match(${PY_NAME}, os.path.basename(ds.encoding["source"]))`,
    '    ds = ds.drop_dims("num_nadir", errors="ignore")',
    '    if m:',
    '        n = ds.sizes["num_lines"]',
    '        ds = ds.assign(cycle_number=("num_lines", np.full(n, int(m[2]), np.int16)),',
    '                       pass_number=("num_lines", np.full(n, int(m[3]), np.int16)))',
    '    return ds',
    ''
  );
  if (s.files) {
    out.push('files = [', ...s.files.map(f => `    ${q(f)},`), ']');
  } else {
    const tests = [
      'm is not None',
      ...(p.subset ? [`m[1] == ${q(p.subset)}`] : []),
      ...(s.cycles !== undefined ? [pyFilter(s.cycles, 'int(m[2])', false)] : []),
      ...(s.passes !== undefined ? [pyFilter(s.passes, 'int(m[3])', false)] : [])
    ];
    out.push(
      `root = ${q(s.root)}`,
      '',
      'def wanted(path):',
      `    m = re.match(${PY_NAME}, os.path.basename(path))`,
      `    return ${tests.join(' and ')}`,
      '',
      '# The AVISO tree (cycle_CCC/ folders, one file per pass); glob skips hidden folders.',
      'files = sorted(f for f in glob.glob(os.path.join(glob.escape(root), "**", "*.nc"), recursive=True) if wanted(f))',
      'if not files:',
      '    raise FileNotFoundError(f"no product file of the selection under {root}")'
    );
  }
  out.push(
    'if len(files) == 1:',
    '    ds = per_line(xr.open_dataset(files[0]))',
    'else:',
    '    ds = xr.open_mfdataset(files, combine="nested", concat_dim="num_lines", preprocess=per_line,',
    '                           data_vars="minimal", coords="minimal", compat="override")'
  );
}

function pythonZcollection(p: Prepared, out: string[]): void {
  const s = p.selection;
  const tests: string[] = [];
  if (s.cycles !== undefined) {
    tests.push(`    if "cycle_number" in keys and not ${pyFilter(s.cycles, 'int(keys["cycle_number"])', false)}:`, '        return False');
  }
  if (s.passes !== undefined) {
    tests.push(`    if "pass_number" in keys and not ${pyFilter(s.passes, 'int(keys["pass_number"])', false)}:`, '        return False');
  }
  if (p.period) {
    tests.push(
      '    if "year" in keys:  # a date partition: its year, month or day overlaps the period',
      '        unit = "D" if "day" in keys else "M" if "month" in keys else "Y"',
      '        first = np.datetime64("-".join(keys[k].zfill(4 if k == "year" else 2) for k in ("year", "month", "day") if k in keys), unit)',
      `        return ${[p.period[1] !== undefined ? `first <= ${pyTime(p.period[1])}` : '', p.period[0] !== undefined ? `first + 1 > ${pyTime(p.period[0])}` : ''].filter(Boolean).join(' and ')}`
    );
  }
  out.push(
    `root = ${q(s.root)}`,
    '',
    '# A zcollection read with xarray (no zcollection package needed): each partition',
    '# (year=/month=/day= or cycle_number=/pass_number=) is a Zarr group; partitions',
    '# outside the selection are not opened.',
    'def wanted(keys):',
    ...tests,
    '    return True',
    '',
    'def partitions(root):',
    '    for folder, subfolders, names in os.walk(root):',
    '        keys = dict(p.split("=", 1) for p in os.path.relpath(folder, root).split(os.sep) if "=" in p)',
    '        subfolders[:] = sorted(d for d in subfolders if not d.startswith(".") and wanted({**keys, **dict([d.split("=", 1)])} if "=" in d else keys))',
    '        if keys and (".zgroup" in names or "zarr.json" in names):',
    '            yield folder',
    '',
    'parts = list(partitions(root))',
    'if not parts:',
    '    raise FileNotFoundError(f"no partition of {root} matches the selection")',
    'ds = xr.concat([xr.open_zarr(p) for p in parts], dim="num_lines", data_vars="minimal", coords="minimal", compat="override")',
    'if os.path.isdir(os.path.join(root, ".immutable")):  # variables that no partition holds (cross_track_distance)',
    '    ds = ds.merge(xr.open_zarr(os.path.join(root, ".immutable")))'
  );
}

function python(p: Prepared): string {
  const s = p.selection;
  const out = [
    ...(s.format === 'zarr' ? [] : ['import glob', 'import os', 'import re', '']),
    'import numpy as np',
    'import xarray as xr',
    '',
    `# ${p.title}`
  ];
  if (s.format === 'netcdf') {
    pythonNetcdf(p, out);
  } else if (s.format === 'zcollection') {
    pythonZcollection(p, out);
  } else {
    out.push(`ds = xr.open_zarr(${q(s.root)})`);
  }
  if (s.variables && s.variables.length > 0) {
    out.push(`ds = ds[[v for v in [${[...s.variables, 'latitude', 'longitude', 'time', 'cycle_number', 'pass_number'].map(q).join(', ')}] if v in ds]]`);
  }
  const masks: string[] = [];
  // Pass files were chosen by cycle and pass already; stores and collections are masked line by line.
  const byName = s.format === 'netcdf';
  if (!byName && s.cycles !== undefined) {
    masks.push(`keep &= ${pyFilter(s.cycles, 'ds["cycle_number"].values', true)}`);
  }
  if (!byName && s.passes !== undefined) {
    masks.push(`keep &= ${pyFilter(s.passes, 'ds["pass_number"].values', true)}`);
  }
  if (p.period?.[0] !== undefined) {
    masks.push(`keep &= ds["time"].values >= ${pyTime(p.period[0])}`);
  }
  if (p.period?.[1] !== undefined) {
    masks.push(`keep &= ds["time"].values <= ${pyTime(p.period[1])}`);
  }
  if (masks.length > 0) {
    out.push('', '# The lines of the selection.', 'keep = np.ones(ds.sizes["num_lines"], dtype=bool)', ...masks, 'ds = ds.isel(num_lines=np.flatnonzero(keep))');
  }
  if (s.bbox) {
    const [lonMin, latMin, lonMax, latMax] = s.bbox;
    out.push(
      '',
      '# Lines crossing the box, kept whole; longitudes in either convention, across the dateline too.',
      `lon_min, lat_min, lon_max, lat_max = ${lonMin}, ${latMin}, ${lonMax}, ${latMax}`,
      'inside = (ds.latitude >= lat_min) & (ds.latitude <= lat_max) & ((ds.longitude - lon_min) % 360 <= (lon_max - lon_min) % 360)',
      'ds = ds.isel(num_lines=np.flatnonzero(inside.any("num_pixels").values))'
    );
  }
  out.push('ds');
  return out.join('\n') + '\n';
}

/**
 * The code that opens a selection, in TypeScript (the kernel library) or
 * Python (xarray); its last expression shows the dataset.
 *
 * @example
 * openSelectionSnippet({ product: 'L3_LR_SSH', format: 'zarr', root: '/data/sample/zarr/L3_LR_SSH_Expert.zarr', cycles: 25, passes: [242] }, 'python');
 * @throws UsageError for a selection without a root, with a bad format, box, period or cycle/pass filter
 */
export function openSelectionSnippet(selection: SnippetSelection, language: SnippetLanguage): string {
  const prepared = prepare(selection);
  if (language === 'typescript') {
    return typescript(prepared);
  }
  if (language === 'python') {
    return python(prepared);
  }
  throw new UsageError(`openSelectionSnippet: language must be "typescript" or "python", got ${JSON.stringify(language)}`);
}

/**
 * The snippet language of a kernel, from its kernelspec's language (or name):
 * tslab's "typescript", ipykernel's "python"; undefined for others.
 */
export function kernelLanguage(info: { language?: string; name?: string } | undefined): SnippetLanguage | undefined {
  const language = info?.language?.trim().toLowerCase();
  if (language === 'typescript' || language === 'ts') {
    return 'typescript';
  }
  if (language === 'python' || language === 'python3') {
    return 'python';
  }
  if (language) {
    return undefined;
  }
  const name = info?.name?.trim().toLowerCase() ?? '';
  if (name === 'tslab' || name.startsWith('typescript')) {
    return 'typescript';
  }
  if (name.startsWith('python') || name === 'ipykernel') {
    return 'python';
  }
  return undefined;
}
