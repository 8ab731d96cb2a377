/**
 * What a listed folder entry is in the SWOT data tree: a product version
 * (v2_0_1, PIC2), a subset (Expert), a cycle (cycle_025), a pass file, a
 * zcollection partition (year=2023, cycle_number=1), a Zarr store or
 * zcollection, or a plain folder or file. Pure: the server lists, this names.
 * File names are read by parseProductFileName, the one rule set.
 */

import type { LocationFormat } from '../catalog/types';
import { parseProductFileName, ProductId } from '../product';

export type RowKind = 'version' | 'subset' | 'cycle' | 'pass' | 'partition' | 'store' | 'folder' | 'file';

/** What the server's listing says of a folder's content (from a bounded scan). */
export interface FolderSummary {
  files: number;
  directories: number;
  bytes: number;
  /** First and last file names, in name order. */
  first?: string;
  last?: string;
  /** Marker files found: .zgroup, .zmetadata, zarr.json, .zcollection, _zcollection.json. */
  markers: string[];
  /** The scan stopped before the end: the counts are lower bounds. */
  truncated?: boolean;
}

/** One entry of the server's folder listing (/swot/list/). */
export interface FolderEntryLike {
  name: string;
  kind: 'file' | 'directory';
  size?: number;
  mtime?: number | string;
  /** Why the server will not list or read it (outside the data roots, unreadable). */
  refused?: string | boolean;
  summary?: FolderSummary;
}

export interface BrowseRow {
  kind: RowKind;
  /** The entry's name on disk. */
  name: string;
  /** Server path of the entry (the parent's path and the name). */
  path: string;
  /** What the browser shows: "cycle 025", "pass 242", "v2.0.1", "year 2023". */
  label: string;
  cycle?: number;
  pass?: number;
  version?: string;
  subset?: string;
  /** ISO times of the first and last measurement. */
  timeStart?: string;
  timeEnd?: string;
  /** Bytes: of the file, or of a folder's scanned content. */
  size?: number;
  /** Files in a folder (from its summary). */
  files?: number;
  format?: LocationFormat;
  /** zcollection partition keys down to this row, e.g. { year: '2023', month: '05' }. */
  partition?: Record<string, string>;
  product?: ProductId;
  /** The server's reason for refusing it. */
  refused?: string;
  /** The summary's counts are lower bounds. */
  truncated?: boolean;
}

const SUBSETS = new Map(['Basic', 'Expert', 'WindWave', 'Unsmoothed', 'Technical'].map(s => [s.toLowerCase(), s]));
const CYCLE_FOLDER = /^cycle_(\d{3,})$/;
const VERSION_FOLDER = /^v(\d+(?:[._]\d+)*)$/;
/** L2 CRIDs used as folder names in the AVISO tree (PIC0, PGC0, PIC2...). */
const CRID_FOLDER = /^P[IG][A-Z]\d$/;
const PARTITION = /^([A-Za-z_][A-Za-z0-9_]*)=([^=/]+)$/;
const ZCOLLECTION_MARKERS = ['.zcollection', '_zcollection.json'];
const ZARR_MARKERS = ['.zgroup', 'zarr.json', '.zmetadata'];
const NETCDF_FILE = /\.(nc|nc4|h5|hdf5)$/i;
const PARTITION_LABEL: Record<string, string> = { cycle_number: 'cycle', pass_number: 'pass' };

/** Names that are never products: dot-files and dot-folders (.ipynb_checkpoints, .immutable). */
export function isHiddenName(name: string): boolean {
  return name === '' || name.startsWith('.') || name === '__pycache__';
}

export function joinPath(parent: string, name: string): string {
  if (parent === '') {
    return name;
  }
  return parent.charCodeAt(parent.length - 1) === 47 /* / */ ? `${parent.replace(/\/+$/, '')}/${name}` : `${parent}/${name}`;
}

function pad3(n: number): string {
  return String(n).padStart(3, '0');
}

/** The trailing run of key=value folders of a path (a zcollection partition's ancestors). */
function partitionOf(parentPath: string): Record<string, string> {
  const out: Record<string, string> = {};
  const parts = parentPath.split('/');
  let i = parts.length;
  while (i > 0 && PARTITION.test(parts[i - 1])) {
    i--;
  }
  for (const part of parts.slice(i)) {
    const m = PARTITION.exec(part)!;
    out[m[1]] = m[2];
  }
  return out;
}

/** [start, end] of a date partition (year, year/month, year/month/day), ISO, UTC. */
function partitionSpan(keys: Record<string, string>): [string, string] | undefined {
  const year = Number(keys.year);
  if (keys.year === undefined || !Number.isInteger(year)) {
    return undefined;
  }
  const month = keys.month !== undefined ? Number(keys.month) - 1 : undefined;
  const day = keys.day !== undefined && month !== undefined ? Number(keys.day) : undefined;
  if ((month !== undefined && !Number.isInteger(month)) || (day !== undefined && !Number.isInteger(day))) {
    return undefined;
  }
  const start = Date.UTC(year, month ?? 0, day ?? 1);
  const end = day !== undefined ? Date.UTC(year, month!, day + 1) : month !== undefined ? Date.UTC(year, month + 1, 1) : Date.UTC(year + 1, 0, 1);
  return [new Date(start).toISOString(), new Date(end - 1).toISOString()];
}

function storeFormat(name: string, markers: readonly string[]): LocationFormat | undefined {
  if (markers.some(m => ZCOLLECTION_MARKERS.includes(m))) {
    return 'zcollection';
  }
  if (/\.zarr$/i.test(name) || markers.some(m => ZARR_MARKERS.includes(m))) {
    return 'zarr';
  }
  return undefined;
}

