/**
 * Typed errors shared by the browser and the kernel side.
 *
 * Every error names what it is about (a file, a variable, a setting) so that
 * the lab can show it as a notification, the CLI as one line with an exit
 * code, and the kernel library without a stack trace.
 */

export type SwotErrorCode =
  | 'FILE_NOT_FOUND'
  | 'NOT_NETCDF'
  | 'TRUNCATED_FILE'
  | 'CORRUPT_FILE'
  | 'UNSUPPORTED_FORMAT'
  | 'MISSING_VARIABLE'
  | 'INVALID_CATALOG'
  | 'EMPTY_SELECTION'
  | 'USAGE';

export interface SwotErrorOptions {
  /** The file, store or setting the error is about. */
  source?: string;
  cause?: unknown;
}

export class SwotError extends Error {
  readonly code: SwotErrorCode;
  readonly source?: string;

  constructor(code: SwotErrorCode, message: string, options: SwotErrorOptions = {}) {
    super(message);
    this.name = 'SwotError';
    this.code = code;
    this.source = options.source;
    if (options.cause !== undefined) {
      (this as { cause?: unknown }).cause = options.cause;
    }
  }
}

/** The path does not exist or cannot be read. */
export class FileAccessError extends SwotError {
  constructor(source: string, reason: string, cause?: unknown) {
    super('FILE_NOT_FOUND', `${source}: ${reason}`, { source, cause });
    this.name = 'FileAccessError';
  }
}

/** The bytes are not a netCDF4/HDF5 file (a text file, an image, ...). */
export class NotNetcdfError extends SwotError {
  constructor(source: string, reason: string) {
    super('NOT_NETCDF', `${source}: not a netCDF4/HDF5 file (${reason})`, { source });
    this.name = 'NotNetcdfError';
  }
}

/** The file starts like HDF5 but ends before the length its superblock records. */
export class TruncatedFileError extends SwotError {
  readonly expectedBytes: number;
  readonly actualBytes: number;

  constructor(source: string, expectedBytes: number, actualBytes: number) {
    super(
      'TRUNCATED_FILE',
      `${source}: truncated netCDF4/HDF5 file (${actualBytes} bytes on disk, ` +
        `its superblock says ${expectedBytes}); download or copy it again`,
      { source }
    );
    this.name = 'TruncatedFileError';
    this.expectedBytes = expectedBytes;
    this.actualBytes = actualBytes;
  }
}

/** The file has a valid header but its content cannot be decoded. */
export class CorruptFileError extends SwotError {
  constructor(source: string, reason: string, cause?: unknown) {
    super('CORRUPT_FILE', `${source}: corrupt netCDF4/HDF5 file (${reason})`, { source, cause });
    this.name = 'CorruptFileError';
  }
}

/** A known format this reader does not read (yet), with what to do instead. */
export class UnsupportedFormatError extends SwotError {
  constructor(source: string, reason: string) {
    super('UNSUPPORTED_FORMAT', `${source}: ${reason}`, { source });
    this.name = 'UnsupportedFormatError';
  }
}

/** A variable asked for is not in the dataset. */
export class MissingVariableError extends SwotError {
  readonly variable: string;

  constructor(source: string, variable: string, available: string[]) {
    const hint = available.length > 0 ? `; it has ${available.slice(0, 12).join(', ')}${available.length > 12 ? ', ...' : ''}` : '';
    super('MISSING_VARIABLE', `${source}: no variable "${variable}"${hint}`, { source });
    this.name = 'MissingVariableError';
    this.variable = variable;
  }
}

/** A catalog entry (built in or from the settings) that does not validate. */
export class CatalogError extends SwotError {
  constructor(source: string, reason: string) {
    super('INVALID_CATALOG', `catalog ${source}: ${reason}`, { source });
    this.name = 'CatalogError';
  }
}

/**
 * A selection that matched nothing where something was needed (the CLI's
 * `swot read` without --allow-empty): the message says why and what exists.
 */
export class EmptySelectionError extends SwotError {
  constructor(source: string, message: string) {
    super('EMPTY_SELECTION', `${source}: ${message}`, { source });
    this.name = 'EmptySelectionError';
  }
}

/** Wrong arguments to a public function or a CLI command. */
export class UsageError extends SwotError {
  constructor(message: string) {
    super('USAGE', message);
    this.name = 'UsageError';
  }
}

/** One product kind found in a folder, glob or list, with how many files it has. */
export interface ProductKindCount {
  /** e.g. "L2_LR_SSH Expert". */
  kind: string;
  /** The product id that chooses it, e.g. "L2_LR_SSH_Expert". */
  id: string;
  product: string;
  subset?: string;
  files: number;
}

/**
 * Products of several kinds (L2 Basic, Expert and Unsmoothed in one folder)
 * that cannot be stacked into one dataset: the kinds found, and how to choose.
 * A usage error (exit code 2 in the CLI).
 */
export class MixedProductsError extends UsageError {
  readonly kinds: ProductKindCount[];

  constructor(source: string, message: string, kinds: ProductKindCount[]) {
    super(`${source}: ${message}`);
    this.name = 'MixedProductsError';
    (this as { source?: string }).source = source;
    this.kinds = kinds;
  }
}

export function isSwotError(error: unknown): error is SwotError {
  return error instanceof SwotError;
}
