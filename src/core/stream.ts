/**
 * Streaming over a variable in blocks of lines (chunk-aligned when the
 * storage is chunked), so reductions over many passes run in bounded memory.
 */

import { NumericArray } from './array';
import { cfDecode, fillValues, needsDecoding } from './cf';
import { Attributes } from './dataset';
import { DatasetReader, requireVariable } from './reader';

/** Lines per block: a multiple of the chunk length near `target` lines, whole passes otherwise. */
export function blockLength(chunks: number[] | undefined, lines: number, target = 16384): number {
  const chunk = chunks?.[0];
  if (!chunk || chunk <= 0) {
    return Math.min(lines, target);
  }
  return Math.max(chunk, Math.floor(target / chunk) * chunk);
}

/** Running NaN-aware count and sum (Kahan-compensated). */
export interface RunningSum {
  count: number;
  sum: number;
  compensation: number;
}

export function addValues(acc: RunningSum, data: NumericArray): RunningSum {
  let { count, sum, compensation } = acc;
  const values = data as ArrayLike<number>;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x === x) {
      const y = x - compensation;
      const t = sum + y;
      compensation = t - sum - y;
      sum = t;
      count++;
    }
  }
  return { count, sum, compensation };
}

/**
 * Sum of the decoded values of raw storage values, without materialising the
 * decoded array (mask, then scale and offset, as cfDecode): one pass, no allocation.
 */
export function addRawValues(acc: RunningSum, raw: NumericArray, attrs: Attributes): RunningSum {
  if (!needsDecoding(attrs) || raw instanceof BigInt64Array || raw instanceof BigUint64Array) {
    return addValues(acc, cfDecode(raw, attrs));
  }
  const fills = fillValues(attrs);
  const fill = fills.length === 1 ? (raw instanceof Float32Array ? Math.fround(fills[0]) : fills[0]) : NaN;
  if (fills.length > 1) {
    return addValues(acc, cfDecode(raw, attrs));
  }
  const scale = typeof attrs['scale_factor'] === 'number' ? attrs['scale_factor'] : 1;
  const offset = typeof attrs['add_offset'] === 'number' ? attrs['add_offset'] : 0;
  // Sum raw values (exact in float64 for integers below 2^53), then scale once.
  let { count, sum, compensation } = acc;
  let rawSum = 0;
  let rawCount = 0;
  const values = raw as ArrayLike<number>;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== fill && v === v) {
      rawSum += v;
      rawCount++;
    }
  }
  const y = rawSum * scale + rawCount * offset - compensation;
  const t = sum + y;
  compensation = t - sum - y;
  sum = t;
  count += rawCount;
  return { count, sum, compensation };
}

/** NaN-aware mean of a whole variable, streamed block by block. */
export async function streamingMean(reader: DatasetReader, name: string): Promise<{ mean: number; count: number }> {
  const variable = requireVariable(reader.info, name);
  const lines = variable.shape[0] ?? 1;
  const step = blockLength(variable.chunks, lines);
  let acc: RunningSum = { count: 0, sum: 0, compensation: 0 };
  for (let start = 0; start < lines; start += step) {
    const raw = await reader.readRaw(name, variable.shape.length === 0 ? [] : [[start, Math.min(lines, start + step)]]);
    acc = addRawValues(acc, raw.data, variable.attrs);
  }
  return { mean: acc.count > 0 ? acc.sum / acc.count : NaN, count: acc.count };
}
