/**
 * The bad-input corpus: every case gives a typed, clear error naming the file
 * or variable; nothing hangs, nothing crashes the process.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CorruptFileError,
  FileAccessError,
  MissingVariableError,
  NotNetcdfError,
  SwotError,
  TruncatedFileError,
  UnsupportedFormatError,
  UsageError
} from '../../core';
import { REAL_L3, REAL_L4 } from '../../testing/shared-data';
import { open } from '../open';
import { save } from '../save';

const dir = mkdtempSync(join(tmpdir(), 'swot-bad-'));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function failure(promise: Promise<unknown>): Promise<SwotError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SwotError);
    return error as SwotError;
  }
  throw new Error('expected an error');
}

describe('bad input', () => {
  it('truncated netCDF', async () => {
    const path = file('truncated.nc', readFileSync(REAL_L3).subarray(0, 500_000));
    const error = await failure(open(path));
    expect(error).toBeInstanceOf(TruncatedFileError);
    expect(error.message).toContain(path);
  });

  it('text, empty and netCDF-3 files', async () => {
    expect(await failure(open(file('notes.nc', 'lat,lon\n1,2\n')))).toBeInstanceOf(NotNetcdfError);
    expect((await failure(open(file('empty.nc', '')))).message).toMatch(/empty\.nc.*the file is empty/);
    const cdf = await failure(open(file('classic.nc', new Uint8Array([0x43, 0x44, 0x46, 0x01, 0, 0, 0, 0]))));
    expect(cdf).toBeInstanceOf(UnsupportedFormatError);
  });

  it('corrupted object header', async () => {
    const bytes = Buffer.from(readFileSync(REAL_L3));
    bytes.fill(0, 48, 4000);
    const error = await failure(open(file('corrupt.nc', bytes)));
    expect(error).toBeInstanceOf(CorruptFileError);
    expect(error.message).toMatch(/corrupt\.nc: corrupt netCDF4\/HDF5 file \(.*bad object header/);
  });

  it('missing file, missing variable, wrong bbox order, bad time', async () => {
    expect(await failure(open(join(dir, 'nope.nc')))).toBeInstanceOf(FileAccessError);
    expect(await failure(open(join(dir, 'nothing-*.nc')))).toBeInstanceOf(FileAccessError);
    const ds = await open(REAL_L4);
    const missing = await failure(ds.select({ variables: ['ssha_karin'] }));
    expect(missing).toBeInstanceOf(MissingVariableError);
    expect(missing.message).toMatch(/no variable "ssha_karin"; it has time, latitude, longitude, adt/);
    expect(await failure(ds.read('sst'))).toBeInstanceOf(MissingVariableError);
    const bbox = await failure(ds.select({ bbox: [0, 10, 5, -10] }));
    expect(bbox).toBeInstanceOf(UsageError);
    expect(bbox.message).toMatch(/lat_min 10 > lat_max -10/);
    expect(await failure(ds.select({ time: ['2019-01-01', 'soon'] }))).toBeInstanceOf(UsageError);
    await expect(ds.read('adt', [[0, 1], [0, 9999]])).rejects.toThrow(RangeError);
    ds.close();
  });

  it('unknown layouts: an empty directory, a directory of other files, invalid Zarr metadata', async () => {
    const empty = join(dir, 'empty-dir');
    mkdirSync(empty);
    expect((await failure(open(empty))).message).toMatch(/no netCDF product/);
    const zarr = join(dir, 'broken.zarr');
    mkdirSync(zarr);
    writeFileSync(join(zarr, '.zmetadata'), '{"metadata": ');
    const error = await failure(open(zarr));
    expect(error).toBeInstanceOf(CorruptFileError);
    expect(error.message).toMatch(/broken\.zarr\/\.zmetadata.*not valid JSON/);
  });

  it('a corrupted Zarr chunk names the store and the variable', async () => {
    const ds = await open(REAL_L4);
    const out = join(dir, 'adt.zarr');
    await save(await ds.select({ variables: ['adt'], bbox: [0, 0, 20, 20] }), out);
    ds.close();
    const chunks = readdirSync(join(out, 'adt')).filter(name => !name.startsWith('.'));
    writeFileSync(join(out, 'adt', chunks[0]), 'not zlib at all');
    const copy = await open(out);
    const error = await failure(copy.read('adt'));
    expect(error).toBeInstanceOf(CorruptFileError);
    expect(error.message).toMatch(/adt\.zarr\/adt: .*a chunk cannot be decoded/);
    // The other variables still read.
    expect((await copy.read('latitude')).shape).toEqual([80]);
  });

  it('never overwrites an existing output', async () => {
    const ds = await open(REAL_L4);
    const target = file('precious.nc', 'keep me');
    const error = await failure(save(await ds.select({ variables: ['adt'], bbox: [0, 0, 1, 1] }), target));
    expect(error).toBeInstanceOf(UsageError);
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    ds.close();
  });

  it('reads a good file after all that (the library state is intact)', async () => {
    const path = join(dir, 'copy.nc');
    copyFileSync(REAL_L3, path);
    const ds = await open(path);
    expect(ds.dims).toEqual({ num_lines: 9860, num_pixels: 69, num_nadir: 726 });
    ds.close();
  });
});
