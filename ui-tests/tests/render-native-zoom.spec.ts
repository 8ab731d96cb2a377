/**
 * Zoom to native resolution (issue 12) in a real tslab notebook: show() of
 * the sample 250 m Unsmoothed pass, reduced by block means (maxPoints forces
 * a level of detail), then a zoom into a ~20 x 20 km box: the browser reads
 * the native points of the window itself through /swot/files/ and redraws;
 * the hover gives the file's own values at the native lines and pixels
 * (checked against xarray in the project's .venv). When the server may not
 * read the file, the reduced points stay on screen with a note, never an error.
 */
import { expect, test } from '@jupyterlab/galata';
import * as fs from 'fs';
import * as path from 'path';
import { showInNotebook, toPage, truth, zoomBox } from './helpers/swath-plot';

const ROOT = path.resolve(__dirname, '..', '..');
const SCREENSHOTS = path.join(__dirname, '..', 'screenshots');
const UNSMOOTHED = path.join(ROOT, 'data', 'sample', 'netcdf', 'L2_LR_SSH', 'Unsmoothed', 'cycle_026');

test.describe('zoom to native resolution', () => {
  test.use({ viewport: { width: 1400, height: 1100 } });
  const files = fs.existsSync(UNSMOOTHED) ? fs.readdirSync(UNSMOOTHED).filter(f => f.endsWith('.nc')) : [];
  test.skip(files.length === 0, `sample data missing (${UNSMOOTHED}): run tools/generate_sample_data.py`);

  test('a reduced 250 m pass refines to the native pixels of a zoomed 20 x 20 km window', async ({ page, tmpPath }) => {
    const file = path.join(UNSMOOTHED, files[0]);
    // 2 x 1200 x 240 points; maxPoints 20 000 reduces them by 6 x 6 block means.
    const widget = await showInNotebook(page, tmpPath, 'native-zoom.ipynb', file, 'ssh_karin_2', 20000);
    await expect(widget).toHaveAttribute('data-native', 'reduced');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'render-native-zoom-before.png') });

    // A 20 x 20 km box in the middle of the left side: 80 x 80 native pixels.
    const t = truth(file, 'left', 540, 660, 60, 180);
    const centre = { lat: t.lat[60][60], lon: t.lon[60][60] };
    const dLat = 10 / 111.2;
    const dLon = dLat / Math.cos((centre.lat * Math.PI) / 180);
    const tooltip = widget.locator('.jp-swot-swath-tooltip');
    // Before: the reduced points, block means.
    const c = await toPage(page, centre.lon, centre.lat);
    await page.mouse.move(c.x, c.y);
    await expect(tooltip).toContainText('mean of 6 x 6');

    await zoomBox(page, centre.lon - dLon, centre.lat + dLat, centre.lon + dLon, centre.lat - dLat);
    await expect(widget).toHaveAttribute('data-native', 'drawn', { timeout: 15000 });
    const ms = Number(await widget.getAttribute('data-native-ms'));
    console.log(`zoom to native frame: ${ms} ms`);
    // Timed by bench/zoom.mjs (BENCHMARKS.md), not here: a loaded CI machine is no measure.
    expect(ms).toBeGreaterThan(0);
    await expect(widget.locator('.jp-swot-swath-note')).toContainText('Native resolution');
    await page.mouse.move(10, 10);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'render-native-zoom-after.png') });

    // Hover over native pixel centres: the readout names that line and pixel, with the file's value.
    let checked = 0;
    for (const [i, j] of [[60, 60], [45, 50], [72, 75], [52, 68], [66, 44]]) {
      const want = t.value[i][j];
      if (want === null) continue;
      const p = await toPage(page, t.lon[i][j], t.lat[i][j]);
      await page.mouse.move(p.x, p.y);
      await expect(tooltip).toBeVisible();
      const text = (await tooltip.textContent()) ?? '';
      expect(text).not.toContain('mean of');
      const [, line, pixel] = /line (\d+), pixel (\d+)/.exec(text)!.map(Number);
      expect(text).toContain('(left)');
      expect([line, pixel]).toEqual([t.l0 + i, t.p0 + j]);
      const shown = Number(/ssh_karin_2 = (-?[\d.e+-]+)/.exec(text)![1]);
      expect(Math.abs(shown - want)).toBeLessThanOrEqual(Math.abs(want) * 6e-4);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  test('a file the server may not read: the reduced points stay, with a note naming why', async ({ page, tmpPath }) => {
    // The kernel reads a folder outside the server root and every data root (SWOT_UI_PRIVATE): the browser is refused.
    const outside = fs.mkdtempSync(path.join(process.env.SWOT_UI_PRIVATE!, 'native-'));
    const copy = path.join(outside, files[0]);
    fs.copyFileSync(path.join(UNSMOOTHED, files[0]), copy);
    const widget = await showInNotebook(page, tmpPath, 'outside.ipynb', copy, 'ssh_karin_2', 20000);
    await expect(widget).toHaveAttribute('data-native', 'reduced');

    const frames = Number(await widget.getAttribute('data-frames'));
    const t = truth(path.join(UNSMOOTHED, files[0]), 'left', 600, 601, 120, 121);
    const lat = t.lat[0][0];
    const lon = t.lon[0][0];
    await zoomBox(page, lon - 0.15, lat + 0.1, lon + 0.15, lat - 0.1);
    await expect(widget).toHaveAttribute('data-native', 'unavailable', { timeout: 15000 });
    await expect(widget.locator('.jp-swot-swath-note')).toContainText('Native resolution unavailable');
    await expect(widget.locator('.jp-swot-swath-note')).toContainText(outside);
    await expect(widget).toHaveAttribute('data-state', 'drawn');
    expect(Number(await widget.getAttribute('data-frames'))).toBeGreaterThan(frames);
    await expect(page.locator('.jp-swot-swath-error')).toHaveCount(0);
    // The reduced points are still there to hover.
    const p = await toPage(page, lon, lat);
    await page.mouse.move(p.x, p.y);
    await expect(widget.locator('.jp-swot-swath-tooltip')).toContainText('mean of 6 x 6');
  });
});
