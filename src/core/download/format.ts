/**
 * Sizes of transfers as people read them, for the CLI, the notebook bar and the Downloads
 * section alike. Always three significant digits ("1.50 kB", "12.3 MB"): a count that moves
 * keeps its width. The browser's folder facts (core/browse formatBytes) drop trailing zeros,
 * as the catalog's volumes are written.
 */
const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

/** Bytes in SI units, three significant digits: 0 B, 999 B, 1.50 kB, 12.3 MB, 456 GB; "?" when unknown. */
export function formatSize(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) {
    return '?';
  }
  let value = bytes;
  let unit = 0;
  while (value >= 999.5 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${Math.round(value)} B` : `${value.toPrecision(3)} ${UNITS[unit]}`;
}
