// `npm run bench`: every benchmark in one run, figures written to BENCHMARKS.md
// with the command that produced them. Each case runs in fresh processes,
// REPEAT times, and reports the median wall time.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { downloadSection } from './download.mjs';
import { mergeSection } from './merge.mjs';
import { pngSection } from './png.mjs';
import { renderSection } from './render.mjs';
import { zoomSection } from './zoom.mjs';
import { sampleDataSection } from './sample-data.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const PYTHON = join(process.env.SWOT_VENV ?? join(ROOT, '.venv'), 'bin', 'python');
const SAMPLE = join(ROOT, 'data', 'sample');
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const MANY = join(ROOT, 'build', 'bench-many');

function run(cmd, args) {
  const out = execFileSync(cmd, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out.trim().split('\n').pop());
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function measure(cmd, args) {
  const runs = Array.from({ length: REPEAT }, () => run(cmd, args));
  return { ...runs[0], seconds: median(runs.map(r => r.seconds)), all: runs.map(r => r.seconds) };
}

/** 'ours 2.1x faster' or 'ours 1.9x slower'. */
function relative(ours, peer) {
  return ours <= peer ? `ours ${(peer / ours).toFixed(2)}x faster` : `ours ${(ours / peer).toFixed(2)}x slower`;
}

function fmt(s) {
  return `${s.toFixed(3)} s`;
}

function dataAccess() {
  const manifest = JSON.parse(readFileSync(join(SAMPLE, 'manifest.json'), 'utf8'));
  const cases = [
    // The L2 Zarr store holds one cycle (the sample's size budget): compared with that cycle's files.
    { product: 'L2_LR_SSH Expert, cycle 25', variable: 'ssha_karin_2', zarr: 'zarr/L2_LR_SSH_Expert.zarr', netcdf: 'netcdf/L2_LR_SSH/Expert/cycle_025' },
    { product: 'L3 KaRIn Expert', variable: 'ssha_filtered', zarr: 'zarr/L3_LR_SSH_Expert.zarr', netcdf: 'netcdf/L3_LR_SSH/v2_0_1/Expert' },
    { product: 'L3 KaRIn Expert, many small files', variable: 'ssha_filtered', zarr: 'zarr/L3_LR_SSH_Expert.zarr', netcdf: MANY }
  ];
  // The same L3 data split into files of 300 lines (bench/make_many_files.py, cached in build/).
  execFileSync(PYTHON, ['bench/make_many_files.py', join(SAMPLE, 'zarr/L3_LR_SSH_Expert.zarr'), MANY, '300'], { cwd: ROOT, stdio: 'ignore' });
  const rows = [];
  for (const c of cases) {
    const zarr = join(SAMPLE, c.zarr);
    const nc = c.netcdf.startsWith('/') ? c.netcdf : join(SAMPLE, c.netcdf);
    if (!existsSync(zarr) || !existsSync(nc)) {
      throw new Error(`missing sample data ${zarr} or ${nc}: run the generator first`);
    }
    const files = execFileSync('find', [nc, '-name', '*.nc'], { encoding: 'utf8' }).trim().split('\n').length;
    const r = {
      oursZarr: measure('node', ['bench/ours-mean.cjs', zarr, c.variable]),
      xarrayZarr: measure(PYTHON, ['bench/xarray_mean.py', 'zarr', zarr, c.variable]),
      oursNc: measure('node', ['bench/ours-mean.cjs', nc, c.variable]),
      xarrayNc: measure(PYTHON, ['bench/xarray_mean.py', 'netcdf', nc, c.variable])
    };
    const agree = Math.abs(r.oursZarr.mean - r.xarrayZarr.mean) <= 1e-9 * Math.max(1, Math.abs(r.xarrayZarr.mean)) && r.oursZarr.count === r.xarrayZarr.count;
    rows.push({ ...c, files, ...r, agree });
  }
  const lines = [
    '## Data access: mean of one variable over every sample pass (issue 3)',
    '',
    `Sample data: generator ${manifest.generator?.version ?? '?'} (\`data/sample\`). Wall time per case = median of ${REPEAT} runs, each in a fresh process (open + read + NaN-aware mean; page cache warm after the first run). xarray ${run(PYTHON, ['-c', 'import json,xarray,dask,zarr;print(json.dumps({"v":f"xarray {xarray.__version__}, dask {dask.__version__}, zarr {zarr.__version__}"}))']).v}; dask default threaded scheduler (2 cores).`,
    '',
    '| product (variable) | files | jupyterlab-swot Zarr | xarray open_zarr | jupyterlab-swot netCDF | xarray open_mfdataset | ours vs xarray (Zarr) | ours vs xarray (netCDF) | ours: netCDF / Zarr | same mean and count |',
    '|---|---|---|---|---|---|---|---|---|---|'
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.product} (\`${r.variable}\`) | ${r.files} | ${fmt(r.oursZarr.seconds)} | ${fmt(r.xarrayZarr.seconds)} | ${fmt(r.oursNc.seconds)} | ${fmt(r.xarrayNc.seconds)} | ${(r.xarrayZarr.seconds / r.oursZarr.seconds).toFixed(2)}x faster | ${(r.xarrayNc.seconds / r.oursNc.seconds).toFixed(2)}x faster | ${(r.oursNc.seconds / r.oursZarr.seconds).toFixed(2)} | ${r.agree ? 'yes' : `NO (${r.oursZarr.mean} vs ${r.xarrayZarr.mean})`} |`
    );
  }
  const many = rows.find(r => r.netcdf === MANY);
  if (many) {
    lines.push(
      '',
      `The last row is the same L3 data split into ${many.files} netCDF files of 300 lines (bench/make_many_files.py). There xarray's open_mfdataset takes ${(many.xarrayNc.seconds / many.xarrayZarr.seconds).toFixed(0)}x longer than its open_zarr (the CNES offer's "Zarr is much faster than many netCDF files"); the kernel library opens every file after the first against the first one's structure (dimension sizes and identity attributes only), so its netCDF path stays within ${(many.oursNc.seconds / many.oursZarr.seconds).toFixed(1)}x of its Zarr path.`
    );
  }
  lines.push('', 'Peak resident memory (MB), Zarr / netCDF: ' + rows.map(r => `${r.product}: ours ${r.oursZarr.rssMB.toFixed(0)} / ${r.oursNc.rssMB.toFixed(0)}, xarray ${r.xarrayZarr.rssMB.toFixed(0)} / ${r.xarrayNc.rssMB.toFixed(0)}`).join('; ') + '.');
  return lines.join('\n');
}

