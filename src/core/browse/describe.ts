/** One line of facts for a browser row: "cycle 025 · 584 files · 1.2 GB · 2024-12-05 → 2024-12-26". */

import { formatVolume } from '../catalog/catalog';
import type { Volume } from '../catalog/types';
import { BrowseRow } from './rows';

const UNITS: Array<[Volume['unit'], number]> = [
  ['PB', 1e15],
  ['TB', 1e12],
  ['GB', 1e9],
  ['MB', 1e6],
  ['kB', 1e3]
];

/** Bytes in decimal units, as the catalog's volumes: "1.2 GB", "622 MB", "512 B". */
export function formatBytes(bytes: number): string {
  for (const [unit, scale] of UNITS) {
    if (bytes >= scale * 0.9995) {
      const value = bytes / scale;
      // Three significant digits at most: 1.2 GB, 46.1 MB, 622 MB.
      const rounded = value >= 99.95 ? Math.round(value) : Math.round(value * 10) / 10;
      return formatVolume({ value: rounded, unit });
    }
  }
  return `${Math.round(bytes)} B`;
}

function count(n: number, what: string, atLeast: boolean): string {
  return `${atLeast ? '≥ ' : ''}${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;
}

/** "2024-12-05 → 2024-12-26" for folders; times for passes (the second date only when it differs). */
function span(start: string | undefined, end: string | undefined, withTime: boolean): string | undefined {
  const iso = (t: string) => {
    const ms = Date.parse(t);
    return Number.isFinite(ms) ? new Date(ms).toISOString() : t;
  };
  const a = start !== undefined ? iso(start) : undefined;
  const b = end !== undefined ? iso(end) : undefined;
  const day = (t: string) => t.slice(0, 10);
  const time = (t: string) => t.slice(11, 19);
  if (!withTime) {
    if (a && b) {
      return day(a) === day(b) ? day(a) : `${day(a)} → ${day(b)}`;
    }
    return a ? day(a) : b ? `→ ${day(b)}` : undefined;
  }
  if (a && b) {
    return `${day(a)} ${time(a)} → ${day(a) === day(b) ? '' : `${day(b)} `}${time(b)}`;
  }
  return a ? `${day(a)} ${time(a)}` : undefined;
}

const FORMAT_NAME = { netcdf: 'netCDF4', zarr: 'Zarr store', zcollection: 'zcollection' } as const;

/**
 * The facts of a row, as one line of text (never HTML).
 *
 * @example
 * describeRow(row); // "cycle 025 · 4 files · 184 MB · 2024-12-05 → 2024-12-16"
 */
export function describeRow(row: BrowseRow): string {
  if (row.refused) {
    return `${row.label} · refused: ${row.refused}`;
  }
  const parts: string[] = [];
  const pad = (n: number) => String(n).padStart(3, '0');
  switch (row.kind) {
    case 'pass':
      parts.push(`cycle ${pad(row.cycle!)} · pass ${pad(row.pass!)}`);
      break;
    case 'store':
      parts.push(FORMAT_NAME[row.format ?? 'zarr']);
      break;
    case 'version':
      parts.push(`version ${row.version}`);
      break;
    default:
      parts.push(row.label);
  }
  if (row.kind !== 'file' && row.kind !== 'pass' && row.files !== undefined) {
    parts.push(count(row.files, 'file', row.truncated === true));
  }
  if (row.size !== undefined) {
    parts.push(`${row.truncated ? '≥ ' : ''}${formatBytes(row.size)}`);
  }
  const times = span(row.timeStart, row.timeEnd, row.kind === 'pass');
  if (times) {
    parts.push(times);
  }
  return parts.join(' · ');
}
