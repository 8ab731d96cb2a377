/**
 * Messages between the viewer and its netCDF Web Worker (netcdf-worker.ts).
 * Errors cross the boundary as plain data (core/error-transfer.ts) and become
 * the same typed errors again on the main thread.
 */
import type { Hyperslab, NumericArray } from '../../core/array';
import type { DatasetInfo } from '../../core/dataset';
import type { SerializedError } from '../../core/error-transfer';

export type WorkerRequest =
  | { id: number; op: 'open'; path: string; url: string }
  | { id: number; op: 'read'; name: string; slab?: Hyperslab }
  | { id: number; op: 'close' };

export type WorkerReply =
  | { id: number; ok: true; info?: DatasetInfo; data?: NumericArray; shape?: number[] }
  | { id: number; ok: false; error: SerializedError };
