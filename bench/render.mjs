// Swath renderer benchmark (issue 5), in headless Debian Chromium through Playwright:
//   - time from output arrival (the payload's JSON text in the page) to the first
//     drawn frame, for one 2 km pass, one cycle of passes, one 250 m Unsmoothed pass;
//     cold (plotly.js not yet loaded: the first swath of a session) and warm;
//   - time to re-rasterise after a zoom (scroll wheel);
//   - payload bytes per point, and the kernel-side cost of building it;
//   - the extension's initial JavaScript at JupyterLab start-up, plotly lazy-loaded.
//
// `node bench/render.mjs` prints the markdown section; `--json` prints the raw figures.
// bench/run.mjs calls renderSection(), which runs this file in a fresh process.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** esbuild bundles: the renderer for the page, the payload builders for Node. */
async function bundles(dir) {
  const { build } = require('esbuild');
  const page = `
    import { Widget } from '@lumino/widgets';
    import { rendererFactory } from './src/mime/renderer';
    let renderer;
    window.swotBench = {
      // As JupyterLab does: the output's JSON text arrives, the renderer gets the bundle.
      async render(text) {
        const t0 = performance.now();
        const data = JSON.parse(text);
        if (renderer) renderer.dispose();
        renderer = rendererFactory.createRenderer({ mimeType: 'application/vnd.swot.swath+json', sanitizer: { sanitize: s => s }, resolver: null, linkHandler: null, latexTypesetter: null });
        const first = renderer.firstPaint;
        const done = renderer.renderModel({ data, metadata: {}, trusted: true, setData() {} });
        Widget.attach(renderer, document.getElementById('host'));
        await done;
        const f = await first;
        return { firstMs: f.at - t0, firstKind: f.kind, interactiveMs: performance.now() - t0, ...renderer.timing };
      },
      frames: () => Number(renderer.node.querySelector('.jp-swot-swath').dataset.frames || 0)
    };`;
  await build({
    stdin: { contents: page, resolveDir: ROOT, loader: 'ts' },
    bundle: true, format: 'esm', splitting: true, platform: 'browser', target: 'chrome120',
    outdir: join(dir, 'page'), logLevel: 'warning', loader: { '.json': 'json' }
  });
  writeFileSync(join(dir, 'page', 'index.html'), `<!doctype html><html><head><meta charset="utf-8"><style>${readFileSync(join(ROOT, 'style', 'render.css'), 'utf8')} body{margin:0;font-family:sans-serif} #host{width:1000px}</style></head><body><div id="host"></div><script type="module" src="stdin.js"></script></body></html>`);
  const node = `export * from './src/core/render'; export * from './src/core/render/synthetic'; export { buildBundle } from './src/kernel/display/bundle';`;
  await build({ stdin: { contents: node, resolveDir: ROOT, loader: 'ts' }, bundle: true, format: 'cjs', platform: 'node', outfile: join(dir, 'render.cjs'), logLevel: 'warning' });
  return require(join(dir, 'render.cjs'));
}

