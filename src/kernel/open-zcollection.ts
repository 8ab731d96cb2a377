import { DatasetReader, UnsupportedFormatError } from '../core';

/** zcollection layout: implemented once the sample generator writes one. */
export async function openZcollection(path: string): Promise<DatasetReader> {
  throw new UnsupportedFormatError(path, 'zcollection stores are not readable yet');
}
