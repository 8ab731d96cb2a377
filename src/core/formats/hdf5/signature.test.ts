import { readFileSync } from 'node:fs';
import { NotNetcdfError, TruncatedFileError, UnsupportedFormatError } from '../../errors';
import { REAL_L3 } from '../../../testing/shared-data';
import { checkHdf5Header, HDF5_HEADER_BYTES, parseHdf5Header } from './signature';

const SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/** A version-2 superblock with 8-byte addresses and the given end-of-file address. */
function superblockV2(eof: number, offset = 0): Uint8Array {
  const bytes = new Uint8Array(offset + 48);
  bytes.set(SIGNATURE, offset);
  const view = new DataView(bytes.buffer);
  view.setUint8(offset + 8, 2); // version
  view.setUint8(offset + 9, 8); // size of offsets
  view.setUint8(offset + 10, 8); // size of lengths
  view.setBigUint64(offset + 12, 0n, true); // base address
  view.setBigUint64(offset + 20, 0xffffffffffffffffn, true); // no extension
  view.setBigUint64(offset + 28, BigInt(eof), true); // end of file
  return bytes;
}

/** A version-0 superblock (HDF5 1.8 default) with 8-byte addresses. */
function superblockV0(eof: number): Uint8Array {
  const bytes = new Uint8Array(96);
  bytes.set(SIGNATURE, 0);
  const view = new DataView(bytes.buffer);
  view.setUint8(13, 8);
  view.setUint8(14, 8);
  view.setBigUint64(24, 0n, true); // base
  view.setBigUint64(32, 0xffffffffffffffffn, true); // free space
  view.setBigUint64(40, BigInt(eof), true); // end of file
  return bytes;
}

describe('parseHdf5Header', () => {
  it('reads the end-of-file address of a version 2 superblock', () => {
    expect(parseHdf5Header(superblockV2(12345))).toEqual({
      superblockOffset: 0,
      superblockVersion: 2,
      endOfFile: 12345
    });
  });

  it('reads the end-of-file address of a version 0 superblock', () => {
    expect(parseHdf5Header(superblockV0(777))?.endOfFile).toBe(777);
  });

  it('finds a superblock after a 512-byte user block and makes addresses absolute', () => {
    const header = parseHdf5Header(superblockV2(1000, 512));
    expect(header?.superblockOffset).toBe(512);
    expect(header?.endOfFile).toBe(1512);
  });

  it('returns undefined without the signature', () => {
    expect(parseHdf5Header(new TextEncoder().encode('hello world'))).toBeUndefined();
  });

  it('reads the real L3 file: version 2, end of file = its size', () => {
    const bytes = readFileSync(REAL_L3);
    const header = parseHdf5Header(bytes.subarray(0, HDF5_HEADER_BYTES));
    expect(header?.superblockVersion).toBe(2);
    expect(header?.endOfFile).toBe(bytes.length);
  });
});

describe('checkHdf5Header', () => {
  it('accepts a complete file', () => {
    expect(() => checkHdf5Header('ok.nc', superblockV2(48), 48)).not.toThrow();
  });

  it('names the file and says "text" for a text file', () => {
    const text = new TextEncoder().encode('time,ssha\n0,1\n');
    expect(() => checkHdf5Header('table.csv', text, text.length)).toThrow(NotNetcdfError);
    expect(() => checkHdf5Header('table.csv', text, text.length)).toThrow(/table\.csv: not a netCDF4\/HDF5 file.*text/);
  });

  it('says the file is empty', () => {
    expect(() => checkHdf5Header('empty.nc', new Uint8Array(0), 0)).toThrow(/empty\.nc.*empty/);
  });

  it('shows the first bytes of a binary non-HDF5 file', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    expect(() => checkHdf5Header('map.png', png, png.length)).toThrow(/first bytes 89 50 4e 47/);
  });

  it('recognises netCDF-3 and says how to convert it', () => {
    const cdf = new Uint8Array([0x43, 0x44, 0x46, 0x01, 0, 0, 0, 0]);
    expect(() => checkHdf5Header('old.nc', cdf, 8)).toThrow(UnsupportedFormatError);
    expect(() => checkHdf5Header('old.nc', cdf, 8)).toThrow(/nccopy -k nc4/);
  });

  it('detects a truncated copy of the real L3 file', () => {
    const bytes = readFileSync(REAL_L3);
    const cut = bytes.subarray(0, 1_000_000);
    let error: unknown;
    try {
      checkHdf5Header('cut.nc', cut.subarray(0, HDF5_HEADER_BYTES), cut.length);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TruncatedFileError);
    expect((error as TruncatedFileError).expectedBytes).toBe(bytes.length);
    expect((error as TruncatedFileError).actualBytes).toBe(1_000_000);
    expect((error as Error).message).toMatch(/^cut\.nc: truncated/);
  });
});
