/**
 * Zoom to native resolution, timed (issue 12): in JupyterLab with the real
 * tslab kernel, show() of the sample 250 m Unsmoothed pass reduced by 6 x 6
 * block means, then zooms at once into a 20 x 20 km box, then into others at different places of the
 * pass (each a new window: nothing read before) and one 100 x 100 km box. The
 * display's own clock (data-native-ms) runs from plotly's zoom event to the
 * refined frame on screen (the reduced re-draw, the read of the native points
 * through /swot/files/ in the netCDF Web Worker, the native frame). Figures go
 * to SWOT_BENCH_OUT as JSON; bench/zoom.mjs writes them into BENCHMARKS.md.
 */
import { expect, test } from '@jupyterlab/galata';
import * as fs from 'fs';
import * as path from 'path';
import { showInNotebook, truth, zoomBox } from '../ui-tests/tests/helpers/swath-plot';

const ROOT = path.resolve(__dirname, '..');
const UNSMOOTHED = path.join(ROOT, 'data', 'sample', 'netcdf', 'L2_LR_SSH', 'Unsmoothed', 'cycle_026');
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);

test.use({ viewport: { width: 1400, height: 1100 } });

test('zoom to native frame, 250 m pass', async ({ page, tmpPath }) => {
  const name = fs.readdirSync(UNSMOOTHED).find(f => f.endsWith('.nc'));
  expect(name, `no 250 m sample pass in ${UNSMOOTHED}: run tools/generate_sample_data.py`).toBeTruthy();
  const file = path.join(UNSMOOTHED, name!);
  const widget = await showInNotebook(page, tmpPath, 'zoom.ipynb', file, 'ssh_karin_2', 20000);
  await expect(widget).toHaveAttribute('data-native', 'reduced');

  const plot = widget.locator('.jp-swot-swath-plot');
  const nativeFrames = async () => Number((await widget.getAttribute('data-native-frames')) ?? 0);
  const zoomInto = async (lon: number, lat: number, km: number) => {
    const before = await nativeFrames();
    const dLat = km / 2 / 111.2;
    const dLon = dLat / Math.cos((lat * Math.PI) / 180);
    await zoomBox(page, lon - dLon, lat + dLat, lon + dLon, lat - dLat);
    await expect.poll(nativeFrames, { timeout: 30000 }).toBeGreaterThan(before);
    const ms = Number(await widget.getAttribute('data-native-ms'));
    const note = (await widget.locator('.jp-swot-swath-note').textContent()) ?? '';
    // Back to the whole pass (plotly's double-click reset), the reduced points again.
    const box = await plot.boundingBox();
    await page.mouse.dblclick(box!.x + box!.width / 2, box!.y + box!.height / 2);
    await expect(widget).toHaveAttribute('data-native', 'reduced', { timeout: 10000 });
    return { ms, note };
  };

  // Centres of the boxes: native points of the left side, spread along the pass.
  const at = (line: number, pixel: number) => {
    const t = truth(file, 'left', line, line + 1, pixel, pixel + 1);
    return { lon: t.lon[0][0], lat: t.lat[0][0] };
  };
  // At once after the display is drawn (the file is still being opened then), at the middle of the left side.
  const c0 = at(600, 120);
  const first = (await zoomInto(c0.lon, c0.lat, 20)).ms;
  const small: number[] = [];
  const notes: string[] = [];
  for (let k = 0; k < REPEAT; k++) {
    const c = at(150 + Math.round((k * 900) / Math.max(1, REPEAT - 1)), 120);
    const r = await zoomInto(c.lon, c.lat, 20);
    small.push(r.ms);
    notes.push(r.note);
  }
  // 100 x 100 km around the middle of the pass (both sides of the nadir gap).
  const t = truth(file, 'left', 600, 601, 239, 240);
  const large = await zoomInto(t.lon[0][0] + 0.05, t.lat[0][0], 100);
  const out = { first, small, smallNotes: notes, large: large.ms, largeNote: large.note, file: path.relative(ROOT, file) };
  console.log(JSON.stringify(out));
  if (process.env.SWOT_BENCH_OUT) {
    fs.writeFileSync(process.env.SWOT_BENCH_OUT, JSON.stringify(out));
  }
});
