import { expect, test } from '@jupyterlab/galata';
import * as path from 'path';

const SCREENSHOTS = path.join(__dirname, '..', 'screenshots');

const PRODUCTS = [
  'L1B_LR_INTF',
  'L2_LR_SSH Basic',
  'L2_LR_SSH WindWave',
  'L2_LR_SSH Expert',
  'L2_LR_SSH Unsmoothed',
  'L3 KaRIn',
  'L4 KaRIn'
];

test.describe('SWOT sidebar', () => {
  test('lists the seven CNES products and shows one product in detail', async ({ page }) => {
    const tab = page.locator('.jp-SideBar .lm-TabBar-tab[data-id="jupyterlab-swot-sidebar"]');
    await expect(tab).toBeVisible();
    await tab.click();

    const panel = page.locator('#jupyterlab-swot-sidebar');
    await expect(panel).toBeVisible();
    const rows = panel.locator('.jp-swot-product');
    // The seven CNES products (the sample dataset is one of their locations, not a product).
    await expect(rows).toHaveCount(7);
    for (const [i, name] of PRODUCTS.entries()) {
      await expect(rows.nth(i).locator('.jp-swot-productName')).toContainText(name);
    }
    await expect(rows.nth(3)).toContainText('3 GB/day · 1 TB/year');
    await expect(rows.nth(0)).toContainText('HPC CNES (on demand)');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'sidebar-catalog.png') });

    // Filter, then open the details of L3 KaRIn.
    await panel.locator('.jp-swot-search').fill('zcollection hpc');
    await expect(rows).toHaveCount(1);
    await rows.first().click();
    const details = panel.locator('.jp-swot-details');
    await expect(details.locator('.jp-swot-detailsName')).toHaveText('L3 KaRIn');
    await expect(details).toContainText('200 MB');
    await expect(details).toContainText('73 GB');
    await expect(details).toContainText('ssha_filtered');
    await expect(details).toContainText('/work/HELPDESK_SWOTLR/commun/data/swot/L3_LR_SSH/zcollections/V3.0_CALVAL');
    // The sample dataset of this server (c.Swot.sample_data) is a location that can be browsed.
    await expect(details.locator('.jp-swot-location[data-location-id="sample-netcdf"] .jp-swot-browse')).toBeVisible();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'sidebar-product-details.png') });

    // Back to the (still filtered) list.
    await details.locator('.jp-swot-back').click();
    await expect(panel.locator('.jp-swot-details')).toBeHidden();
    await panel.locator('.jp-swot-search').fill('HPC CNES');
    await expect(rows).toHaveCount(7);
  });

  test('the command palette opens a product by id', async ({ page }) => {
    await page.evaluate(async () => {
      await (window as any).jupyterapp.commands.execute('swot:show-product', { id: 'L2_LR_SSH_Unsmoothed' });
    });
    const details = page.locator('#jupyterlab-swot-sidebar .jp-swot-details');
    await expect(details.locator('.jp-swot-detailsName')).toHaveText('L2_LR_SSH Unsmoothed');
    await expect(details).toContainText('~250 m native');
  });
});
