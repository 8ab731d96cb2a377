/**
 * Streaming over a variable in blocks of lines (chunk-aligned when the
 * storage is chunked), so reductions over many passes run in bounded memory.
 */

import { NumericArray } from './array';
import { DecodedVariable, decodeVariable } from './decoded';
import { DatasetReader, requireVariable } from './reader';

/** Lines per block: a multiple of the chunk length near `target` lines, whole passes otherwise. */
export function blockLength(chunks: number[] | undefined, lines: number, target = 16384): number {
  const chunk = chunks?.[0];
  if (!chunk || chunk <= 0) {
    return Math.min(lines, target);
  }
  return Math.max(chunk, Math.floor(target / chunk) * chunk);
}

/** Decoded blocks of `name` along its first dimension. */
export async function* blocksOf(reader: DatasetReader, name: string, target?: number): AsyncGenerator<DecodedVariable> {
  const variable = requireVariable(reader.info, name);
  const lines = variable.shape[0] ?? 1;
  const step = blockLength(variable.chunks, lines, target);
  for (let start = 0; start < lines; start += step) {
    const stop = Math.min(lines, start + step);
    const raw = await reader.readRaw(name, variable.shape.length === 0 ? [] : [[start, stop]]);
    const decoded = decodeVariable(variable, raw.data, reader.info.source);
    decoded.shape = raw.shape;
    yield decoded;
  }
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

/** NaN-aware mean of a whole variable, streamed block by block. */
export async function streamingMean(reader: DatasetReader, name: string): Promise<{ mean: number; count: number }> {
  let acc: RunningSum = { count: 0, sum: 0, compensation: 0 };
  for await (const block of blocksOf(reader, name)) {
    acc = addValues(acc, block.data);
  }
  return { mean: acc.count > 0 ? acc.sum / acc.count : NaN, count: acc.count };
}
