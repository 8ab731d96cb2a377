/**
 * swot.sampleData(): $SWOT_SAMPLE_DATA first, the clone's data/sample as the
 * fallback, typed errors naming what to do. (Without either, the first cell of
 * every tutorial fails with the hint: tests/test_notebooks.py, real kernel.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sampleData } from '../sample';
import { FileAccessError, UsageError } from '../../core';

const SAMPLE = resolve(__dirname, '../../../data/sample');
const saved = process.env.SWOT_SAMPLE_DATA;
afterEach(() => {
  if (saved === undefined) delete process.env.SWOT_SAMPLE_DATA;
  else process.env.SWOT_SAMPLE_DATA = saved;
});

describe('sampleData()', () => {
  it('joins the parts below $SWOT_SAMPLE_DATA, as an absolute path', () => {
    process.env.SWOT_SAMPLE_DATA = join(SAMPLE, 'zarr', '..');
    expect(sampleData('zarr', 'L3_LR_SSH_Expert.zarr')).toBe(join(SAMPLE, 'zarr', 'L3_LR_SSH_Expert.zarr'));
    expect(sampleData()).toBe(SAMPLE);
  });

  it("falls back to the clone's data/sample when the variable is unset", () => {
    delete process.env.SWOT_SAMPLE_DATA;
    expect(sampleData('manifest.json')).toBe(join(SAMPLE, 'manifest.json'));
  });

  it('a configured folder that does not exist is a FileAccessError naming it and what to do', () => {
    const gone = join(mkdtempSync(join(tmpdir(), 'swot-sample-')), 'gone');
    process.env.SWOT_SAMPLE_DATA = gone;
    try {
      expect(() => sampleData('manifest.json')).toThrow(FileAccessError);
      expect(() => sampleData('manifest.json')).toThrow(`SWOT_SAMPLE_DATA is ${gone}, which is not a folder`);
      expect(() => sampleData()).toThrow('--Swot.sample_data=DIR');
    } finally {
      rmSync(join(gone, '..'), { recursive: true });
    }
  });

  it('a part missing from the dataset is a FileAccessError naming the path', () => {
    process.env.SWOT_SAMPLE_DATA = SAMPLE;
    expect(() => sampleData('zarr', 'nope.zarr')).toThrow(FileAccessError);
    expect(() => sampleData('zarr', 'nope.zarr')).toThrow(`${join(SAMPLE, 'zarr', 'nope.zarr')}: not in the sample dataset ${SAMPLE}`);
  });

  it('refuses parts that leave the dataset or are not strings', () => {
    process.env.SWOT_SAMPLE_DATA = SAMPLE;
    expect(() => sampleData('..', 'package.json')).toThrow(UsageError);
    expect(() => sampleData('/etc/passwd')).toThrow('leaves the sample dataset');
    expect(() => sampleData(3 as unknown as string)).toThrow('each part must be a string, got 3');
  });
});
