import { CorruptFileError, FileAccessError } from '../../errors';
import { mapStore, Store } from '../../store';
import { readMetadata } from './reader';

const text = (s: string) => new TextEncoder().encode(s);

describe('readMetadata', () => {
  test('passes the store\'s access error through (not "corrupt metadata")', async () => {
    const refused: Store = {
      source: 'archive/s.zarr',
      async get() {
        throw new FileAccessError('archive/s.zarr/.zmetadata', 'outside every folder this server may read');
      }
    };
    await expect(readMetadata(refused)).rejects.toThrow(FileAccessError);
    await expect(readMetadata(refused)).rejects.toThrow('outside every folder this server may read');
  });

  test('calls unparsable metadata corrupt', async () => {
    const store = mapStore(new Map([['/.zmetadata', text('{ not json')]]), 's.zarr');
    await expect(readMetadata(store)).rejects.toThrow(CorruptFileError);
  });
});
