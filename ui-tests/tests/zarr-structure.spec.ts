import { expect, test } from '@jupyterlab/galata';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const SCREENSHOTS = path.join(__dirname, '..', 'screenshots');
const L4 = path.resolve(ROOT, '..', 'shared', 'data', 'real', 'l4_duacs', 'dt_global_allsat_phy_l4_20190101_20190515.nc');
const HOSTILE = '<img src=x onerror="window.__swotXss = 1">';

/** A small Zarr store written by our CLI, with a hostile attribute to prove text stays text. */
function makeStore(dir: string): string {
  const store = path.join(dir, 'pacific.zarr');
  execFileSync('node', [path.join(ROOT, 'dist', 'cli.cjs'), 'read', L4, '--var', 'adt', '--bbox', '170,-10,-170,10', '--out', store]);
  for (const name of ['.zattrs', '.zmetadata']) {
    const file = path.join(store, name);
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    const attrs = name === '.zattrs' ? doc : doc.metadata['.zattrs'];
    attrs.comment = HOSTILE;
    fs.writeFileSync(file, JSON.stringify(doc));
  }
  return store;
}

test('a Zarr store is read from the server and its structure shown, attribute text kept as text', async ({ page, tmpPath }) => {
  // Written where the server serves files from, as a user's store would be.
  makeStore(path.join(process.env.SWOT_UI_ROOT!, tmpPath));
  await page.filebrowser.openDirectory(tmpPath);
  const item = page.locator('.jp-DirListing-item[data-isdir="true"]', { hasText: 'pacific.zarr' });
  await item.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Show SWOT Dataset Structure' }).click();

  const view = page.locator('.jp-swot-structure');
  await expect(view).toBeVisible();
  await expect(view.locator('.jp-swot-dims')).toContainText('latitude80');
  await expect(view.locator('.jp-swot-dims')).toContainText('longitude80');
  await expect(view.locator('.jp-swot-variables-table')).toContainText('adt');
  await expect(view.locator('.jp-swot-variables-table')).toContainText('time, latitude, longitude');
  // The extent comes from latitude/longitude chunks read over /files/.
  await expect(view).toContainText('lat -9.875 .. 9.875');
  await expect(view).toContainText('lon 170.125 .. 189.875');
  // The hostile attribute is shown literally, and its script never ran.
  await expect(view.locator('.jp-swot-attrs')).toContainText(HOSTILE);
  expect(await view.locator('.jp-swot-attrs img').count()).toBe(0);
  expect(await page.evaluate(() => (window as any).__swotXss)).toBeUndefined();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'zarr-structure.png') });
});
