/**
 * End-to-end tests of the built CLI (dist/cli.cjs) and of the kernel library
 * entry as plain Node loads it. They run real processes on the real files.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireBuiltCli, ROOT, swot } from '../../testing/built-cli';
import { REAL_L3, REAL_L4 } from '../../testing/shared-data';

const SAMPLE = join(ROOT, 'data/sample');

beforeAll(requireBuiltCli);

const scratch = mkdtempSync(join(tmpdir(), 'swot-cli-'));

describe('swot info', () => {
  it('prints dimensions, variables with dtype and units, and global attributes as JSON', () => {
    const { code, out, err } = swot('info', REAL_L3, '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const info = JSON.parse(out);
    expect(info.dims).toEqual({ num_lines: 9860, num_pixels: 69, num_nadir: 726 });
    expect(info.format).toBe('netcdf4');
    expect(info.product).toMatchObject({ level: 'L3', subset: 'Expert', cycle: 26, pass: 165, version: '2.0.1' });
    const ssha = info.variables.find((v: { name: string }) => v.name === 'ssha_filtered');
    expect(ssha).toMatchObject({
      dims: ['num_lines', 'num_pixels'],
      shape: [9860, 69],
      dtype: 'int32',
      attrs: { units: 'm', scale_factor: 0.0001, _FillValue: -2147483647 },
      filters: ['shuffle', 'deflate(5)']
    });
    const flag = info.variables.find((v: { name: string }) => v.name === 'quality_flag');
    expect(flag.dtype).toBe('uint8');
    expect(flag.attrs.flag_meanings).toMatch(/no_data/);
    expect(info.variables.find((v: { name: string }) => v.name === 'i_num_pixel').dtype).toBe('int8');
    // Pure netCDF dimensions are not variables; the netCDF bookkeeping attributes are hidden.
    expect(info.variables.map((v: { name: string }) => v.name)).not.toContain('num_lines');
    expect(JSON.stringify(info)).not.toMatch(/DIMENSION_LIST|_Netcdf4/);
    expect(info.variables).toHaveLength(23);
    expect(info.attrs.Conventions).toBe('CF-1.7');
    expect(info.attrs.geospatial_lat_min).toBeCloseTo(-78.271942, 6);
  });

  it('prints a readable summary by default', () => {
    const { code, out } = swot('info', REAL_L3);
    expect(code).toBe(0);
    expect(out).toContain('Dimensions:  (num_lines: 9860, num_pixels: 69, num_nadir: 726)');
    expect(out).toMatch(/ssha_filtered\s+\(num_lines, num_pixels\) int32 \[m\]/);
    expect(out).toContain('L3_LR_SSH · Expert · v2.0.1 · cycle 26 · pass 165');
  });

  it('reads a DUACS L4 grid with its coordinate variables', () => {
    const info = JSON.parse(swot('info', REAL_L4, '--json').out);
    expect(info.dims).toMatchObject({ time: 1, latitude: 720, longitude: 1440 });
    const adt = info.variables.find((v: { name: string }) => v.name === 'adt');
    expect(adt).toMatchObject({ dims: ['time', 'latitude', 'longitude'], dtype: 'int32' });
    expect(info.variables.find((v: { name: string }) => v.name === 'latitude').dims).toEqual(['latitude']);
    expect(info.product).toMatchObject({ level: 'L4', product: 'DUACS L4' });
  });

  it('rejects a text file with a one-line error naming it, no stack trace', () => {
    const path = join(scratch, 'readme.nc');
    writeFileSync(path, 'This is not a netCDF file.\n');
    const { code, out, err } = swot('info', path);
    expect(code).toBe(3);
    expect(out).toBe('');
    expect(err.trim()).toBe(`swot: ${path}: not a netCDF4/HDF5 file (it starts with text, not the HDF5 signature)`);
  });

  it('rejects a truncated copy of the L3 file', () => {
    const path = join(scratch, 'truncated.nc');
    writeFileSync(path, readFileSync(REAL_L3).subarray(0, 2_000_000));
    const { code, err } = swot('info', path, '--json');
    expect(code).toBe(3);
    expect(err).toContain(`${path}: truncated netCDF4/HDF5 file (2000000 bytes on disk, its superblock says 3407162)`);
    expect(err).not.toMatch(/\n\s+at /);
    expect(err).not.toMatch(/HDF5-DIAG/);
  });

  it('rejects a copy with a corrupted object header, keeping HDF5 diagnostics out of stderr', () => {
    const path = join(scratch, 'corrupt.nc');
    const bytes = Buffer.from(readFileSync(REAL_L3));
    bytes.fill(0, 48, 4000); // the root group's object header
    writeFileSync(path, bytes);
    const { code, err } = swot('info', path);
    expect(code).toBe(3);
    expect(err.trim()).toBe(`swot: ${path}: corrupt netCDF4/HDF5 file (reading the structure: bad object header version number)`);
  });

  it('reports a missing file and a wrong command line', () => {
    expect(swot('info', join(scratch, 'nope.nc'))).toMatchObject({ code: 3 });
    expect(swot('info', join(scratch, 'nope.nc')).err).toMatch(/nope\.nc: no such file/);
    expect(swot('info')).toMatchObject({ code: 2 });
    expect(swot('info', REAL_L3, '--jsn').err).toMatch(/unknown option --jsn/);
    expect(swot('frobnicate')).toMatchObject({ code: 2 });
  });

  it('prints its version', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(swot('--version').out.trim()).toBe(pkg.version);
  });

  it('never modifies the file it reads', () => {
    const copy = join(scratch, 'copy.nc');
    copyFileSync(REAL_L3, copy);
    swot('info', copy);
    expect(readFileSync(copy).equals(readFileSync(REAL_L3))).toBe(true);
  });
});

describe('require("jupyterlab-swot/kernel") from plain Node', () => {
  it('loads as CommonJS and opens a file', () => {
    const script = `
      const swot = require('jupyterlab-swot/kernel');
      swot.open(${JSON.stringify(REAL_L3)}).then(ds => {
        console.log(JSON.stringify({ version: swot.version, dims: ds.dims, text: String(ds).split('\\n')[0] }));
      });`;
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: join(ROOT, 'notebooks') });
    expect(result.stderr).toBe('');
    const out = JSON.parse(result.stdout);
    expect(out.dims).toEqual({ num_lines: 9860, num_pixels: 69, num_nadir: 726 });
    expect(out.text).toMatch(/^<swot\.Dataset netcdf4>/);
  });

  it('rejects with a typed error that tslab prints without a stack', () => {
    const bad = join(scratch, 'bad.nc');
    writeFileSync(bad, 'nope');
    const script = `
      const swot = require('jupyterlab-swot/kernel');
      swot.open(${JSON.stringify(bad)}).catch(e => console.log(JSON.stringify({
        name: e.name, code: e.code, source: e.source, isSwot: e instanceof swot.SwotError })));`;
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: ROOT });
    expect(JSON.parse(result.stdout)).toEqual({ name: 'NotNetcdfError', code: 'NOT_NETCDF', source: bad, isSwot: true });
  });

  it('a misspelt option key from plain JavaScript is a UsageError naming the valid key', () => {
    const script = `
      const swot = require('jupyterlab-swot/kernel');
      swot.open(${JSON.stringify(REAL_L3)})
        .then(ds => ds.select({ cycle: 25 }))
        .then(() => console.log('selected'), e => console.log(JSON.stringify({ name: e.name, code: e.code, message: e.message, usage: e instanceof swot.UsageError })));`;
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: join(ROOT, 'notebooks') });
    expect(JSON.parse(result.stdout)).toEqual({
      name: 'UsageError',
      code: 'USAGE',
      message: "unknown option 'cycle' in select(): did you mean 'cycles'?",
      usage: true
    });
  });
});

describe('swot read of a selection that matches nothing', () => {
  it('exits 4 saying which cycles, passes and times exist, and writes nothing (real L3)', () => {
    const out = join(scratch, 'cycle99.nc');
    const { code, err } = swot('read', REAL_L3, '--var', 'ssha_filtered', '--cycle', '99', '--out', out);
    expect(code).toBe(4);
    expect(err).toMatch(
      /^swot: .*SWOT_L3_LR_SSH_Expert_026_165_.*\.nc: nothing selected: no line matches cycles 99; the dataset holds 9,860 lines: cycle 26; pass 165; time 2024-12-29T16:5\d:\d\d\.\d{3}Z to 2024-12-29T17:4\d:\d\d\.\d{3}Z; .*cycle99\.nc not written \(--allow-empty writes an empty file\)\n$/
    );
    expect(existsSync(out)).toBe(false);
  });

  it('writes the empty file with --allow-empty, and still says why it is empty', () => {
    const out = join(scratch, 'cycle99-allowed.nc');
    const { code, err } = swot('read', REAL_L3, '--var', 'ssha_filtered', '--cycle', '99', '--allow-empty', '--out', out);
    expect(code).toBe(0);
    expect(err).toContain('swot: empty selection: no line matches cycles 99; the dataset holds 9,860 lines');
    expect(err).toContain('num_lines=0');
    expect(existsSync(out)).toBe(true);
  });

  it('names the filter that left nothing on a sample collection', () => {
    const out = join(scratch, 'pass999.nc');
    const { code, err } = swot('read', join(SAMPLE, 'netcdf/L3_LR_SSH'), '--var', 'ssha_filtered', '--cycle', '24-25', '--pass', '999', '--out', out);
    expect(code).toBe(4);
    // What the folder holds, from the manifest of the sample data.
    const l3 = JSON.parse(readFileSync(join(SAMPLE, 'manifest.json'), 'utf8')).products.filter((p: { path: string }) =>
      p.path.startsWith('netcdf/L3_LR_SSH/')
    ) as Array<{ cycle: number; pass: number; num_lines: number }>;
    const distinct = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);
    const lines = l3.reduce((n, p) => n + p.num_lines, 0).toLocaleString('en-US');
    expect(err).toContain(`nothing selected: no line of cycles 24-25 matches passes 999; the dataset holds ${lines} lines: cycles `);
    const holds = err.slice(err.indexOf('holds'));
    const cycles = /cycles ([\d, -]+);/.exec(holds)![1];
    const passes = /passes ([\d, ]+);/.exec(holds)![1];
    const expand = (text: string) =>
      text.split(', ').flatMap(t => {
        const [lo, hi] = t.split('-').map(Number);
        return Array.from({ length: (hi ?? lo) - lo + 1 }, (_, k) => lo + k);
      });
    expect(expand(cycles)).toEqual(distinct(l3.map(p => p.cycle)));
    expect(expand(passes)).toEqual(distinct(l3.map(p => p.pass)));
    expect(existsSync(out)).toBe(false);
  });
});

describe('swot diag and swot stats of a selection that matches nothing', () => {
  it('swot diag exits 4 and writes nothing, unless --allow-empty (real L3)', () => {
    const out = join(scratch, 'diag99.nc');
    const refused = swot('diag', REAL_L3, '--cycle', '99', '--out', out);
    expect(refused.code).toBe(4);
    expect(refused.err).toContain('nothing selected: no line matches cycles 99; the dataset holds 9,860 lines: cycle 26; pass 165');
    expect(existsSync(out)).toBe(false);
    const allowed = swot('diag', REAL_L3, '--cycle', '99', '--allow-empty', '--out', out);
    expect(allowed.code).toBe(0);
    expect(allowed.err).toContain('swot: empty selection: no line matches cycles 99');
    expect(existsSync(out)).toBe(true);
  });

  it('swot stats gives the zero counts and says why on stderr; --json carries the reason', () => {
    const { code, out, err } = swot('stats', REAL_L3, '--var', 'ssha_filtered', '--pass', '1', '--json');
    expect(code).toBe(0);
    expect(err).toContain('swot: empty selection: no line matches passes 1; the dataset holds 9,860 lines');
    const result = JSON.parse(out);
    expect(result.total.count).toBe(0);
    expect(result.empty).toMatchObject({ reason: 'no line matches passes 1', holds: { lines: 9860, cycles: [26], passes: [165] } });
  });
});

describe('a folder of several product kinds on the command line', () => {
  const folder = join(SAMPLE, 'netcdf/L2_LR_SSH');

  it('swot stats refuses it with the kinds and file counts (usage exit code)', () => {
    const { code, out, err } = swot('stats', folder, '--var', 'ssha_karin_2');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(
      /^swot: .*L2_LR_SSH: holds 3 kinds of product, which are not stacked together: L2_LR_SSH Basic \(\d+ files\), L2_LR_SSH Expert \(\d+ files\), L2_LR_SSH Unsmoothed \(1 file\); choose one with open\(path, \{ subset: "Basic" \}\) or, on the command line, --subset Basic\n/
    );
    expect(err).not.toContain('no variable');
  });

  it('swot stats --subset Expert works on the Expert passes only', () => {
    const { code, out, err } = swot('stats', folder, '--var', 'ssha_karin_2', '--subset', 'Expert', '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.variable).toBe('ssha_karin_2');
    expect(result.total.count).toBeGreaterThan(0);
  });

  it('swot info --subset takes a product id; an unknown kind is a usage error naming those found', () => {
    const ok = swot('info', folder, '--subset', 'L2_LR_SSH_Unsmoothed', '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).product).toMatchObject({ product: 'L2_LR_SSH', subset: 'Unsmoothed' });
    const bad = swot('info', folder, '--subset', 'WindWave');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('no product of kind "WindWave": it holds L2_LR_SSH Basic');
  });
});
