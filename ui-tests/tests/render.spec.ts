/**
 * The swath renderer in a real tslab notebook: show() on a sample L3 pass
 * draws the interactive map (colour bar, coastlines), hovering gives the
 * value of the pixel, zooming redraws the map from the data.
 */
import { expect, test } from '@jupyterlab/galata';
import * as fs from 'fs';
import * as path from 'path';
import { notebook, toPage, zoomBox } from './helpers/swath-plot';

const ROOT = path.resolve(__dirname, '..', '..');
const SCREENSHOTS = path.join(__dirname, '..', 'screenshots');
const SAMPLE = path.join(ROOT, 'data', 'sample');
const L3_DIR = path.join(SAMPLE, 'netcdf', 'L3_LR_SSH', 'v2_0_1', 'Expert', 'cycle_026');

/** The Agulhas ring of the sample data: on pass 70, right side of the swath. */
function eddy(): { lon: number; lat: number; amplitude_m: number } {
  const manifest = JSON.parse(fs.readFileSync(path.join(SAMPLE, 'manifest.json'), 'utf8'));
  return manifest.truth.eddies.find((e: { name: string }) => e.name === 'cape_basin_agulhas_ring');
}

test.describe('swath renderer', () => {
  // Room for the whole map (a pass spans 140 degrees of latitude) in the notebook.
  test.use({ viewport: { width: 1400, height: 1100 } });
  test.skip(!fs.existsSync(L3_DIR), `sample data missing (${L3_DIR}): run tools/generate_sample_data.py`);

  test('show() draws a pass with colour bar and coastlines; hover gives the value; zoom redraws', async ({ page, tmpPath }) => {
    const file = path.join(L3_DIR, fs.readdirSync(L3_DIR).find(f => f.includes('_070_'))!);
    const dir = path.join(process.env.SWOT_UI_ROOT!, tmpPath);
    fs.mkdirSync(dir, { recursive: true });
    const code = [
      'import * as swot from "jupyterlab-swot/kernel";',
      `const ds = await swot.open(${JSON.stringify(file)});`,
      'await swot.show(ds, "ssha_filtered", { clim: [-0.3, 0.3] });'
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'render.ipynb'), notebook(code));

    await page.notebook.openByPath(`${tmpPath}/render.ipynb`);
    await page.notebook.run();

    const widget = page.locator('.jp-OutputArea-output .jp-swot-swath');
    await expect(widget).toHaveAttribute('data-state', 'drawn', { timeout: 60000 });
    // Colour bar with its units, coastlines drawn into the map.
    const colorbar = widget.locator('.colorbar');
    await expect(colorbar).toBeVisible();
    await expect(colorbar).toContainText('m');
    expect(Number(await widget.getAttribute('data-coastline-points'))).toBeGreaterThan(1000);
    await expect(widget.locator('.jp-swot-swath-title')).toContainText('ssha_filtered');
    await expect(widget.locator('g.xtick text').first()).toContainText('°');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'render-pass.png') });

    // Zoom: drag a box of +-5 degrees around the eddy; the map is redrawn for the new view.
    const e = eddy();
    const before = await page.evaluate(() => (document.querySelector('.jp-swot-swath-plot') as any)._fullLayout.xaxis.range.slice());
    const frames = Number(await widget.getAttribute('data-frames'));
    await zoomBox(page, e.lon - 5, e.lat + 5, e.lon + 5, e.lat - 5);
    await expect.poll(async () => Number(await widget.getAttribute('data-frames'))).toBeGreaterThan(frames);
    const after = await page.evaluate(() => (document.querySelector('.jp-swot-swath-plot') as any)._fullLayout.xaxis.range.slice());
    expect(after[1] - after[0]).toBeLessThan((before[1] - before[0]) / 4);

    // Hover over the eddy's centre: the readout gives the real value, units, line, pixel, cycle and pass.
    const c = await toPage(page, e.lon, e.lat);
    await page.mouse.move(c.x, c.y);
    const tooltip = widget.locator('.jp-swot-swath-tooltip');
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toContainText('ssha_filtered = ');
    await expect(tooltip).toContainText(' m');
    await expect(tooltip).toContainText('cycle 26, pass 70');
    await expect(tooltip).toContainText(/line \d+, pixel \d+/);
    const value = Number(/ssha_filtered = (-?[\d.e-]+)/.exec((await tooltip.textContent()) ?? '')![1]);
    expect(value).toBeGreaterThan(e.amplitude_m * 0.6);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'render-zoom-hover.png') });

    // Double-click resets the view.
    await page.mouse.dblclick(c.x, c.y);
    await expect
      .poll(async () => page.evaluate(() => (document.querySelector('.jp-swot-swath-plot') as any)._fullLayout.xaxis.range[1] - (document.querySelector('.jp-swot-swath-plot') as any)._fullLayout.xaxis.range[0]))
      .toBeCloseTo(before[1] - before[0], 3);
  });
});
