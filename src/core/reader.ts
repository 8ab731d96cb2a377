/**
 * One reader interface for every storage format (the h5web "data provider"
 * idea): the structure is known after opening; values are read lazily, by
 * hyperslab, raw (still encoded) so that callers decide when to decode.
 */

import { Hyperslab, NdArray } from './array';
import { DatasetInfo, findVariable, GroupInfo, VariableInfo } from './dataset';
import { MissingVariableError, UnsupportedFormatError } from './errors';

export interface DatasetReader {
  readonly info: DatasetInfo;
  /** Raw values of `variable` ("name" or "group/name") over `slab` (whole variable by default). */
  readRaw(variable: string, slab?: Hyperslab, signal?: AbortSignal): Promise<NdArray>;
  close(): void;
}

/** Every variable name in a group tree, group paths included ("left/ssh_karin_2"). */
export function variableNames(group: GroupInfo, prefix = ''): string[] {
  const names = group.variables.map(v => prefix + v.name);
  for (const sub of group.groups) {
    const name = sub.path.split('/').filter(Boolean).pop() ?? '';
    names.push(...variableNames(sub, `${prefix}${name}/`));
  }
  return names;
}

/** The variable if it holds numbers (text variables, e.g. L2 polarization_karin, are listed but not read). */
export function requireNumericVariable(info: DatasetInfo, name: string): VariableInfo {
  const variable = requireVariable(info, name);
  if (variable.dtype === 'string' || variable.dtype === 'unknown') {
    throw new UnsupportedFormatError(info.source, `${name} holds ${variable.dtype === 'string' ? 'characters' : 'values of an unsupported type'}, not numbers`);
  }
  return variable;
}

/** The variable, or a MissingVariableError listing what there is. */
export function requireVariable(info: DatasetInfo, name: string): VariableInfo {
  const variable = findVariable(info, name);
  if (variable === undefined) {
    throw new MissingVariableError(info.source, name, variableNames(info));
  }
  return variable;
}

/** Normalise a hyperslab against a shape: [start, stop) per dimension, clamped, validated. */
export function resolveSlab(shape: number[], slab: Hyperslab | undefined, what: string): Array<[number, number]> {
  if (slab !== undefined && slab.length > shape.length) {
    throw new RangeError(`${what}: ${slab.length} ranges for ${shape.length} dimensions`);
  }
  return shape.map((n, i) => {
    const range = slab?.[i] ?? null;
    if (range === null) {
      return [0, n];
    }
    const [start, stop] = range;
    if (!Number.isInteger(start) || !Number.isInteger(stop) || start < 0 || stop > n || start > stop) {
      throw new RangeError(`${what}: range [${start}, ${stop}) outside dimension ${i} of length ${n}`);
    }
    return [start, stop];
  });
}
