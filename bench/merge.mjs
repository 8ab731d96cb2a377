// Scale-out benchmark (issue 12): the 16 sample L3 passes split into 10 groups of
// files, one `swot map --partial` and one `swot stats --partial` per group (what the
// tasks of a PBS job array do, docs/pbs), then `swot merge` of the 10 partials, versus
// one `swot map` / `swot stats` run over all the files. Every case runs REPEAT times in
// a fresh process (the built CLI, dist/cli.cjs); the merged results are compared with
// the single run's, byte for byte (stats JSON) and value for value to the last bit
// (the map's netCDF variables, read back undecoded with xarray), and the section says so.
//   node bench/merge.mjs     prints the Markdown section
// Used by bench/run.mjs (`npm run bench`, or `node bench/run.mjs --only merge`).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const PYTHON = join(process.env.SWOT_VENV ?? join(ROOT, '.venv'), 'bin', 'python');
const CLI = join(ROOT, 'dist', 'cli.cjs');
const L3 = join(ROOT, 'data/sample/netcdf/L3_LR_SSH/v2_0_1/Expert');
const WORK = join(ROOT, 'build', 'bench-merge');
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const PARTS = 10;
const GRID = ['--bbox', '0,-80,360,80', '--step', '1'];
const VAR = ['--var', 'ssha_filtered'];
export const SECTION_TITLE = '## Scale-out: 10 partials merged versus one run (issue 12)';

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Seconds of one CLI run (a fresh process), and its stdout. */
function swot(args) {
  const t0 = process.hrtime.bigint();
  const out = execFileSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'pipe'] });
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, out };
}

function timed(args) {
  const runs = Array.from({ length: REPEAT }, () => swot(args));
  return { seconds: median(runs.map(r => r.seconds)), out: runs[0].out };
}

export function mergeSection() {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const files = execFileSync('find', [L3, '-name', '*.nc'], { encoding: 'utf8' }).trim().split('\n').sort();
  const groups = Array.from({ length: PARTS }, (_, i) => files.filter((_, k) => k % PARTS === i));
  const part = (kind, i) => join(WORK, `${kind}-${i}.nc`);

  const singleStats = timed(['stats', L3, ...VAR, '--by', 'pass', '--json']);
  const singleMap = timed(['map', L3, ...VAR, ...GRID, '--out', join(WORK, 'single.nc'), '--force']);
  const partStats = groups.map((g, i) => timed(['stats', ...g, ...VAR, '--by', 'pass', '--partial', part('stats', i), '--force']).seconds);
  const partMap = groups.map((g, i) => timed(['map', ...g, ...VAR, ...GRID, '--partial', part('map', i), '--force']).seconds);
  const mergeStats = timed(['merge', ...groups.map((_, i) => part('stats', i)), '--out', join(WORK, 'merged.json'), '--force']);
  const mergeMap = timed(['merge', ...groups.map((_, i) => part('map', i)), '--out', join(WORK, 'merged.nc'), '--force']);

  const statsSame = readFileSync(join(WORK, 'merged.json'), 'utf8') === singleStats.out;
  const mapSame = execFileSync(PYTHON, ['-c', `
import sys, xarray as xr
a, b = (xr.open_dataset(p, mask_and_scale=False, decode_times=False) for p in sys.argv[1:3])
names = sorted(a.variables)
same = names == sorted(b.variables) and all(a[k].dtype == b[k].dtype and a[k].shape == b[k].shape and a[k].values.tobytes() == b[k].values.tobytes() for k in names)
print('yes' if same else 'NO')`, join(WORK, 'single.nc'), join(WORK, 'merged.nc')], { encoding: 'utf8' }).trim();
  const fmt = s => `${s.toFixed(3)} s`;
  const sum = xs => xs.reduce((a, b) => a + b, 0);
  rmSync(WORK, { recursive: true, force: true });
  return [
    SECTION_TITLE,
    '',
    `The ${files.length} sample L3 passes (\`ssha_filtered\`, 5 cycles) split into ${PARTS} groups of files, one partial per group (\`swot stats --by pass --partial\`, \`swot map ${GRID.join(' ')} --partial\`), as the tasks of a PBS job array write them (docs/pbs/swot-array.pbs), then \`swot merge\` of the ${PARTS}; against one run over all files. Median of ${REPEAT} fresh processes per case (the built CLI, Node start-up included); the partial runs would run side by side on batch nodes, so their slowest is the array's wall time.`,
    '',
    '| reduction | one run, all files | slowest partial (sum of 10) | swot merge of 10 partials | merged result identical to the one run |',
    '|---|---|---|---|---|',
    `| stats by pass | ${fmt(singleStats.seconds)} | ${fmt(Math.max(...partStats))} (${fmt(sum(partStats))}) | ${fmt(mergeStats.seconds)} | ${statsSame ? 'yes' : 'NO'} (JSON, byte for byte) |`,
    `| 1-degree map | ${fmt(singleMap.seconds)} | ${fmt(Math.max(...partMap))} (${fmt(sum(partMap))}) | ${fmt(mergeMap.seconds)} | ${mapSame} (every netCDF variable, bit for bit) |`,
    '',
    'Command: `node bench/merge.mjs` (or `node bench/run.mjs --only merge`).'
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(mergeSection());
