// Static PNG benchmark (issue 12): the kernel-side cost of the image/png in every show()
// display, for one full 2 km L3 pass of the sample data (9860 x 69, read first): the
// figure's pixels (renderFigure: data raster, land, coastlines, grid, colour bar) and its
// text composed as SVG and rasterised by resvg in DejaVu Sans (figurePng), then the
// whole display bundle with and without the PNG. Median of REPEAT (default 5) runs in
// one process, after one warm-up run (resvg and the font loaded).
//   node bench/png.mjs     prints the Markdown section
// Used by bench/run.mjs (`npm run bench`, or `node bench/run.mjs --only png`).
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');
const require = createRequire(join(ROOT, 'package.json'));
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
const PASS = 'data/sample/netcdf/L3_LR_SSH/v2_0_1/Expert/cycle_025/SWOT_L3_LR_SSH_Expert_025_242_20241211T141427_20241211T150554_v2.0.1.nc';
export const SECTION_TITLE = '## Static PNG: kernel-side build time (issue 12)';

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function library() {
  const dir = join(ROOT, 'build', 'bench-png');
  mkdirSync(dir, { recursive: true });
  const entry = `export * from './src/core/render'; export { buildBundle } from './src/kernel/display/bundle'; export { figurePng } from './src/kernel/display/figure-png'; export { landFor } from './src/kernel/display/land';`;
  await require('esbuild').build({ stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' }, bundle: true, format: 'cjs', platform: 'node', outfile: join(dir, 'png.cjs'), logLevel: 'warning' });
  return require(join(dir, 'png.cjs'));
}

export async function pngSection() {
  const r = await library();
  const swot = require(join(ROOT, 'dist', 'kernel.cjs'));
  const ds = await swot.open(join(ROOT, PASS));
  const layers = await r.readLayers(ds.reader, 'ssha_filtered', { maxPoints: 2_000_000 });
  const options = { variable: { name: 'ssha_filtered', units: 'm' }, title: 'ssha_filtered · L3_LR_SSH Expert cycle 25 pass 242' };
  const payload = r.encodePayload(layers.layers, options);
  const scene = await r.decodePayload(payload, b => new Uint8Array(inflateSync(b)));
  const land = r.landFor(scene.extent);
  const time = fn => {
    fn();
    const ts = [];
    let out;
    for (let i = 0; i < REPEAT; i++) {
      const t0 = performance.now();
      out = fn();
      ts.push(performance.now() - t0);
    }
    return { ms: median(ts), out };
  };
  const figure = time(() => r.renderFigure(scene, land));
  const png = time(() => r.figurePng(figure.out));
  const timeAsync = async fn => {
    await fn();
    const ts = [];
    for (let i = 0; i < REPEAT; i++) {
      const t0 = performance.now();
      await fn();
      ts.push(performance.now() - t0);
    }
    return median(ts);
  };
  const withPng = await timeAsync(() => r.buildBundle(layers, options, true));
  const without = await timeAsync(() => r.buildBundle(layers, options, false));
  ds.close?.();
  rmSync(join(ROOT, 'build', 'bench-png'), { recursive: true, force: true });
  const { width, height } = figure.out.image;
  const resvg = JSON.parse(readFileSync(require.resolve('@resvg/resvg-js/package.json'), 'utf8')).version;
  return [
    SECTION_TITLE,
    '',
    `One full 2 km L3 pass (\`${PASS.split('/').pop()}\`, ${layers.sourcePoints.toLocaleString('en-US')} points, \`ssha_filtered\`), already read; median of ${REPEAT} runs in one process after a warm-up. The figure's pixels are drawn on typed arrays (src/core/render/figure.ts); its text is set as SVG over them and rasterised, antialiased, in DejaVu Sans (shipped in the npm package dejavu-fonts-ttf) by @resvg/resvg-js ${resvg} (src/kernel/display/figure-png.ts).`,
    '',
    '| pixels (renderFigure) | text + PNG (resvg) | PNG total | display bundle with PNG | without PNG | image |',
    '|---|---|---|---|---|---|',
    `| ${figure.ms.toFixed(0)} ms | ${png.ms.toFixed(0)} ms | ${(figure.ms + png.ms).toFixed(0)} ms | ${withPng.toFixed(0)} ms | ${without.toFixed(0)} ms | ${width} x ${height}, ${png.out.length.toLocaleString('en-US')} bytes |`,
    '',
    `Target: under 500 ms for the PNG of a 2 km pass: ${figure.ms + png.ms < 500 ? 'met' : 'NOT met'}. Command: \`node bench/png.mjs\` (or \`node bench/run.mjs --only png\`).`
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await pngSection());
