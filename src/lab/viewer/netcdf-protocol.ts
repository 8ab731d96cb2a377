/**
 * Messages between the viewer and its netCDF Web Worker (netcdf-worker.ts).
 * Errors cross the boundary as plain data and become the same typed errors
 * again on the main thread (structured clone keeps only Error's name and message).
 */
import type { Hyperslab, NumericArray } from '../../core/array';
import type { DatasetInfo } from '../../core/dataset';
import {
  CorruptFileError,
  FileAccessError,
  MissingVariableError,
  NotNetcdfError,
  SwotError,
  SwotErrorCode,
  TruncatedFileError,
  UnsupportedFormatError,
  UsageError
} from '../../core/errors';

export type WorkerRequest =
  | { id: number; op: 'open'; path: string; url: string }
  | { id: number; op: 'read'; name: string; slab?: Hyperslab }
  | { id: number; op: 'close' };

export type WorkerReply =
  | { id: number; ok: true; info?: DatasetInfo; data?: NumericArray; shape?: number[] }
  | { id: number; ok: false; error: SerializedError };

export interface SerializedError {
  name: string;
  message: string;
  code?: SwotErrorCode;
  source?: string;
  /** TruncatedFileError's sizes, MissingVariableError's variable. */
  expectedBytes?: number;
  actualBytes?: number;
  variable?: string;
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    const { name, message } = error;
    const { code, source, expectedBytes, actualBytes, variable } = error as Partial<SerializedError>;
    return { name, message, code, source, expectedBytes, actualBytes, variable };
  }
  return { name: 'Error', message: String(error) };
}

const CLASSES: Record<string, { prototype: SwotError }> = {
  CorruptFileError,
  FileAccessError,
  MissingVariableError,
  NotNetcdfError,
  TruncatedFileError,
  UnsupportedFormatError,
  UsageError
};

/** The typed error again (same class, message, code and fields), or a plain Error. */
export function reviveError(data: SerializedError): Error {
  const proto = data.code ? (CLASSES[data.name]?.prototype ?? SwotError.prototype) : Error.prototype;
  const error = Object.create(proto) as Error;
  for (const [key, value] of Object.entries(data)) {
    if (value !== undefined) {
      Object.defineProperty(error, key, { value, writable: true, configurable: true, enumerable: key !== 'message' && key !== 'name' });
    }
  }
  return error;
}
