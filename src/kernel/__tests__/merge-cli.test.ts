/**
 * swot stats/map --partial per cycle, then swot merge, through the built CLI
 * (dist/cli.cjs): the merged result is what the single run writes.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireBuiltCli, ROOT, swot } from '../../testing/built-cli';
import { open } from '../open';

const L3 = 'data/sample/netcdf/L3_LR_SSH/v2_0_1/Expert';
const CYCLES = readdirSync(join(ROOT, L3)).filter(d => d.startsWith('cycle_')).sort();
const scratch = mkdtempSync(join(tmpdir(), 'swot-merge-cli-'));

beforeAll(requireBuiltCli);

describe('swot stats --partial per cycle + swot merge == swot stats on all', () => {
  it('gives the same JSON, byte for byte, and the same text', () => {
    const single = swot('stats', L3, '--var', 'ssha_filtered', '--by', 'pass', '--json');
    expect(single.code).toBe(0);
    const parts = CYCLES.map(c => {
      const path = join(scratch, `stats-${c}.nc`);
      const r = swot('stats', join(L3, c), '--var', 'ssha_filtered', '--by', 'pass', '--partial', path);
      expect(r.err).toMatch(/wrote .*partial statistics of ssha_filtered/);
      expect(r.code).toBe(0);
      return path;
    });
    const out = join(scratch, 'merged.json');
    const merged = swot('merge', ...parts, '--out', out);
    expect(merged.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(single.out);
    expect(JSON.parse(single.out).passes).toHaveLength(16);
    expect(swot('merge', ...parts).out).toBe(swot('stats', L3, '--var', 'ssha_filtered', '--by', 'pass').out);
    // No user file is replaced without --force; partials of another reduction are a usage error naming the file.
    const again = swot('merge', ...parts, '--out', out);
    expect(again.code).toBe(2);
    expect(again.err).toContain(`${out}: already exists`);
    const other = join(scratch, 'unfiltered.nc');
    expect(swot('stats', join(L3, CYCLES[0]), '--var', 'ssha_unfiltered', '--by', 'pass', '--partial', other).code).toBe(0);
    const refused = swot('merge', parts[1], other);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`${other}: not the same reduction as ${parts[1]}: variable is "ssha_unfiltered", not "ssha_filtered"`);
    const overlap = swot('merge', parts[0], parts[0]);
    expect(overlap.code).toBe(2);
    expect(overlap.err).toMatch(/partials must not overlap/);
    expect(swot('stats', L3, '--var', 'ssha_filtered', '--cycle', '25', '--partial', join(scratch, 'x.nc')).code).toBe(2);
  }, 120000);
});

describe('swot map --partial per cycle + swot merge == swot map on all', () => {
  it('writes the same netCDF map: same variables, attributes and values to the last bit', async () => {
    const grid = ['--bbox', '0,-80,360,80', '--step', '2'];
    const single = join(scratch, 'single-map.nc');
    expect(swot('map', L3, '--var', 'ssha_filtered', ...grid, '--out', single).code).toBe(0);
    const parts = CYCLES.map(c => {
      const path = join(scratch, `map-${c}.nc`);
      expect(swot('map', join(L3, c), '--var', 'ssha_filtered', ...grid, '--partial', path).code).toBe(0);
      return path;
    });
    const merged = join(scratch, 'merged-map.nc');
    const r = swot('merge', ...parts, '--out', merged);
    expect(r.err).toContain('5 partials, 16 passes');
    expect(r.code).toBe(0);
    const a = await open(single);
    const b = await open(merged);
    expect(JSON.stringify(b.attrs)).toBe(JSON.stringify(a.attrs));
    expect(b.variables.map(v => v.name).sort()).toEqual(['count', 'lat', 'lon', 'max', 'mean', 'min', 'rms', 'std']);
    for (const v of a.variables) {
      const x = (await a.reader.readRaw(v.name)).data;
      const y = (await b.reader.readRaw(v.name)).data;
      expect(Buffer.from(y.buffer, y.byteOffset, y.byteLength).equals(Buffer.from(x.buffer, x.byteOffset, x.byteLength))).toBe(true);
    }
    expect(JSON.stringify(b.variables)).toBe(JSON.stringify(a.variables));
    a.close();
    b.close();
    const stats = join(scratch, 'stats-for-map.nc');
    expect(swot('stats', join(L3, CYCLES[0]), '--var', 'ssha_filtered', '--partial', stats).code).toBe(0);
    expect(swot('merge', parts[0], stats, '--out', join(scratch, 'never.nc')).err).toMatch(/kind is "stats", not "map"/);
  }, 120000);
});
