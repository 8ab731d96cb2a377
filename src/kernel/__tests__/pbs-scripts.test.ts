/**
 * The PBS job-array scripts of docs/pbs run as PBS would run them (bash, one
 * process per array index with PBS_ARRAY_INDEX set, then the merge job), over
 * the sample L3 cycles with the built CLI: the merged map and statistics are
 * what one swot map / swot stats run over all cycles writes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, requireBuiltCli, ROOT } from '../../testing/built-cli';
import { open } from '../open';

const L3 = join(ROOT, 'data/sample/netcdf/L3_LR_SSH/v2_0_1/Expert');
const CYCLES = readdirSync(L3).filter(d => d.startsWith('cycle_')).sort();
const scratch = mkdtempSync(join(tmpdir(), 'swot-pbs-'));
const OUT = join(scratch, 'out');
const GRID = { BBOX: '0,-80,360,80', STEP: '2' };

function bash(script: string, env: Record<string, string>) {
  const r = spawnSync('bash', [join(ROOT, 'docs/pbs', script)], {
    encoding: 'utf8',
    cwd: scratch,
    env: { ...process.env, SWOT: `${process.execPath} ${CLI}`, ...env }
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(requireBuiltCli);

describe('docs/pbs: one array task per cycle, then the merge job', () => {
  it('gives the map and statistics of one run over all cycles, to the last bit', async () => {
    // Task i takes the i-th of CYCLES; one more task than cycles, and a cycle not in the archive, do nothing.
    const numbers = [...CYCLES.map(c => String(Number(c.slice(6)))), '999'];
    for (let i = 1; i <= numbers.length + 1; i++) {
      const r = bash('swot-array.pbs', { DATA: L3, OUT, VAR: 'ssha_filtered', CYCLES: numbers.join(' '), PBS_ARRAY_INDEX: String(i), NCPUS: '1', ...GRID });
      expect(`${r.err}`).not.toMatch(/error/i);
      expect(r.code).toBe(0);
      if (i > CYCLES.length) expect(r.out).toMatch(/nothing to do/);
    }
    expect(readdirSync(OUT).sort()).toEqual([...CYCLES.map(c => `map-${c}.nc`), ...CYCLES.map(c => `stats-${c}.nc`)].sort());
    const merged = bash('swot-merge.pbs', { OUT });
    expect(merged.err).toContain(`${CYCLES.length} partials`);
    expect(merged.code).toBe(0);

    const single = spawnSync(process.execPath, [CLI, 'stats', L3, '--var', 'ssha_filtered', '--by', 'pass', '--json'], { encoding: 'utf8' });
    expect(single.status).toBe(0);
    expect(readFileSync(join(OUT, 'stats.json'), 'utf8')).toBe(single.stdout);
    const map = join(scratch, 'single-map.nc');
    const one = spawnSync(process.execPath, [CLI, 'map', L3, '--var', 'ssha_filtered', '--bbox', GRID.BBOX, '--step', GRID.STEP, '--out', map], { encoding: 'utf8' });
    expect(one.status).toBe(0);
    const [a, b] = [await open(map), await open(join(OUT, 'map.nc'))];
    expect(JSON.stringify(b.attrs)).toBe(JSON.stringify(a.attrs));
    expect(JSON.stringify(b.variables)).toBe(JSON.stringify(a.variables));
    for (const v of a.variables) {
      const x = (await a.reader.readRaw(v.name)).data;
      const y = (await b.reader.readRaw(v.name)).data;
      expect(Buffer.from(y.buffer, y.byteOffset, y.byteLength).equals(Buffer.from(x.buffer, x.byteOffset, x.byteLength))).toBe(true);
    }
    a.close();
    b.close();
    // Run outside PBS, a task says what is missing instead of reducing something arbitrary.
    const bare = bash('swot-array.pbs', { DATA: L3, OUT, PBS_ARRAY_INDEX: '' });
    expect(bare.code).not.toBe(0);
    expect(bare.err).toMatch(/PBS_ARRAY_INDEX/);
  }, 180000);
});