function diagnosticsSection() {
  const manifest = JSON.parse(readFileSync(join(SAMPLE, 'manifest.json'), 'utf8'));
  const entry = manifest.products.find(p => p.level === 'L3' && p.cycle === 25 && p.pass === 242);
  const file = join(SAMPLE, entry.path);
  const ours = run('node', ['bench/ours-diagnostics.cjs', file, 'ssha_unfiltered', join(ROOT, 'build', 'bench-ours')]);
  const numpy = run(PYTHON, ['bench/diagnostics_numpy.py', file, 'ssha_unfiltered', join(ROOT, 'build', 'bench-numpy.npz'), 'stencil']);
  const gradient = run(PYTHON, ['bench/diagnostics_numpy.py', file, 'ssha_unfiltered', join(ROOT, 'build', 'bench-gradient.npz'), 'gradient']);
  const check = run(PYTHON, [
    '-c',
    `import json,numpy as np
r=np.load("build/bench-numpy.npz");out={}
for k in ["u","v","vorticity","strain","okubo_weiss"]:
    a=np.fromfile("build/bench-ours/"+k+".f64").reshape(r[k].shape);b=r[k]
    out[k]=[bool(np.array_equal(np.isnan(a),np.isnan(b))),float(np.nanmax(np.abs(a-b))/np.nanmax(np.abs(b)))]
print(json.dumps(out))`
  ]);
  const agree = Object.values(check).every(([sameNaN, rel]) => sameNaN && rel < 1e-12);
  const many = run('node', ['bench/ours-diagnostics-many.cjs', join(SAMPLE, 'netcdf/L3_LR_SSH/v2_0_1/Expert'), 'ssha_unfiltered', String(cpus().length)]);
  const store = join(SAMPLE, 'zarr/L3_LR_SSH_Expert.zarr');
  const xr = measure(PYTHON, ['bench/xarray_mean.py', 'zarr', store, 'ssha_filtered']);
  const one = measure('node', ['bench/ours-stats.cjs', store, 'ssha_filtered', '1']);
  const two = measure('node', ['bench/ours-stats.cjs', store, 'ssha_filtered', '2']);
  return [
    '## Diagnostics and reductions (issue 4)',
    '',
    `One full 2 km L3 pass (${ours.shape.join(' x ')}, \`${entry.path.split('/').pop()}\`, variable \`ssha_unfiltered\`): u, v, zeta/f, strain/f and Okubo-Weiss, compute only (the pass is already in memory), median of 5 runs in one process, one thread each. Peers, numpy ${numpy.numpy}, same Jacobian on the sphere: (1) the same method vectorised (bench/diagnostics_numpy.py \`stencil\`: shifted arrays, NaN-driven fallback from 9 to 7/5/3/2 points), whose fields ours must match; (2) what most users write, \`np.gradient\` (3-point centred differences, a NaN spoiling its neighbours: less accurate, fewer values).`,
    '',
    '| jupyterlab-swot (9-point, fallbacks) | numpy, same stencil | numpy np.gradient (3-point) | same NaN pattern as (1), max relative difference |',
    '|---|---|---|---|',
    `| ${fmt(ours.seconds)} | ${fmt(numpy.seconds)} (${relative(ours.seconds, numpy.seconds)}) | ${fmt(gradient.seconds)} (${relative(ours.seconds, gradient.seconds)}) | ${agree ? 'yes' : 'NO'}, ${Math.max(...Object.values(check).map(x => x[1])).toExponential(1)} |`,
    '',
    `Both index derivatives of a field are taken in one walk per line (17 reads, branch-free 9-point stencils; the fallback only where a stencil met a NaN), combined with the Jacobian in cache, block by block of 512 lines whose temporaries are reused (src/core/diagnostics/index-derivative.ts, arena.ts); lines with no height take no stencil and points with no height no Jacobian, cosine or sine (exact: every output there is NaN; ${(100 * ours.nanFraction).toFixed(0)}% of this pass's heights are missing, ${(100 * ours.emptyLines).toFixed(0)}% of its lines have none; numpy computes them all). ${gradient.seconds < ours.seconds ? 'np.gradient is still faster: numpy runs each of its ~70 whole-array operations in SIMD, where a JavaScript loop does one value at a time, and its 3-point stencil reads 2 values where ours reads 8 with fallbacks; the issue\'s target (at least as fast as np.gradient) is not met yet.' : 'Faster than np.gradient while keeping the 9-point stencil.'}`,
    '',
    `Every sample L3 pass (${many.passes} passes, ${many.shape.join(' x ')}, a selection in memory), same fields: ${fmt(many.one)} in one thread, ${fmt(many.many)} in ${many.workers} worker threads taking whole passes each (workers: 2 asked; by default threads start only from 4 passes and 30 million values, since at this size their start-up eats what they save: faster in some runs, slower in others), ${(many.one / many.many).toFixed(2)}x; same bits: ${many.same ? 'yes' : 'NO'} (median of 3 in one process, bench/ours-diagnostics-many.cjs).`,
    '',
    `Mean SSHA (\`ssha_filtered\`) over every sample L3 pass from the Zarr store (${one.count} values), open + streamed reduction, median of ${REPEAT} fresh processes:`,
    '',
    '| swot.stats, 1 thread | swot.stats, 2 worker threads | xarray open_zarr + dask | same mean |',
    '|---|---|---|---|',
    `| ${fmt(one.seconds)} | ${fmt(two.seconds)} | ${fmt(xr.seconds)} | ${Math.abs(one.mean - xr.mean) < 1e-12 && Math.abs(two.mean - xr.mean) < 1e-12 ? 'yes' : 'NO'} |`,
    '',
    'Worker threads each open the store again (about 0.1-0.2 s of set-up), so they pay off on large reductions only: `stats` uses them by default above 50 million values.'
  ].join('\n');
}

