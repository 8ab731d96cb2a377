import { browseRow, FolderEntryLike } from './rows';
import { describeRow, formatBytes } from './describe';

const L3 = 'data/sample/netcdf/L3_LR_SSH/v2_0_1/Expert';
const dir = (name: string, summary?: FolderEntryLike['summary']): FolderEntryLike => ({ name, kind: 'directory', size: 0, mtime: 0, ...(summary ? { summary } : {}) });
const file = (name: string, size = 46_123_456): FolderEntryLike => ({ name, kind: 'file', size, mtime: 1733900000 });

describe('browseRow', () => {
  it('reads a cycle folder with its file count, size and time span from the first and last names', () => {
    const row = browseRow(L3, dir('cycle_025', {
      files: 4,
      directories: 0,
      bytes: 184_493_824,
      first: 'SWOT_L3_LR_SSH_Expert_025_070_20241205T104533_20241205T113700_v2.0.1.nc',
      last: 'SWOT_L3_LR_SSH_Expert_025_377_20241216T095948_20241216T105115_v2.0.1.nc',
      markers: []
    }))!;
    expect(row).toEqual({
      kind: 'cycle',
      name: 'cycle_025',
      path: `${L3}/cycle_025`,
      label: 'cycle 025',
      cycle: 25,
      files: 4,
      size: 184_493_824,
      timeStart: '2024-12-05T10:45:33Z',
      timeEnd: '2024-12-16T10:51:15Z',
      version: '2.0.1',
      subset: 'Expert'
    });
    expect(describeRow(row)).toBe('cycle 025 · 4 files · 184 MB · 2024-12-05 → 2024-12-16');
  });

  it('says when the counts of a folder are lower bounds', () => {
    const row = browseRow(L3, dir('cycle_507', { files: 5000, directories: 0, bytes: 1.25e12, markers: [], truncated: true }))!;
    expect(describeRow(row)).toBe('cycle 507 · ≥ 5,000 files · ≥ 1.3 TB');
  });

  it('reads L3 and L2 pass files by the one file-name rule', () => {
    const l3 = browseRow(`${L3}/cycle_506`, file('SWOT_L3_LR_SSH_Expert_506_015_20230430T045737_20230430T054842_v2.0.1.nc'))!;
    expect(l3).toMatchObject({ kind: 'pass', label: 'pass 015', cycle: 506, pass: 15, version: '2.0.1', subset: 'Expert', format: 'netcdf', size: 46_123_456 });
    expect(l3.product).toMatchObject({ level: 'L3', product: 'L3_LR_SSH' });
    expect(describeRow(l3)).toBe('cycle 506 · pass 015 · 46.1 MB · 2023-04-30 04:57:37 → 05:48:42');
    const l2 = browseRow('data/sample/netcdf/L2_LR_SSH/Basic/cycle_026', file('SWOT_L2_LR_SSH_Basic_026_242_20250101T105931_20250101T115100_PIC0_01.nc', 512))!;
    expect(l2).toMatchObject({ kind: 'pass', cycle: 26, pass: 242, version: 'PIC0', subset: 'Basic', timeStart: '2025-01-01T10:59:31Z' });
    expect(describeRow(l2)).toBe('cycle 026 · pass 242 · 512 B · 2025-01-01 10:59:31 → 11:51:00');
    const night = browseRow('x', file('SWOT_L3_LR_SSH_Expert_024_165_20241117T232757_20241118T001924_v2.0.1.nc', 2e9))!;
    expect(describeRow(night)).toBe('cycle 024 · pass 165 · 2 GB · 2024-11-17 23:27:57 → 2024-11-18 00:19:24');
  });

  it('reads DUACS L4 maps as product files with their day', () => {
    const row = browseRow('maps', file('dt_global_allsat_phy_l4_20190101_20210726.nc'))!;
    expect(row).toMatchObject({ kind: 'file', subset: 'allsat', timeStart: '2019-01-01T00:00:00Z', format: 'netcdf' });
    expect(row.product?.level).toBe('L4');
  });

  it('reads version, subset, reproc/forward and plain folders', () => {
    expect(browseRow('data/sample/netcdf/L3_LR_SSH', dir('v2_0_1'))).toMatchObject({ kind: 'version', version: '2.0.1', label: 'v2.0.1' });
    expect(browseRow('a', dir('v2.0.1'))).toMatchObject({ kind: 'version', version: '2.0.1' });
    expect(browseRow('l2_lr_ssh', dir('PIC2'))).toMatchObject({ kind: 'version', version: 'PIC2', label: 'PIC2' });
    for (const subset of ['Basic', 'Expert', 'WindWave', 'Unsmoothed', 'Technical']) {
      expect(browseRow('v2_0_1', dir(subset))).toMatchObject({ kind: 'subset', subset, label: subset });
    }
    expect(browseRow('Expert', dir('reproc'))).toMatchObject({ kind: 'folder', label: 'reproc' });
    expect(browseRow('Expert', dir('forward'))).toMatchObject({ kind: 'folder', label: 'forward' });
    expect(browseRow('', dir('notebooks'))).toMatchObject({ kind: 'folder', path: 'notebooks' });
    expect(browseRow('data/', file('manifest.json'))).toMatchObject({ kind: 'file', path: 'data/manifest.json' });
    expect(browseRow('data/', file('manifest.json'))!.format).toBeUndefined();
  });

  it('reads Zarr stores and zcollections by suffix or by their marker files', () => {
    expect(browseRow('data/sample/zarr', dir('L3_LR_SSH_Expert.zarr'))).toMatchObject({ kind: 'store', format: 'zarr', label: 'L3_LR_SSH_Expert.zarr' });
    const v3 = browseRow('data/sample/zarr-v3', dir('L3', { files: 40, directories: 12, bytes: 3e8, markers: ['zarr.json'] }))!;
    expect(v3).toMatchObject({ kind: 'store', format: 'zarr' });
    expect(describeRow(v3)).toBe('Zarr store · 40 files · 300 MB');
    const zc = browseRow('data/sample/zcollection', dir('L3_LR_SSH_Expert', { files: 1, directories: 3, bytes: 9e7, markers: ['.zcollection'] }))!;
    expect(zc).toMatchObject({ kind: 'store', format: 'zcollection' });
    expect(browseRow('x', dir('C', { files: 1, directories: 0, bytes: 1, markers: ['_zcollection.json', 'zarr.json'] }))!.format).toBe('zcollection');
    expect(browseRow('x', dir('.zmetadata-less', { files: 1, directories: 0, bytes: 1, markers: ['.zmetadata'] }))).toBeUndefined();
  });

  it('reads zcollection partitions with the keys of their parents, by date and by cycle/pass', () => {
    const root = 'data/sample/zcollection/L3_LR_SSH_Expert';
    expect(browseRow(root, dir('year=2023'))).toMatchObject({
      kind: 'partition',
      label: 'year 2023',
      partition: { year: '2023' },
      timeStart: '2023-01-01T00:00:00.000Z',
      timeEnd: '2023-12-31T23:59:59.999Z'
    });
    const day = browseRow(`${root}/year=2024/month=12`, dir('day=05', { files: 30, directories: 9, bytes: 2e7, markers: ['.zgroup', '.zmetadata'] }))!;
    expect(day).toMatchObject({ kind: 'partition', label: 'day 05', partition: { year: '2024', month: '12', day: '05' }, timeStart: '2024-12-05T00:00:00.000Z', timeEnd: '2024-12-05T23:59:59.999Z' });
    // The innermost partition is a Zarr group (a dataset); its parents are not.
    expect(day.format).toBe('zarr');
    expect(browseRow(root, dir('year=2023'))!.format).toBeUndefined();
    expect(describeRow(day)).toBe('day 05 · 30 files · 20 MB · 2024-12-05');
    expect(browseRow(`${root}/year=2024`, dir('month=02'))).toMatchObject({ timeEnd: '2024-02-29T23:59:59.999Z' });
    expect(browseRow('zc', dir('cycle_number=1'))).toMatchObject({ kind: 'partition', label: 'cycle 1', cycle: 1 });
    expect(browseRow('zc/cycle_number=1', dir('pass_number=11'))).toMatchObject({ kind: 'partition', label: 'pass 11', cycle: 1, pass: 11, partition: { cycle_number: '1', pass_number: '11' } });
  });

  it('hides dot-files and checkpoint folders: they are never products', () => {
    expect(browseRow(L3, dir('.ipynb_checkpoints'))).toBeUndefined();
    expect(browseRow(L3, file('.SWOT_L3_LR_SSH_Expert_025_070_20241205T104533_20241205T113700_v2.0.1.nc'))).toBeUndefined();
    expect(browseRow('zc', dir('.immutable'))).toBeUndefined();
    expect(browseRow('zc', dir(''))).toBeUndefined();
  });

  it('keeps a file name that looks like HTML as its text', () => {
    const row = browseRow('x', file('<img src=x onerror=alert(1)>.nc', 10))!;
    expect(row).toMatchObject({ kind: 'file', name: '<img src=x onerror=alert(1)>.nc', label: '<img src=x onerror=alert(1)>.nc', path: 'x/<img src=x onerror=alert(1)>.nc' });
  });

  it("carries the server's refusal", () => {
    const row = browseRow('data', { name: 'archive', kind: 'directory', size: 0, mtime: 0, refused: 'outside the data roots' })!;
    expect(row.refused).toBe('outside the data roots');
    expect(describeRow(row)).toBe('archive · refused: outside the data roots');
    expect(browseRow('data', { name: 'a', kind: 'file', refused: true })!.refused).toBe('refused by the server');
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1000, '1 kB'],
    [1_234_567, '1.2 MB'],
    [46_123_456, '46.1 MB'],
    [622_000_000, '622 MB'],
    [999_999_999, '1 GB'],
    [1.2e12, '1.2 TB']
  ])('%d -> %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
