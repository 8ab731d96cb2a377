import { streamingMean } from '../core';
import { Dataset } from './dataset';

/**
 * NaN-aware mean of one variable over a whole dataset (every pass of a
 * collection or store), streamed chunk by chunk in bounded memory.
 *
 * @example
 * const { mean, count } = await swot.mean(await swot.open('data/sample/zarr/L3_LR_SSH_Expert.zarr'), 'ssha_filtered');
 */
export async function mean(dataset: Dataset, variable: string): Promise<{ mean: number; count: number }> {
  return streamingMean(dataset.reader, variable);
}
