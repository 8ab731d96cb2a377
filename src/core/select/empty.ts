/**
 * Saying why a selection is empty: which filter left no line, and what the
 * dataset holds (cycles, passes, time span; a grid's extent), so that a
 * query that matches nothing can be corrected without opening the data again.
 */

import { DatasetHoldings, EmptySelection } from '../decoded';
import { NumberFilter } from './query';
import { nanMax, nanMin } from '../stats/extent';

/** A number filter as users write it: 25, "24, 26" or "24-25". */
export function describeNumbers(filter: NumberFilter): string {
  if (typeof filter === 'number') {
    return String(filter);
  }
  if (Array.isArray(filter)) {
    return filter.join(', ');
  }
  return `${filter.from}-${filter.to}`;
}

/** Sorted distinct finite integers of `values`. */
export function distinctNumbers(values: ArrayLike<number | bigint>): number[] {
  const seen = new Set<number>();
  for (let i = 0; i < values.length; i++) {
    const x = Number(values[i]);
    if (Number.isFinite(x)) {
      seen.add(x);
    }
  }
  return [...seen].sort((a, b) => a - b);
}

/** Runs of consecutive numbers as ranges: [24, 25, 26, 30] -> "24-26, 30"; long lists are cut. */
export function compactNumbers(values: readonly number[], max = 16): string {
  const parts: string[] = [];
  for (let i = 0; i < values.length; ) {
    let j = i;
    while (j + 1 < values.length && values[j + 1] === values[j] + 1) j++;
    parts.push(j > i + 1 ? `${values[i]}-${values[j]}` : j === i + 1 ? `${values[i]}, ${values[j]}` : `${values[i]}`);
    i = j + 1;
  }
  const text = parts.join(', ').split(', ');
  return text.length > max ? `${text.slice(0, max).join(', ')}, ... (${values.length} in all)` : text.join(', ');
}

/** Finite minimum and maximum of epoch milliseconds as ISO strings, if any. */
export function timeSpan(ms: ArrayLike<number>): [string, string] | undefined {
  const lo = nanMin(ms);
  const hi = nanMax(ms);
  return Number.isFinite(lo) && Number.isFinite(hi) ? [new Date(lo).toISOString(), new Date(hi).toISOString()] : undefined;
}

const count = (n: number) => n.toLocaleString('en-US');

/** What a dataset holds, in one line: "29,580 lines: cycles 24-26; passes 165, 242; time ... to ...". */
export function describeHoldings(holds: DatasetHoldings): string {
  const parts: string[] = [];
  if (holds.cycles && holds.cycles.length > 0) {
    parts.push(`cycle${holds.cycles.length > 1 ? 's' : ''} ${compactNumbers(holds.cycles)}`);
  }
  if (holds.passes && holds.passes.length > 0) {
    parts.push(`pass${holds.passes.length > 1 ? 'es' : ''} ${compactNumbers(holds.passes)}`);
  }
  if (holds.time) {
    parts.push(holds.time[0] === holds.time[1] ? `time ${holds.time[0]}` : `time ${holds.time[0]} to ${holds.time[1]}`);
  }
  if (holds.lon && holds.lat) {
    parts.push(`lon ${holds.lon[0]} to ${holds.lon[1]}, lat ${holds.lat[0]} to ${holds.lat[1]}`);
  }
  const size =
    holds.lines !== undefined ? `${count(holds.lines)} line${holds.lines === 1 ? '' : 's'}` : holds.cells !== undefined ? `${count(holds.cells)} grid cells` : '';
  return [size, parts.join('; ')].filter(Boolean).join(': ') || 'nothing';
}

/**
 * The message of an empty selection.
 *
 * @example
 * describeEmpty({ reason: 'no line matches cycles 99', holds: { lines: 29580, cycles: [24, 25, 26] } });
 * // "no line matches cycles 99; the dataset holds 29,580 lines: cycles 24-26"
 */
export function describeEmpty(empty: EmptySelection): string {
  return `${empty.reason}; the dataset holds ${describeHoldings(empty.holds)}`;
}
