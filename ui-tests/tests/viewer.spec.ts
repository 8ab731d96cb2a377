/**
 * The SWOT viewer: opening a .nc file from the file browser (read in the
 * browser with h5wasm, no kernel) shows its variables, dimensions and
 * attributes and draws the selected variable; a hostile attribute is shown
 * as literal text and no script runs. A Zarr store opens from the context menu.
 */
import { expect, test } from '@jupyterlab/galata';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const SCREENSHOTS = path.join(__dirname, '..', 'screenshots');
const L3_DIR = path.join(ROOT, 'data', 'sample', 'netcdf', 'L3_LR_SSH', 'v2_0_1', 'Expert', 'cycle_026');
const HOSTILE = '<img src=x onerror=alert(1)>';

/** A region of a sample pass saved by the kernel library, with hostile text in its attributes. */
function writeSubset(out: string): void {
  const source = path.join(L3_DIR, fs.readdirSync(L3_DIR).find(f => f.includes('_070_'))!);
  const script = `
    const swot = require(${JSON.stringify(path.join(ROOT, 'dist', 'kernel.cjs'))});
    (async () => {
      const ds = await swot.open(${JSON.stringify(source)});
      const sel = await ds.select({ variables: ['ssha_filtered', 'sigma0', 'quality_flag'], bbox: [10, -42, 18, -34] });
      sel.attrs.comment = ${JSON.stringify(HOSTILE)};
      sel.get('ssha_filtered').attrs.long_name = ${JSON.stringify(`SSHA ${HOSTILE}`)};
      await swot.save(sel, ${JSON.stringify(out)});
    })().catch(e => { console.error(e); process.exit(1); });`;
  execFileSync('node', ['-e', script], { cwd: ROOT });
}

test.describe('SWOT viewer', () => {
  test.skip(!fs.existsSync(L3_DIR), `sample data missing (${L3_DIR}): run tools/generate_sample_data.py`);

  test('a netCDF file opens in the viewer: structure, map, hostile attribute kept as text', async ({ page, tmpPath }) => {
    const dir = path.join(process.env.SWOT_UI_ROOT!, tmpPath);
    fs.mkdirSync(dir, { recursive: true });
    writeSubset(path.join(dir, 'agulhas.nc'));
    const dialogs: string[] = [];
    page.on('dialog', dialog => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    await page.filebrowser.openDirectory(tmpPath);
    await page.locator('.jp-DirListing-item', { hasText: 'agulhas.nc' }).dblclick();
    const viewer = page.locator('.jp-swot-viewer');
    await expect(viewer).toBeVisible();
    await expect(viewer.locator('.jp-swot-viewer-variable')).toHaveValue('ssha_filtered', { timeout: 60000 });
    await expect(viewer.locator('.jp-swot-viewer-variable option')).toHaveCount(3); // ssha_filtered, sigma0, quality_flag
    const map = viewer.locator('.jp-swot-swath');
    await expect(map).toHaveAttribute('data-state', 'drawn', { timeout: 60000 });
    await expect(map.locator('.colorbar')).toBeVisible();
    await expect(viewer.locator('.jp-swot-dims')).toContainText('num_pixels69');
    await expect(viewer.locator('.jp-swot-variables-table')).toContainText('ssha_filtered');

    // Hostile text is shown literally (attributes table, variable long name, map title) and never runs.
    await expect(viewer.locator('.jp-swot-attrs')).toContainText(HOSTILE);
    await expect(viewer.locator('.jp-swot-variables-table')).toContainText(`SSHA ${HOSTILE}`);
    await expect(map.locator('.jp-swot-swath-title')).toContainText(HOSTILE);
    expect(await viewer.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'viewer-netcdf.png') });

    // Another variable.
    await viewer.locator('.jp-swot-viewer-variable').selectOption('sigma0');
    await expect(map.locator('.jp-swot-swath-title')).toContainText('sigma0', { timeout: 30000 });
  });

  test('a Zarr store opens in the viewer from the context menu', async ({ page, tmpPath }) => {
    const dir = path.join(process.env.SWOT_UI_ROOT!, tmpPath);
    fs.mkdirSync(dir, { recursive: true });
    writeSubset(path.join(dir, 'agulhas.zarr'));
    await page.filebrowser.openDirectory(tmpPath);
    await page.locator('.jp-DirListing-item[data-isdir="true"]', { hasText: 'agulhas.zarr' }).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Open in SWOT Viewer' }).click();
    const viewer = page.locator('.jp-swot-viewer');
    await expect(viewer.locator('.jp-swot-swath')).toHaveAttribute('data-state', 'drawn', { timeout: 60000 });
    await expect(viewer.locator('.jp-swot-attrs')).toContainText(HOSTILE);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'viewer-zarr.png') });
  });
});
