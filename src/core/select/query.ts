/** What users ask for: variables, a box, a period, cycles and passes, a quality level. */

import { UsageError } from '../errors';
import { toEpochMs } from '../cf';
import { checkOptionKeys, optionKeys } from '../options';

/** A number, a list, or an inclusive range. */
export type NumberFilter = number | number[] | { from: number; to: number };

export type QualityLevel = 'all' | 'usable' | 'good';

export interface SelectQuery {
  /** Variables to read (coordinates are always added). Default: every variable. */
  variables?: string[];
  /** [lon_min, lat_min, lon_max, lat_max]; lon_min > lon_max crosses the dateline / seam. */
  bbox?: [number, number, number, number];
  /** [start, end] (inclusive), ISO strings, Dates or epoch milliseconds. */
  time?: [string | number | Date, string | number | Date];
  cycles?: NumberFilter;
  passes?: NumberFilter;
  /**
   * 'good': L3 quality_flag == 0, L2 `<var>_qual` == 0; 'usable': L3 quality_flag < 100
   * (drops no-data, land and swath edges), L2 bad_not_usable bit clear; 'all' (default): no mask.
   */
  quality?: QualityLevel;
  /** For products with groups (L2 Unsmoothed): which one ("left" or "right"). */
  group?: string;
}

export function matchesNumber(filter: NumberFilter | undefined): (n: number) => boolean {
  if (filter === undefined) {
    return () => true;
  }
  if (typeof filter === 'number') {
    return n => n === filter;
  }
  if (Array.isArray(filter)) {
    const set = new Set(filter);
    return n => set.has(n);
  }
  return n => n >= filter.from && n <= filter.to;
}

/** The keys of a SelectQuery (checked at run time: a misspelt key is a UsageError). */
export const SELECT_KEYS = optionKeys<SelectQuery>({ variables: true, bbox: true, time: true, cycles: true, passes: true, quality: true, group: true });

/** Validate a query (its keys too, for `where`); throws UsageError with what is wrong. */
export function checkQuery(query: SelectQuery, where = 'select()'): { time?: [number, number] } {
  checkOptionKeys(query, SELECT_KEYS, where);
  query = query ?? {};
  const out: { time?: [number, number] } = {};
  if (query.bbox !== undefined) {
    const b = query.bbox;
    if (!Array.isArray(b) || b.length !== 4 || b.some(x => typeof x !== 'number' || !Number.isFinite(x))) {
      throw new UsageError(`bbox must be 4 numbers [lon_min, lat_min, lon_max, lat_max], got ${JSON.stringify(b)}`);
    }
    if (b[1] > b[3]) {
      throw new UsageError(
        `bbox latitudes are in the wrong order: lat_min ${b[1]} > lat_max ${b[3]} (expected [lon_min, lat_min, lon_max, lat_max])`
      );
    }
    if (b[1] < -90 || b[3] > 90) {
      throw new UsageError(`bbox latitudes must lie in [-90, 90], got ${b[1]} .. ${b[3]}`);
    }
  }
  if (query.time !== undefined) {
    if (!Array.isArray(query.time) || query.time.length !== 2) {
      throw new UsageError('time must be [start, end]');
    }
    let t0: number;
    let t1: number;
    try {
      t0 = toEpochMs(query.time[0], 'time start');
      t1 = toEpochMs(query.time[1], 'time end');
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (t0 > t1) {
      throw new UsageError(`time interval is reversed: ${String(query.time[0])} is after ${String(query.time[1])}`);
    }
    out.time = [t0, t1];
  }
  if (query.quality !== undefined && !['all', 'usable', 'good'].includes(query.quality)) {
    throw new UsageError(`quality must be 'all', 'usable' or 'good', got ${JSON.stringify(query.quality)}`);
  }
  return out;
}
