import { DatasetReader, openZcollection as openCore } from '../core';
import { fsStore } from './fs-store';

/** A zcollection on the file system (the CNES HPC layout). */
export function openZcollection(path: string): Promise<DatasetReader> {
  return openCore(fsStore(path));
}
