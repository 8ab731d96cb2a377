import { reviveError, serializeError } from './error-transfer';
import { CorruptFileError, FileAccessError, isSwotError, TruncatedFileError } from './errors';

/** What crosses the worker boundary: plain data, cloned as postMessage would. */
const roundTrip = (error: unknown) => reviveError(structuredClone(serializeError(error)));

describe('errors across a worker boundary', () => {
  test('come back as the same typed error, with its message and fields', () => {
    const error = roundTrip(new TruncatedFileError('a/x.nc', 3407162, 1703581));
    expect(error).toBeInstanceOf(TruncatedFileError);
    expect(isSwotError(error)).toBe(true);
    expect(error.message).toBe('a/x.nc: truncated netCDF4/HDF5 file (1703581 bytes on disk, its superblock says 3407162); download or copy it again');
    expect(error).toMatchObject({ name: 'TruncatedFileError', code: 'TRUNCATED_FILE', source: 'a/x.nc', expectedBytes: 3407162, actualBytes: 1703581 });
  });

  test('keep their class for each kind', () => {
    expect(roundTrip(new CorruptFileError('x.nc', 'bad header'))).toBeInstanceOf(CorruptFileError);
    expect(roundTrip(new FileAccessError('x.nc', 'refused'))).toBeInstanceOf(FileAccessError);
  });

  test('other errors stay plain errors', () => {
    const error = roundTrip(new RangeError('out of bounds'));
    expect(isSwotError(error)).toBe(false);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('out of bounds');
  });
});