function folderRow(parentPath: string, entry: FolderEntryLike, path: string): BrowseRow {
  const { name, summary } = entry;
  const row: BrowseRow = { kind: 'folder', name, path, label: name };
  if (summary) {
    row.files = summary.files;
    row.size = summary.bytes;
    if (summary.truncated) {
      row.truncated = true;
    }
  }
  const partition = PARTITION.exec(name);
  if (partition) {
    const keys = { ...partitionOf(parentPath), [partition[1]]: partition[2] };
    row.kind = 'partition';
    row.partition = keys;
    row.label = `${PARTITION_LABEL[partition[1]] ?? partition[1]} ${partition[2]}`;
    if (keys.cycle_number !== undefined && /^\d+$/.test(keys.cycle_number)) {
      row.cycle = Number(keys.cycle_number);
    }
    if (keys.pass_number !== undefined && /^\d+$/.test(keys.pass_number)) {
      row.pass = Number(keys.pass_number);
    }
    const span = partitionSpan(keys);
    if (span) {
      [row.timeStart, row.timeEnd] = span;
    }
    // The innermost partition is a Zarr group: a dataset to read, not a folder to enter.
    if ((summary?.markers ?? []).some(m => ZARR_MARKERS.includes(m))) {
      row.format = 'zarr';
    }
    return row;
  }
  const format = storeFormat(name, summary?.markers ?? []);
  if (format) {
    row.kind = 'store';
    row.format = format;
    return row;
  }
  let m = CYCLE_FOLDER.exec(name);
  if (m) {
    row.kind = 'cycle';
    row.cycle = Number(m[1]);
    row.label = `cycle ${pad3(row.cycle)}`;
    // Passes in a cycle folder sort by pass number, hence by time within the cycle.
    const first = summary?.first !== undefined ? parseProductFileName(summary.first) : undefined;
    const last = summary?.last !== undefined ? parseProductFileName(summary.last) : undefined;
    if (first?.timeStart) {
      row.timeStart = first.timeStart;
    }
    if (last?.timeEnd ?? last?.timeStart) {
      row.timeEnd = last!.timeEnd ?? last!.timeStart;
    }
    const kind = first ?? last;
    if (kind?.version) {
      row.version = kind.version;
    }
    if (kind?.subset) {
      row.subset = kind.subset;
    }
    return row;
  }
  m = VERSION_FOLDER.exec(name);
  if (m || CRID_FOLDER.test(name)) {
    row.kind = 'version';
    row.version = m ? m[1].replace(/_/g, '.') : name;
    row.label = m ? `v${row.version}` : name;
    return row;
  }
  const subset = SUBSETS.get(name.toLowerCase());
  if (subset) {
    row.kind = 'subset';
    row.subset = subset;
    row.label = subset;
  }
  // reproc/, forward/ and anything else: plain folders.
  return row;
}

function fileRow(entry: FolderEntryLike, path: string): BrowseRow {
  const product = parseProductFileName(entry.name);
  const size = typeof entry.size === 'number' && Number.isFinite(entry.size) ? entry.size : undefined;
  if (product && product.cycle !== undefined && product.pass !== undefined) {
    // One literal, one shape: 10,000 pass rows are built in a few milliseconds.
    const row: BrowseRow = {
      kind: 'pass',
      name: entry.name,
      path,
      label: `pass ${pad3(product.pass)}`,
      cycle: product.cycle,
      pass: product.pass,
      version: product.version,
      subset: product.subset,
      timeStart: product.timeStart,
      timeEnd: product.timeEnd,
      size,
      format: 'netcdf',
      product
    };
    return dropUndefined(row);
  }
  const row: BrowseRow = { kind: 'file', name: entry.name, path, label: entry.name };
  if (size !== undefined) {
    row.size = size;
  }
  if (product) {
    row.format = 'netcdf';
    row.product = product;
    for (const key of ['version', 'subset', 'timeStart', 'timeEnd'] as const) {
      if (product[key] !== undefined) {
        row[key] = product[key];
      }
    }
  } else if (NETCDF_FILE.test(entry.name)) {
    row.format = 'netcdf';
  }
  return row;
}

/** Rows hold no undefined fields (they compare and serialise as plain data). */
function dropUndefined(row: BrowseRow): BrowseRow {
  if (row.version === undefined) delete row.version;
  if (row.subset === undefined) delete row.subset;
  if (row.timeStart === undefined) delete row.timeStart;
  if (row.timeEnd === undefined) delete row.timeEnd;
  if (row.size === undefined) delete row.size;
  return row;
}

/**
 * The browser's row for one listed entry of the folder `parentPath`;
 * undefined for hidden names (dot-files, .ipynb_checkpoints), which are never products.
 *
 * @example
 * browseRow('data/sample/netcdf/L3_LR_SSH/v2_0_1/Expert', { name: 'cycle_025', kind: 'directory', size: 0, mtime: 0 });
 * // { kind: 'cycle', cycle: 25, label: 'cycle 025', path: 'data/sample/.../Expert/cycle_025', ... }
 */
export function browseRow(parentPath: string, entry: FolderEntryLike): BrowseRow | undefined {
  if (isHiddenName(entry.name)) {
    return undefined;
  }
  const path = joinPath(parentPath, entry.name);
  const row = entry.kind === 'directory' ? folderRow(parentPath, entry, path) : fileRow(entry, path);
  if (entry.refused) {
    row.refused = typeof entry.refused === 'string' ? entry.refused : 'refused by the server';
  }
  return row;
}
