/**
 * Reading and checking a search query: number lists with ranges, a time
 * range "A/B", a box "lon0,lat0,lon1,lat1", and the whole query, each bad
 * field named in a UsageError.
 */
import { parseNumberFilter } from '../browse/filter';
import { toEpochMs } from '../cf/time';
import { UsageError } from '../errors';
import { checkOptionKeys, optionKeys } from '../options';
import type { SearchQuery } from './types';

/**
 * "1-5,8" -> [1, 2, 3, 4, 5, 8] (sorted, unique; spaces or semicolons also
 * separate). The browser's parseNumberFilter reads the text; this expands it.
 *
 * @throws UsageError naming `what` for text that is not a list of numbers and ranges, or an empty one
 */
export function parseNumberList(text: string, what = 'list'): number[] {
  const filter = parseNumberFilter(text, what);
  if (filter === undefined) {
    throw new UsageError(`${what}: empty list (e.g. 25, or 1,3,5, or 10-20)`);
  }
  if (typeof filter === 'number') return [filter];
  if (Array.isArray(filter)) return filter;
  if (filter.to - filter.from >= 100_000) {
    throw new UsageError(`${what} "${text}": more than 100,000 numbers`);
  }
  return Array.from({ length: filter.to - filter.from + 1 }, (_, i) => filter.from + i);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** An ISO time as CMR and the file names compare it: full UTC, milliseconds dropped when zero. */
function isoUtc(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/**
 * "START/END" -> { start, end } in ISO 8601 UTC. A date without a time is
 * the whole day: START at 00:00:00, END at 23:59:59.999, so "2024-12-29/2024-12-29"
 * is that day. Times without a zone are UTC.
 *
 * @throws UsageError for a missing side, a side that is not a date, or END before START
 */
export function parseTimeRange(text: string, what = 'time'): { start: string; end: string } {
  const parts = text.split('/');
  if (parts.length !== 2 || parts[0].trim() === '' || parts[1].trim() === '') {
    throw new UsageError(`${what} takes START/END (ISO 8601, e.g. 2024-12-29/2024-12-31T12:00), got "${text}"`);
  }
  const [a, b] = parts.map(s => s.trim());
  let t0: number;
  let t1: number;
  try {
    t0 = toEpochMs(a, `${what} start`);
    t1 = toEpochMs(b, `${what} end`) + (DATE_ONLY.test(b) ? 86_400_000 - 1 : 0);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (t0 > t1) {
    throw new UsageError(`${what} "${text}" is reversed: ${a} is after ${b}`);
  }
  return { start: isoUtc(t0), end: DATE_ONLY.test(b) ? new Date(t1).toISOString() : isoUtc(t1) };
}

function checkBBox(b: readonly number[], what: string, text: string): void {
  if (b.length !== 4 || b.some(x => typeof x !== 'number' || !Number.isFinite(x))) {
    throw new UsageError(`${what} takes LON0,LAT0,LON1,LAT1 (4 numbers), got ${text}`);
  }
  if (b[1] > b[3]) {
    throw new UsageError(`${what} ${text}: latitudes in the wrong order (lat0 ${b[1]} > lat1 ${b[3]}; expected LON0,LAT0,LON1,LAT1)`);
  }
  if (b[1] < -90 || b[3] > 90) {
    throw new UsageError(`${what} ${text}: latitudes must lie in [-90, 90]`);
  }
  if (b[0] < -180 || b[0] > 360 || b[2] < -180 || b[2] > 360) {
    throw new UsageError(`${what} ${text}: longitudes must lie in [-180, 360]`);
  }
}

/**
 * "lon0,lat0,lon1,lat1" -> the box; lon0 > lon1 crosses the dateline.
 *
 * @throws UsageError for anything but 4 numbers, reversed or out-of-range latitudes
 */
export function parseBBox(text: string, what = 'bbox'): [number, number, number, number] {
  const parts = text.split(',').map(s => (s.trim() === '' ? NaN : Number(s.trim())));
  checkBBox(parts, what, `"${text}"`);
  return parts as [number, number, number, number];
}

export const SEARCH_QUERY_KEYS = optionKeys<SearchQuery>({
  provider: true,
  collection: true,
  version: true,
  cycles: true,
  passes: true,
  time: true,
  bbox: true,
  phase: true,
  limit: true
});

function checkIntegers(list: unknown, what: string, min: number): void {
  if (!Array.isArray(list) || list.some(n => typeof n !== 'number' || !Number.isInteger(n) || n < min)) {
    throw new UsageError(`${what} must be a list of integers >= ${min}, got ${JSON.stringify(list)}`);
  }
}

/**
 * Check a query from any caller (CLI, kernel library, Jupyter server):
 * unknown keys (with the nearest name), provider, collection, lists, time, box, phase, limit.
 *
 * @throws UsageError naming the bad field
 */
export function validateQuery(q: SearchQuery, where = 'search()'): void {
  if (q === null || typeof q !== 'object') {
    throw new UsageError(`${where}: the query must be an object`);
  }
  checkOptionKeys(q, SEARCH_QUERY_KEYS, where);
  if (q.provider !== 'podaac' && q.provider !== 'aviso') {
    throw new UsageError(`${where}: provider must be "podaac" or "aviso", got ${JSON.stringify(q.provider)}`);
  }
  if (typeof q.collection !== 'string' || q.collection.trim() === '') {
    throw new UsageError(`${where}: collection is required (a CMR short name such as SWOT_L2_LR_SSH_BASIC_2.0, or an AVISO path such as /swot_products/l3_karin_nadir/l3_lr_ssh/v2_0_1/Expert)`);
  }
  if (q.provider === 'aviso' && !q.collection.startsWith('/')) {
    throw new UsageError(`${where}: an AVISO collection is a path in the AVISO tree (/swot_products/...), got "${q.collection}"`);
  }
  if (q.version !== undefined && (typeof q.version !== 'string' || !/^[A-Za-z0-9._-]+$/.test(q.version))) {
    throw new UsageError(`${where}: version must be a folder name such as v2_0_1 or PIC2, got ${JSON.stringify(q.version)}`);
  }
  if (q.cycles !== undefined) checkIntegers(q.cycles, `${where}: cycles`, 1);
  if (q.passes !== undefined) checkIntegers(q.passes, `${where}: passes`, 1);
  if (q.time !== undefined) {
    const t = q.time as unknown as { start?: unknown; end?: unknown };
    if (t === null || typeof t !== 'object' || typeof t.start !== 'string' || typeof t.end !== 'string') {
      throw new UsageError(`${where}: time must be { start, end } (ISO 8601 strings), got ${JSON.stringify(q.time)}`);
    }
    let t0: number;
    let t1: number;
    try {
      t0 = toEpochMs(t.start, `${where}: time start`);
      t1 = toEpochMs(t.end, `${where}: time end`);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (t0 > t1) {
      throw new UsageError(`${where}: time is reversed: start ${t.start} is after end ${t.end}`);
    }
  }
  if (q.bbox !== undefined) {
    if (!Array.isArray(q.bbox)) {
      throw new UsageError(`${where}: bbox must be [lon0, lat0, lon1, lat1], got ${JSON.stringify(q.bbox)}`);
    }
    checkBBox(q.bbox, `${where}: bbox`, JSON.stringify(q.bbox));
  }
  if (q.phase !== undefined && q.phase !== 'science' && q.phase !== 'calval') {
    throw new UsageError(`${where}: phase must be "science" or "calval", got ${JSON.stringify(q.phase)}`);
  }
  if (q.limit !== undefined && (typeof q.limit !== 'number' || !Number.isInteger(q.limit) || q.limit < 1)) {
    throw new UsageError(`${where}: limit must be a positive integer, got ${JSON.stringify(q.limit)}`);
  }
}

/** Epoch ms of the query's period, or undefined. */
export function queryPeriod(q: SearchQuery): [number, number] | undefined {
  return q.time === undefined ? undefined : [toEpochMs(q.time.start, 'time start'), toEpochMs(q.time.end, 'time end')];
}

/** Whether a granule's [start, end] overlaps the period (unknown times pass). */
export function overlapsPeriod(period: [number, number] | undefined, start?: string, end?: string): boolean {
  if (period === undefined) return true;
  const a = start === undefined ? NaN : Date.parse(start);
  const b = end === undefined ? a : Date.parse(end);
  if (Number.isNaN(a) && Number.isNaN(b)) return true;
  return (Number.isNaN(a) ? b : a) <= period[1] && (Number.isNaN(b) ? a : b) >= period[0];
}

/** Science orbit from cycle 1 (2023-07-21T05:33Z); the cal/val cycles before it are numbered from 475. */
const SCIENCE_START_MS = Date.parse('2023-07-21T05:33:45Z');

/**
 * The orbit phase of a query: its own, else cal/val when every cycle asked is
 * a cal/val one (>= 400) or the period ends before the science orbit, else science.
 */
export function queryPhase(q: SearchQuery): 'science' | 'calval' {
  if (q.phase !== undefined) return q.phase;
  if (q.cycles !== undefined && q.cycles.length > 0 && q.cycles.every(c => c >= 400)) return 'calval';
  const period = queryPeriod(q);
  return period !== undefined && period[1] < SCIENCE_START_MS ? 'calval' : 'science';
}

/**
 * The passes to keep: query.passes, intersected with the passes the
 * swath-aware pass finder names for query.bbox (when both are there).
 * undefined: no pass filter. An empty list: nothing can match.
 */
export async function passFilter(
  q: SearchQuery,
  passesInBox: ((bbox: [number, number, number, number], phase: 'science' | 'calval') => Promise<number[]>) | undefined
): Promise<number[] | undefined> {
  let passes = q.passes === undefined ? undefined : [...new Set(q.passes)].sort((a, b) => a - b);
  if (q.bbox !== undefined && passesInBox !== undefined) {
    const inBox = new Set(await passesInBox(q.bbox, queryPhase(q)));
    passes = (passes ?? [...inBox].sort((a, b) => a - b)).filter(p => inBox.has(p));
  }
  return passes;
}
