// Zoom-to-native-frame benchmark (issue 12): bench/zoom.spec.ts in JupyterLab (the real
// server from the .venv with the installed extension, the tslab kernel, headless Debian
// Chromium through galata/Playwright, bench/zoom.playwright.config.js): show() of the
// sample 250 m Unsmoothed pass reduced 6 x 6, zooms into 20 x 20 km boxes along the pass
// and one 100 x 100 km box; each figure is the display's time from the zoom event to the
// refined frame on screen, native points read by the browser through the Jupyter server.
//   node bench/zoom.mjs     prints the Markdown section
// Used by bench/run.mjs (`npm run bench`, or `node bench/run.mjs --only zoom`).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const WORK = join(ROOT, 'build', 'bench-zoom');
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
export const SECTION_TITLE = '## Zoom to native resolution: 250 m pass in JupyterLab (issue 12)';

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function zoomSection() {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const out = join(WORK, 'zoom.json');
  execFileSync(join(ROOT, 'node_modules', '.bin', 'playwright'), ['test', '-c', join(ROOT, 'bench', 'zoom.playwright.config.js')], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    // Ports of their own, so that a bench never meets a UI test's server.
    env: { ...process.env, SWOT_BENCH_OUT: out, BENCH_REPEAT: String(REPEAT), SWOT_UI_PORT: process.env.SWOT_BENCH_UI_PORT ?? '8679', SWOT_UI_TEST_DIR: join(WORK, 'jupyter') }
  });
  const r = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(WORK, { recursive: true, force: true });
  const ms = x => `${Math.round(x)} ms`;
  const points = note => /\(([^)]*) points/.exec(note)?.[1] ?? '?';
  return [
    SECTION_TITLE,
    '',
    `\`${r.file}\` (2 sides x 1200 lines x 240 pixels) shown with \`maxPoints: 20000\` (6 x 6 block means), then zoomed in by dragging a box; time from plotly's zoom event to the frame with the native points on screen (re-draw of the reduced points, read of the window's native points by the browser through the Jupyter server in the netCDF Web Worker, native frame). Each 20 km box is a new window (nothing read before); the browser opens the file (Web Worker, h5wasm, metadata) as soon as the first frame is drawn, so the first zoom may wait for that. Viewport 1400 x 1100, 2 cores, no GPU.`,
    '',
    '| zoom | native points read | zoom to native frame |',
    '|---|---|---|',
    `| 20 x 20 km, at once after the display is drawn (the file still opening) | ${points(r.smallNotes[0])} | ${ms(r.first)} |`,
    `| 20 x 20 km, then (median of ${r.small.length} boxes along the pass) | ${points(r.smallNotes[0])} per box | ${ms(median(r.small))} (min ${ms(Math.min(...r.small))}, max ${ms(Math.max(...r.small))}) |`,
    `| 100 x 100 km, across the nadir gap | ${points(r.largeNote)} | ${ms(r.large)} |`,
    '',
    'Target (issue 12): within 1 s of the zoom.'
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(zoomSection());
