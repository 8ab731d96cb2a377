/**
 * The browser's filters on rows: cycles and passes (select()'s NumberFilter),
 * a period, and the passes the pass finder says cross a region. Folders,
 * stores and versions always match: filters choose passes, not the way to them.
 */

import { toEpochMs } from '../cf/time';
import { UsageError } from '../errors';
import { matchesNumber, NumberFilter } from '../select/query';
import { BrowseRow } from './rows';

export interface BrowseFilter {
  cycles?: NumberFilter;
  passes?: NumberFilter;
  /** Period, inclusive: ISO strings or epoch milliseconds (as select()'s `time`). */
  start?: number | string;
  end?: number | string;
  /** Passes crossing the region (pass finder); a crossing without a cycle matches that pass in every cycle. */
  crossing?: ReadonlyArray<{ cycle?: number; pass: number }>;
}

const ALWAYS: ReadonlySet<BrowseRow['kind']> = new Set(['version', 'subset', 'folder', 'store']);

function epoch(value: number | string | undefined, what: string): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  try {
    return toEpochMs(value, what);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function rowTime(t: string | undefined): number {
  return t === undefined ? NaN : Date.parse(t);
}

/**
 * The filter as a predicate, with its parts prepared once (for 10,000 rows).
 *
 * @throws UsageError for a start or end that is not a date, or start after end
 */
export function rowPredicate(filter: BrowseFilter): (row: BrowseRow) => boolean {
  const cycleOk = matchesNumber(filter.cycles);
  const passOk = matchesNumber(filter.passes);
  const t0 = epoch(filter.start, 'start');
  const t1 = epoch(filter.end, 'end');
  if (t0 !== undefined && t1 !== undefined && t0 > t1) {
    throw new UsageError(`the period is reversed: start ${String(filter.start)} is after end ${String(filter.end)}`);
  }
  const crossing = filter.crossing;
  const crossingCycles = crossing?.some(c => c.cycle !== undefined) ? new Set(crossing.map(c => c.cycle)) : undefined;
  // "cycle:pass" of the crossings with a cycle; the passes of those without one.
  const crossed = new Set(crossing?.filter(c => c.cycle !== undefined).map(c => `${c.cycle}:${c.pass}`));
  const anyCycle = new Set(crossing?.filter(c => c.cycle === undefined).map(c => c.pass));
  const crossedPasses = new Set(crossing?.map(c => c.pass));

  const inPeriod = (row: BrowseRow): boolean => {
    if (t0 === undefined && t1 === undefined) {
      return true;
    }
    const a = rowTime(row.timeStart);
    const b = rowTime(row.timeEnd ?? row.timeStart);
    if (Number.isNaN(a) && Number.isNaN(b)) {
      return true; // nothing known of its time: the other filters decide
    }
    return (t1 === undefined || (Number.isNaN(a) ? b : a) <= t1) && (t0 === undefined || (Number.isNaN(b) ? a : b) >= t0);
  };

  return (row: BrowseRow): boolean => {
    if (ALWAYS.has(row.kind)) {
      return true;
    }
    if (row.cycle !== undefined && !cycleOk(row.cycle)) {
      return false;
    }
    if (row.kind === 'cycle') {
      if (crossingCycles && !crossingCycles.has(row.cycle)) {
        return false;
      }
      return inPeriod(row);
    }
    if (row.pass !== undefined && !passOk(row.pass)) {
      return false;
    }
    if (crossing && row.pass !== undefined) {
      const hit = anyCycle.has(row.pass) || (row.cycle !== undefined ? crossed.has(`${row.cycle}:${row.pass}`) : crossedPasses.has(row.pass));
      if (!hit) {
        return false;
      }
    } else if (crossingCycles && row.kind === 'partition' && row.cycle !== undefined && !crossingCycles.has(row.cycle)) {
      return false;
    }
    return inPeriod(row);
  };
}

/**
 * Whether a row passes the filter: folders, stores, versions and subsets
 * always; cycle rows by their cycle (and the cycles of `crossing` when it has
 * some) and period; pass rows and partitions by cycle, pass, period overlap
 * and crossing. For many rows, build the predicate once with rowPredicate.
 *
 * @throws UsageError for a start or end that is not a date
 */
export function rowMatches(row: BrowseRow, filter: BrowseFilter): boolean {
  return rowPredicate(filter)(row);
}

/** Most numbers a list with ranges may expand to ("1-100000, 5"). */
const MAX_EXPANDED = 100_000;

/**
 * A cycle or pass filter as typed: "25", "1,3,5", "10-20", "10-20, 30"
 * (spaces or semicolons also separate); "" -> undefined.
 *
 * @throws UsageError naming `what` and the text when it cannot be read
 * @example
 * parseNumberFilter('10-20, 30', 'cycles'); // [10, 11, ..., 20, 30]
 */
export function parseNumberFilter(text: string, what: string): NumberFilter | undefined {
  const t = text.trim();
  if (t === '') {
    return undefined;
  }
  const bad = (why: string) => new UsageError(`${what} "${text}": ${why} (e.g. 25, or 1,3,5, or 10-20, or 10-20, 30)`);
  // "10 - 20", "10–20" and "10..20" are ranges too.
  const items = t.replace(/\s*(?:-|–|\.\.)\s*/g, '-').split(/\s*[,;]\s*|\s+/).filter(s => s !== '');
  const ranges: Array<[number, number]> = [];
  for (const item of items) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(item);
    if (!m) {
      throw bad(`"${item}" is not a number or a range`);
    }
    const a = Number(m[1]);
    const b = m[2] !== undefined ? Number(m[2]) : a;
    if (a > b) {
      throw bad(`the range ${item} is reversed`);
    }
    ranges.push([a, b]);
  }
  if (ranges.length === 1) {
    const [a, b] = ranges[0];
    return a === b ? a : { from: a, to: b };
  }
  const total = ranges.reduce((n, [a, b]) => n + b - a + 1, 0);
  if (total > MAX_EXPANDED) {
    throw bad(`more than ${MAX_EXPANDED.toLocaleString('en-US')} numbers`);
  }
  const set = new Set<number>();
  for (const [a, b] of ranges) {
    for (let n = a; n <= b; n++) {
      set.add(n);
    }
  }
  const list = [...set].sort((x, y) => x - y);
  return list.length === 1 ? list[0] : list;
}