/** The display bundles show() sends (maxPoints 2 000 000, PNG included), built from synthetic passes. */
async function payloads(r) {
  const out = [];
  const variable = { name: 'ssha_filtered', units: 'm' };
  // One 2 km pass: 9860 x 69.
  {
    const p = r.syntheticPass();
    const t0 = performance.now();
    const inputs = [{ kind: 'swath', lines: p.lines, pixels: p.pixels, lon: p.lon, lat: p.lat, value: p.value, cycle: 26, pass: 165 }];
    const bundle = await r.buildBundle({ layers: inputs, name: variable.name, units: 'm', sourcePoints: p.lines * p.pixels, factor: 1, source: 'synthetic' }, { variable, title: 'synthetic 2 km pass' });
    out.push({ name: 'one 2 km pass (9860 x 69)', sourcePoints: p.lines * p.pixels, kernelMs: performance.now() - t0, bundle });
  }
  // One cycle: 584 passes of 9860 x 69 = 397 M points, reduced as show() does (factor 15) to ~2 M.
  {
    const passes = 584;
    const factor = r.lodFactor(passes * 9860 * 69, 2_000_000);
    const cross = Float64Array.from({ length: Math.ceil(69 / factor) }, (_, j) => (j * factor - 34) * 2 + (factor - 1));
    const inputs = [];
    const t0 = performance.now();
    for (let k = 0; k < passes; k++) {
      const p = r.syntheticPass({ lines: Math.ceil(9860 / factor), lineKm: 2 * factor, crossTrackKm: cross, equatorLon: (k * 360 * 27) / passes, descending: k % 2 === 1 });
      inputs.push({ kind: 'swath', lines: p.lines, pixels: p.pixels, lon: p.lon, lat: p.lat, value: p.value, cycle: 26, pass: k + 1, lineStep: factor, pixelStep: factor });
    }
    const t1 = performance.now();
    const bundle = await r.buildBundle({ layers: inputs, name: variable.name, units: 'm', sourcePoints: passes * 9860 * 69, factor, source: 'synthetic' }, { variable, title: 'synthetic cycle' });
    out.push({ name: `one cycle (584 passes, 397 M points, level of detail 1/${factor})`, sourcePoints: passes * 9860 * 69, kernelMs: performance.now() - t1, synthMs: t1 - t0, bundle });
  }
  // One 250 m Unsmoothed pass: 2 sides x 78 880 lines x 240 pixels = 37.9 M points, reduced block by block.
  {
    const lines = 78880;
    const factor = r.lodFactor(2 * lines * 240, 2_000_000);
    const inputs = [];
    let reduceMs = 0;
    for (const side of [-1, 1]) {
      const cross = r.crossTrack250m(side);
      const parts = [];
      for (let a = 0; a < lines; a += 8190) {
        const n = Math.min(8190, lines - a);
        const p = r.syntheticPass({ lines: n, lineKm: 0.25, crossTrackKm: cross, startDeg: ((a * 0.25 - (lines * 0.25) / 2) / 6371) * (180 / Math.PI), nadirGapKm: 0, swathEdgeKm: 100, velocities: false });
        const t0 = performance.now();
        parts.push(r.reduceSwath(p, factor));
        reduceMs += performance.now() - t0;
      }
      const cat = key => {
        const total = parts.reduce((s, p) => s + p[key].length, 0);
        const a = new Float64Array(total);
        let o = 0;
        for (const p of parts) { a.set(p[key], o); o += p[key].length; }
        return a;
      };
      inputs.push({ kind: 'swath', lines: parts.reduce((s, p) => s + p.lines, 0), pixels: parts[0].pixels, lon: cat('lon'), lat: cat('lat'), value: cat('value'), label: side < 0 ? 'left' : 'right', cycle: 26, pass: 242, lineStep: factor, pixelStep: factor });
    }
    const t0 = performance.now();
    const bundle = await r.buildBundle({ layers: inputs, name: 'ssh_karin_2', units: 'm', sourcePoints: 2 * lines * 240, factor, source: 'synthetic' }, { variable: { name: 'ssh_karin_2', units: 'm' }, title: 'synthetic 250 m pass' });
    out.push({ name: `one 250 m Unsmoothed pass (2 x 78 880 x 240 = 37.9 M points, level of detail 1/${factor})`, sourcePoints: 2 * lines * 240, kernelMs: performance.now() - t0, reduceMs, bundle });
  }
  return out.map(c => {
    const payload = c.bundle['application/vnd.swot.swath+json'];
    return { ...c, text: JSON.stringify(c.bundle), pngBytes: c.bundle['image/png'].length, ...r.payloadBytes(payload), points: payload.points };
  });
}

