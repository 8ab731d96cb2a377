/**
 * What the `swot` commands share to read their arguments: flags and options with a value,
 * number lists, boxes, intervals and point lists, each refusing bad text with a UsageError
 * that names the option.
 */
import { NumberFilter, parseNumberFilter, UsageError } from '../core';

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface ParsedArgs {
  positionals: string[];
  flags: Set<string>;
  values: Map<string, string>;
}

/** Flags (`--json`) and options with a value (`--var a,b` or `--var=a,b`). */
export function parseArgs(argv: string[], flagNames: string[], valueNames: string[] = []): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flagNames.includes(name)) {
      flags.add(name);
    } else if (valueNames.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) {
        throw new UsageError(`${name} needs a value`);
      }
      values.set(name, value);
    } else {
      throw new UsageError(`unknown option ${name}`);
    }
  }
  return { positionals, flags, values };
}

/** --cycle / --pass text (N, N,M,..., N-M, or a mix: "1-3,5") read by the browser's own reader. */
export function parseNumbers(text: string, option: string): NumberFilter {
  const filter = parseNumberFilter(text, option);
  if (filter === undefined) throw new UsageError(`${option} needs a value (N, N,M,... or N-M)`);
  return filter;
}

/** --time START/END. */
export function parseInterval(text: string): [string, string] {
  const [start, end] = text.split('/');
  if (!start || !end) throw new UsageError(`--time takes START/END, got "${text}"`);
  return [start, end];
}

export function parsePairs(text: string, option: string): Array<[number, number]> {
  const pairs = text.split(';').map(p => p.split(',').map(x => Number(x.trim())));
  if (pairs.some(p => p.length !== 2 || p.some(x => !Number.isFinite(x)))) {
    throw new UsageError(`${option} takes LON,LAT${option === '--polygon' ? ';LON,LAT;...' : ''}, got "${text}"`);
  }
  return pairs as Array<[number, number]>;
}
