/**
 * Downloads from the sidebar: "Download…" on the PO.DAAC location of L2_LR_SSH Basic, against
 * the PO.DAAC mirror that playwright.config.js starts on loopback (the sample's cycle 26
 * behind an Earthdata token, served at about 2 MB/s per file). The Jupyter server runs
 * `swot download` as a job; the Downloads section shows its bytes while they move, the
 * job is still there after a reload, and Show files lists the downloaded files in the
 * file browser, each as large as the mirror's file.
 */
import { expect, test } from '@jupyterlab/galata';
import * as fs from 'fs';
import * as path from 'path';

const SCREENSHOTS = path.join(__dirname, '..', 'screenshots');
const MIRRORED = process.env.SWOT_UI_MIRRORED!;

test.describe('SWOT downloads', () => {
  test.skip(!MIRRORED || !fs.existsSync(MIRRORED), `sample data missing (${MIRRORED}): run tools/generate_sample_data.py`);

  test('a download started from the sidebar shows progress and ends with the files in the browser', async ({ page, tmpPath }) => {
    const names = fs.readdirSync(MIRRORED).filter(n => n.endsWith('.nc')).sort();
    expect(names.length).toBeGreaterThan(1);
    const out = `${tmpPath}/podaac-basic`;

    await page.evaluate(async () => {
      await (window as any).jupyterapp.commands.execute('swot:show-product', { id: 'L2_LR_SSH_Basic' });
    });
    const panel = page.locator('#jupyterlab-swot-sidebar');
    const location = panel.locator('.jp-swot-location[data-location-id="podaac"]');
    await expect(location).toContainText('SWOT_L2_LR_SSH_BASIC_2.0');
    await location.locator('.jp-swot-locationDownload').click();

    // The dialog comes filled from the location; the user narrows it to cycle 26 and a folder.
    const dialog = page.locator('.jp-Dialog');
    await expect(dialog.locator('.jp-swot-downloadField-provider')).toHaveValue('podaac');
    await expect(dialog.locator('.jp-swot-downloadField-collection')).toHaveValue('SWOT_L2_LR_SSH_BASIC_2.0');
    await dialog.locator('.jp-swot-downloadField-cycles').fill('26');
    await dialog.locator('.jp-swot-downloadField-out').fill(out);
    await dialog.locator('.jp-Dialog-button.jp-mod-accept').click();
    await expect(dialog).toHaveCount(0);

    const row = page.locator('#jupyterlab-swot-downloads .jp-swot-download').first();
    await expect(row).toBeVisible();
    await expect(row.locator('.jp-swot-downloadOut')).toHaveText(out);
    // Mid-transfer: the bar between 0 and 100 %, bytes and a speed, the files in transfer listed.
    const bar = row.locator('.jp-swot-downloadBar');
    await expect
      .poll(async () => Number((await bar.getAttribute('aria-valuenow')) ?? -1), { timeout: 30000, intervals: [100] })
      .toBeGreaterThan(0);
    await expect(row).toHaveAttribute('data-state', 'running');
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeLessThan(100);
    await expect(row.locator('.jp-swot-downloadStats')).toContainText(/MB of .*MB · .*\/s/);
    await expect(row.locator('.jp-swot-downloadFile').first()).toContainText(/^\d+% of [\d.]+ MB · SWOT_L2_LR_SSH_Basic_026_/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'downloads-in-progress.png') });

    await expect(row).toHaveAttribute('data-state', 'done', { timeout: 60000 });
    await expect(bar).toHaveAttribute('aria-valuenow', '100');
    await expect(row.locator('.jp-swot-downloadCounts')).toContainText(`${names.length} done · 0 skipped · 0 failed · 0 remaining`);
    await expect(row.locator('.jp-swot-downloadError')).toHaveCount(0);

    // The job lives in the server: still listed, done, after a reload.
    await page.reload();
    await page.evaluate(async () => {
      await (window as any).jupyterapp.commands.execute('swot:show-downloads');
    });
    const again = page.locator('#jupyterlab-swot-downloads .jp-swot-download', { hasText: out });
    await expect(again).toHaveAttribute('data-state', 'done');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'downloads-done.png') });

    // Show files: the file browser in the out folder, listing each downloaded file.
    await again.locator('.jp-swot-downloadShow').click();
    const listing = page.locator('.jp-DirListing-content .jp-DirListing-itemName');
    await expect(listing).toHaveText(names, { timeout: 20000 });
    for (const name of names) {
      const downloaded = path.join(process.env.SWOT_UI_ROOT!, out, name);
      expect(fs.statSync(downloaded).size).toBe(fs.statSync(path.join(MIRRORED, name)).size);
    }
    expect(fs.readdirSync(path.join(process.env.SWOT_UI_ROOT!, out)).filter(n => n.endsWith('.part'))).toEqual([]);
  });
});