async function browserTimings(dir, cases) {
  const { chromium } = require('@playwright/test');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const results = cases.map(() => ({ cold: [], coldInteractive: [], warm: [], warmInteractive: [], zoom: [], detail: [] }));
  try {
    for (let rep = 0; rep < REPEAT; rep++) {
      for (const [k, c] of cases.entries()) {
        const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
        const page = await context.newPage();
        await page.route('http://swot.bench/**', route => {
          const file = join(dir, 'page', new URL(route.request().url()).pathname.slice(1) || 'index.html');
          const type = file.endsWith('.html') ? 'text/html' : 'text/javascript';
          return route.fulfill({ body: readFileSync(file), contentType: type });
        });
        await page.goto('http://swot.bench/index.html');
        await page.waitForFunction(() => window.swotBench !== undefined);
        // Cold: plotly is loaded inside the timed region (the first swath of a session).
        const cold = await page.evaluate(text => window.swotBench.render(text), c.text);
        const warm = await page.evaluate(text => window.swotBench.render(text), c.text);
        results[k].cold.push(cold.firstMs);
        results[k].coldInteractive.push(cold.interactiveMs);
        results[k].warm.push(warm.firstMs);
        results[k].warmInteractive.push(warm.interactiveMs);
        results[k].detail.push(warm);
        // Zoom: one wheel step over the middle of the map, until the next frame is drawn.
        const box = await page.locator('.jp-swot-swath-plot .nsewdrag').first().boundingBox();
        const before = await page.evaluate(() => window.swotBench.frames());
        const t0 = Date.now();
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.wheel(0, -400);
        await page.waitForFunction(n => window.swotBench.frames() > n, before, { timeout: 10000 });
        results[k].zoom.push(Date.now() - t0);
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return results.map(r => ({
    coldMs: median(r.cold),
    coldInteractiveMs: median(r.coldInteractive),
    warmMs: median(r.warm),
    warmInteractiveMs: median(r.warmInteractive),
    zoomMs: median(r.zoom),
    all: r,
    detail: r.detail[0]
  }));
}

/** JavaScript of jupyterlab-swot fetched while JupyterLab starts, from a real server. */
async function initialJavaScript() {
  const jupyter = join(process.env.SWOT_VENV ?? join(ROOT, '.venv'), 'bin', 'jupyter');
  const staticDir = join(ROOT, 'jupyterlab_swot', 'labextension', 'static');
  if (!existsSync(jupyter) || !existsSync(staticDir)) {
    return undefined;
  }
  const all = readdirSync(staticDir).filter(f => f.endsWith('.js'));
  const size = f => statSync(join(staticDir, f)).size;
  // The lazy chunks: the large files that hold plotly.js and h5wasm.
  const holding = word => all.filter(f => size(f) > 1e6 && readFileSync(join(staticDir, f), 'utf8').includes(word)).sort((a, b) => size(b) - size(a))[0];
  const plotlyChunk = holding('plotly.js');
  const h5wasmChunk = holding('h5wasm');
  const root = mkdtempSync(join(tmpdir(), 'swot-bench-lab-'));
  const port = 8950 + Math.floor(Math.random() * 40);
  const server = spawn(jupyter, ['lab', '--no-browser', `--port=${port}`, '--ServerApp.token=', '--ServerApp.password=', '--ServerApp.allow_root=True', `--ServerApp.root_dir=${root}`, '--LabApp.news_url=None'], { stdio: 'ignore' });
  const { chromium } = require('@playwright/test');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    for (let i = 0; i < 120; i++) {
      try {
        if ((await fetch(`http://localhost:${port}/api`)).ok) break;
      } catch {
        // not up yet
      }
      await new Promise(r => setTimeout(r, 500));
    }
    const page = await browser.newPage();
    const fetched = new Set();
    page.on('response', response => {
      const url = new URL(response.url());
      const m = url.pathname.match(/\/lab\/extensions\/jupyterlab-swot\/static\/([^/]+\.js)$/);
      if (m) fetched.add(m[1]);
    });
    await page.goto(`http://localhost:${port}/lab`);
    await page.waitForSelector('#jp-main-dock-panel', { timeout: 120000 });
    await page.waitForTimeout(3000);
    const files = [...fetched];
    const bytes = files.reduce((n, f) => n + size(f), 0);
    const gz = files.reduce((n, f) => n + deflateSync(readFileSync(join(staticDir, f)), { level: 9 }).length, 0);
    return {
      files: files.length,
      names: files.sort(),
      bytes,
      gzipBytes: gz,
      plotlyLoaded: plotlyChunk ? fetched.has(plotlyChunk) : undefined,
      plotlyBytes: plotlyChunk ? size(plotlyChunk) : undefined,
      h5wasmLoaded: h5wasmChunk ? fetched.has(h5wasmChunk) : undefined,
      h5wasmBytes: h5wasmChunk ? size(h5wasmChunk) : undefined,
      totalBytes: all.reduce((n, f) => n + size(f), 0)
    };
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    rmSync(root, { recursive: true, force: true });
  }
}

export async function measure() {
  // Under build/ (not /tmp): the Node bundle loads resvg and its font from this clone's node_modules.
  mkdirSync(join(ROOT, 'build'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, 'build', 'bench-render-'));
  try {
    const r = await bundles(dir);
    const cases = await payloads(r);
    const timings = await browserTimings(dir, cases);
    const initial = process.env.BENCH_RENDER_SKIP_LAB ? undefined : await initialJavaScript();
    return {
      repeat: REPEAT,
      chromium: execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim(),
      cases: cases.map((c, k) => ({ name: c.name, points: c.points, sourcePoints: c.sourcePoints, bytes: c.bytes, perPoint: c.perPoint, jsonBytes: c.text.length, pngBytes: c.pngBytes, kernelMs: c.kernelMs, reduceMs: c.reduceMs, ...timings[k] })),
      initial
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const s = ms => `${(ms / 1000).toFixed(2)} s`;
const mb = b => `${(b / 1e6).toFixed(2)} MB`;

export function toMarkdown(m) {
  const lines = [
    '## Swath renderer: output arrival to first drawn frame (issue 5)',
    '',
    `Headless ${m.chromium} through Playwright (\`--disable-gpu\`: software rendering, 2 cores), a 1000 px wide output, median of ${m.repeat} runs. Timed from the output's JSON text in the page, through the MIME renderer as JupyterLab calls it: *first frame* = the first frame on screen (the kernel's static PNG while plotly.js loads, else the interactive map); *interactive* = the plotly map drawn (JSON.parse, base64 + inflate, dequantise, rasterise, paint, PNG encode, plotly newPlot, two animation frames). *Cold*: first swath of a session (plotly.js loaded inside the timed region); *warm*: any later output. *Zoom*: one scroll-wheel step until the re-rasterised frame is drawn. Synthetic passes on the SWOT orbit geometry, bundles as \`show()\` builds them (\`maxPoints\` 2 000 000, int16 + deflate, PNG included).`,
    '',
    '| case | points sent | output size (JSON + PNG) | payload bytes / point | kernel: build bundle | cold: first frame / interactive | warm: first frame / interactive | zoom re-raster |',
    '|---|---|---|---|---|---|---|---|'
  ];
  for (const c of m.cases) {
    const kernel = `${s(c.kernelMs)}${c.reduceMs ? ` (+ ${s(c.reduceMs)} level-of-detail reduce)` : ''}`;
    lines.push(`| ${c.name} | ${c.points.toLocaleString('en')} | ${mb(c.jsonBytes)} (PNG ${mb(c.pngBytes)}) | ${c.perPoint.toFixed(2)} | ${kernel} | ${s(c.coldMs)} / ${s(c.coldInteractiveMs)} | ${s(c.warmMs)} / ${s(c.warmInteractiveMs)} | ${s(c.zoomMs)} |`);
  }
  const d = m.cases[0].detail;
  lines.push('', `Breakdown of the warm 2 km pass, interactive frame: rasterise + paint ${d.rasterMs.toFixed(0)} ms, PNG encode ${d.encodeMs.toFixed(0)} ms, plotly newPlot to painted frame ${d.plotMs.toFixed(0)} ms (${d.totalMs.toFixed(0)} ms in the view; the rest is JSON.parse and payload decoding). Targets: 2 km pass under 1 s, 250 m pass under 3 s.`);
  if (m.initial) {
    const i = m.initial;
    lines.push('', `Initial JavaScript of jupyterlab-swot at JupyterLab start-up (its files fetched from a real server until the main area is up, both plugins and the MIME renderer): ${i.files} files, ${mb(i.bytes)} (${mb(i.gzipBytes)} deflated). Fetched at start-up: plotly.js chunk (${mb(i.plotlyBytes ?? 0)}) ${i.plotlyLoaded ? 'YES' : 'no'}, h5wasm chunk (${mb(i.h5wasmBytes ?? 0)}) ${i.h5wasmLoaded ? 'YES' : 'no'}. All of the extension's JavaScript, lazy chunks included: ${mb(i.totalBytes)}.`);
  } else {
    lines.push('', 'Initial JavaScript: not measured (no .venv JupyterLab or no built labextension).');
  }
  return lines.join('\n');
}

/** The markdown section, measured in a fresh process (for bench/run.mjs). */
export function renderSection() {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  return toMarkdown(JSON.parse(out.trim().split('\n').pop()));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const m = await measure();
  console.log(process.argv.includes('--json') ? JSON.stringify(m) : toMarkdown(m));
}
