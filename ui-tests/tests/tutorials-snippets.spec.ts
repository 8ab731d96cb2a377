/**
 * Tutorials in one click and snippets, as a new user meets them: the
 * launcher's SWOT section; a tutorial card opens a fresh copy with the
 * TypeScript kernel, a second click a second copy and the first (edited here)
 * stays as it was; a snippet inserted from the Snippets menu and from the
 * sidebar section, and run by the kernel; a Python snippet refused in a
 * TypeScript notebook.
 */
import { expect, IJupyterLabPageFixture, test } from '@jupyterlab/galata';
import * as fs from 'fs';
import * as path from 'path';

const SCREENSHOTS = path.join(__dirname, '..', 'screenshots');
const serverRoot = () => process.env.SWOT_UI_ROOT!;
const tutorialsDir = () => path.join(serverRoot(), 'swot-tutorials');

async function openSidebar(page: IJupyterLabPageFixture) {
  await page.locator('.jp-SideBar .lm-TabBar-tab[data-id="jupyterlab-swot-sidebar"]').click();
  const panel = page.locator('#jupyterlab-swot-sidebar');
  await expect(panel).toBeVisible();
  return panel;
}

test.describe('SWOT tutorials and snippets', () => {
  test('the launcher has a SWOT section; a card opens a fresh copy with its kernel, never overwriting', async ({ page }) => {
    test.setTimeout(180000);
    fs.rmSync(tutorialsDir(), { recursive: true, force: true });
    // The launcher galata opens with the page.
    const section = page.locator('.jp-Launcher:visible .jp-Launcher-section', { has: page.locator('.jp-Launcher-sectionTitle', { hasText: /^SWOT$/ }) });
    await expect(section).toBeVisible({ timeout: 30000 });
    const cards = section.locator('.jp-LauncherCard');
    await expect(cards).toHaveCount(4);
    await expect(cards.first()).toContainText('Open a SWOT product');
    await expect(cards.first().locator('svg')).toHaveCount(1);
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'launcher-swot-tutorials.png') });

    await cards.first().click();
    const tab = page.locator('.jp-NotebookPanel');
    await expect(tab).toBeVisible({ timeout: 30000 });
    await expect(page.locator('.jp-NotebookPanel-toolbar')).toContainText('TypeScript', { timeout: 60000 });
    const first = path.join(tutorialsDir(), '01-open-a-product.ipynb');
    expect(fs.existsSync(first)).toBe(true);
    // The user edits the copy and saves it.
    await page.notebook.setCell(0, 'markdown', '# My notes on SWOT');
    await page.notebook.save();
    await expect.poll(() => fs.readFileSync(first, 'utf8').includes('My notes on SWOT')).toBe(true);
    const edited = fs.readFileSync(first, 'utf8');

    // A second click, from the sidebar's Tutorials section this time: a second file; the first unchanged.
    await page.activity.closeAll();
    const panel = await openSidebar(page);
    await panel.locator('.jp-swot-tutorial[data-tutorial-id="01-open-a-product"]').click();
    await expect(page.locator('.jp-NotebookPanel')).toBeVisible({ timeout: 30000 });
    const second = path.join(tutorialsDir(), '01-open-a-product-1.ipynb');
    await expect.poll(() => fs.existsSync(second)).toBe(true);
    expect(fs.readFileSync(first, 'utf8')).toBe(edited);
    await expect(page.locator('.lm-TabBar-tab.jp-mod-current')).toContainText('01-open-a-product-1.ipynb');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'tutorial-opened.png') });
  });

  test('snippets: from the menu and from the sidebar into a TypeScript notebook, run; a Python one refused there', async ({ page }) => {
    test.setTimeout(240000);
    await page.notebook.createNew('snippets-ts.ipynb', { kernel: 'tslab' });
    await expect(page.locator('.jp-NotebookPanel-toolbar')).toContainText('TypeScript', { timeout: 60000 });

    // From the Snippets menu: TypeScript > Open SWOT data.
    await page.menu.open('Snippets');
    await page.locator('.lm-Menu-item', { hasText: 'TypeScript' }).first().hover();
    await page.locator('.lm-Menu-item', { hasText: 'Open SWOT data (TypeScript)' }).click();
    await expect(page.locator('.jp-NotebookPanel .jp-Cell')).toHaveCount(2);
    await expect(page.locator('.jp-NotebookPanel .jp-Cell').nth(1)).toContainText('swot.open(');
    await page.notebook.runCell(1);
    const opened = (await page.notebook.getCellTextOutput(1))?.join('') ?? '';
    expect(opened).toContain('num_lines');
    expect(await page.locator('.jp-NotebookPanel .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').count()).toBe(0);

    // From the sidebar section: search, preview, insert.
    const panel = await openSidebar(page);
    const snippets = panel.locator('.jp-swot-snippets');
    await snippets.locator('.jp-swot-snippets-search').fill('vorticity');
    const ts = snippets.locator('.jp-swot-snippet[data-snippet-key="typescript/diagnostics"]');
    await expect(ts).toBeVisible();
    await ts.click();
    await expect(snippets.locator('.jp-swot-snippet-code')).toContainText('swot.');
    // Below the active cell: select the cell of the first snippet first.
    await page.notebook.selectCells(1);
    const cells = await page.locator('.jp-NotebookPanel .jp-Cell').count();
    await snippets.locator('.jp-swot-snippet-insert').click();
    await expect(snippets.locator('.jp-swot-snippet-message')).toContainText('Inserted the TypeScript code into');
    await expect(page.locator('.jp-NotebookPanel .jp-Cell')).toHaveCount(cells + 1);
    await expect(page.locator('.jp-NotebookPanel .jp-Cell').nth(2)).toContainText('vorticity');
    await page.notebook.runCell(2);
    const diag = (await page.notebook.getCellTextOutput(2))?.join('') ?? '';
    expect(diag.length).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'snippet-inserted.png') });

    // The Python one is refused in this TypeScript notebook, with the reason; nothing inserted.
    const py = snippets.locator('.jp-swot-snippet[data-snippet-key="python/diagnostics"]');
    await py.click();
    await snippets.locator('.jp-swot-snippet-insert').click();
    await expect(snippets.locator('.jp-swot-snippet-message')).toContainText('Not inserted: this snippet is Python, and the kernel of');
    await expect(snippets.locator('.jp-swot-snippet-message')).toHaveClass(/jp-mod-error/);
    await expect(page.locator('.jp-NotebookPanel .jp-Cell')).toHaveCount(cells + 1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'snippet-refused.png') });
  });
});
