/**
 * Typed errors across a worker boundary (the viewer's netCDF Web Worker, the
 * kernel's reduction threads): structured clone keeps only an Error's name and
 * message, so the error goes as plain data and comes back as the same class
 * with its code and fields; a CorruptFileError read by a worker is still one
 * (the CLI's exit code 3, "bad data"), not a usage error.
 */
import {
  CorruptFileError,
  EmptySelectionError,
  FileAccessError,
  MissingVariableError,
  NotNetcdfError,
  SwotError,
  SwotErrorCode,
  TruncatedFileError,
  UnsupportedFormatError,
  UsageError
} from './errors';

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

/** The error as plain data (what postMessage can clone). */
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
  EmptySelectionError,
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
