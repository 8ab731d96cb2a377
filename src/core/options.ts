/**
 * One check for the keys of every options object of the public API: a
 * misspelt key (`select({ cycle: 25 })` from plain JavaScript or `as any`)
 * is a UsageError at run time that names the nearest valid key, never a
 * silently ignored option.
 */

import { UsageError } from './errors';

/**
 * The valid keys of an options type, written once as a record so that the
 * compiler checks the list is complete and has no extra name.
 *
 * @example
 * const SAVE_KEYS = optionKeys<SaveOptions>({ overwrite: true });
 */
export function optionKeys<T>(keys: { [K in keyof Required<T>]: true }): readonly string[] {
  return Object.freeze(Object.keys(keys));
}

/** Levenshtein distance (insertions, deletions, substitutions; two rows). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, row] = [row, prev];
  }
  return prev[b.length];
}

/**
 * The valid name nearest to `name` (case ignored), if it is close enough to
 * be a slip: within a third of its length in edits (at least 2), or an
 * abbreviation (a prefix of at least 3 letters; the shortest name wins).
 */
export function nearestName(name: string, valid: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of valid) {
    const c = candidate.toLowerCase();
    const prefix = lower.length >= 3 && (c.startsWith(lower) || lower.startsWith(c));
    const d = prefix ? 0.5 + Math.abs(c.length - lower.length) * 0.01 : editDistance(lower, c);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/**
 * Throw a UsageError for the first key of `options` that is not in `valid`.
 * `undefined` and `null` options pass (the defaults apply); anything else
 * that is not a plain object is rejected.
 *
 * @example
 * checkOptionKeys(query, SELECT_KEYS, 'select()');
 * // UsageError: unknown option 'cycle' in select(): did you mean 'cycles'?
 * @throws UsageError
 */
export function checkOptionKeys(options: unknown, valid: readonly string[], where: string): void {
  if (options === undefined || options === null) {
    return;
  }
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new UsageError(`${where}: the options must be an object ({ ${valid.join(', ')} }), got ${Array.isArray(options) ? 'an array' : typeof options}`);
  }
  for (const key of Object.keys(options)) {
    if (valid.includes(key)) {
      continue;
    }
    const near = nearestName(key, valid);
    throw new UsageError(
      near !== undefined
        ? `unknown option '${key}' in ${where}: did you mean '${near}'?`
        : `unknown option '${key}' in ${where} (valid: ${valid.join(', ')})`
    );
  }
}