// `node bench/run.mjs --only SECTION` (data-access, diagnostics, render, sample-data, download, merge, png, zoom) runs one section and rewrites only that section of BENCHMARKS.md.
const ONLY = (() => {
  const i = process.argv.indexOf('--only');
  return i >= 0 ? process.argv[i + 1] : undefined;
})();
const SECTIONS = {
  'data-access': () => dataAccess(),
  diagnostics: () => diagnosticsSection(),
  render: () => renderSection(),
  'sample-data': () => sampleDataSection('node bench/run.mjs --only sample-data'),
  download: () => downloadSection('node bench/run.mjs --only download'),
  merge: () => mergeSection(),
  png: () => pngSection(),
  zoom: () => zoomSection()
};

if (ONLY !== undefined) {
  if (!(ONLY in SECTIONS)) {
    throw new Error(`--only ${ONLY}: unknown section (known: ${Object.keys(SECTIONS).join(', ')})`);
  }
  const section = (await SECTIONS[ONLY]()).trimEnd();
  const title = section.split('\n')[0];
  const file = join(ROOT, 'BENCHMARKS.md');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = text.indexOf(title + '\n');
  let out;
  if (start >= 0) {
    const next = text.indexOf('\n## ', start + title.length);
    out = text.slice(0, start) + section + '\n' + (next >= 0 ? text.slice(next) : '');
  } else {
    out = text.trimEnd() + '\n\n' + section + '\n';
  }
  // The header's list of sections, as a full run writes it.
  out = out.replace(/(--only SECTION` \()[^)]*\)/, `$1${Object.keys(SECTIONS).join(', ')})`);
  writeFileSync(file, out);
  console.log(section);
  process.exit(0);
}

const sections = [dataAccess(), diagnosticsSection(), renderSection(), sampleDataSection('npm run bench'), downloadSection('npm run bench'), mergeSection(), await pngSection(), zoomSection()];
const header = [
  '# Benchmarks',
  '',
  `Produced by \`npm run bench\` (bench/run.mjs) in one run; one section can be refreshed alone with \`node bench/run.mjs --only SECTION\` (${Object.keys(SECTIONS).join(', ')}). Do not edit by hand.`,
  '',
  `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}. Date: ${new Date().toISOString()}.`,
  ''
];
writeFileSync(join(ROOT, 'BENCHMARKS.md'), [...header, sections.join('\n\n')].join('\n') + '\n');
console.log([...header, ...sections].join('\n'));
