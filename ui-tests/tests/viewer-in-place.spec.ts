/**
 * The viewer reads data in place and never writes: a .nc file (double-click)
 * and a .zarr store (context menu) open and draw from a read-only folder in the
 * server root and from a read-only shared archive outside it, reached through a
 * symlink that a declared data root covers (c.Swot.data_roots, see
 * jupyter_server_test_config.py). Every file and folder under the server root
 * and the data root is listed before and after: nothing was created or
 * changed (no checkpoint, no hidden file). The netCDF file is read by byte
 * ranges, never whole. A truncated file shows the kernel's TruncatedFileError
 * text, a corrupt one a CorruptFileError; a store outside every root shows the
 * server's reason.
 */
import { expect, IJupyterLabPageFixture, test } from '@jupyterlab/galata';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const SCREENSHOTS = path.join(__dirname, '..', 'screenshots');
const REAL_L3 = path.resolve(ROOT, '..', 'shared', 'data', 'real', 'l3', 'SWOT_L3_LR_SSH_Expert_026_165_20241229T165806_20241229T174933_v2.0.1.nc');
const SAMPLE = process.env.SWOT_UI_SAMPLE ?? path.join(ROOT, 'data', 'sample');
const SAMPLE_L3_STORE = path.join(SAMPLE, 'zarr', 'L3_LR_SSH_Expert.zarr');
const L3_DIR = path.join(SAMPLE, 'netcdf', 'L3_LR_SSH', 'v2_0_1', 'Expert', 'cycle_026');
const UNSMOOTHED_DIR = path.join(SAMPLE, 'netcdf', 'L2_LR_SSH', 'Unsmoothed', 'cycle_026');

const serverRoot = () => process.env.SWOT_UI_ROOT!;
const dataRoot = () => process.env.SWOT_UI_DATA_ROOT!;
const privateDir = () => process.env.SWOT_UI_PRIVATE!;

/** Every entry under `dir` (symlinks not followed): path, kind, size and modification time. */
function listing(dir: string): string[] {
  const lines: string[] = [];
  const walk = (at: string) => {
    for (const name of fs.readdirSync(at).sort()) {
      const full = path.join(at, name);
      const st = fs.lstatSync(full);
      const kind = st.isSymbolicLink() ? 'link' : st.isDirectory() ? 'dir' : 'file';
      lines.push(`${path.relative(dir, full)} ${kind} ${st.isDirectory() ? '' : st.size} ${st.mtimeMs}`);
      if (kind === 'dir') {
        walk(full);
      }
    }
  };
  walk(dir);
  return lines;
}

/** A Zarr store of a region of a sample pass, written by the kernel library. */
function writeZarrSubset(out: string): void {
  const source = path.join(L3_DIR, fs.readdirSync(L3_DIR).find(f => f.includes('_070_'))!);
  const script = `
    const swot = require(${JSON.stringify(path.join(ROOT, 'dist', 'kernel.cjs'))});
    (async () => {
      const ds = await swot.open(${JSON.stringify(source)});
      const sel = await ds.select({ variables: ['ssha_filtered', 'sigma0'], bbox: [10, -42, 18, -34] });
      await swot.save(sel, ${JSON.stringify(out)});
    })().catch(e => { console.error(e); process.exit(1); });`;
  execFileSync('node', ['-e', script], { cwd: ROOT });
}

/** `dir` and everything in it read-only (r-x for folders, r-- for files). */
function makeReadOnly(dir: string): void {
  for (const entry of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, entry);
    fs.chmodSync(full, fs.statSync(full).isDirectory() ? 0o555 : 0o444);
  }
  fs.chmodSync(dir, 0o555);
}

/** A folder holding the real L3 pass, a Zarr store and a truncated copy of the pass, made read-only. */
function fillFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(REAL_L3, path.join(dir, 'pass.nc'));
  const bytes = fs.readFileSync(REAL_L3);
  fs.writeFileSync(path.join(dir, 'truncated.nc'), bytes.subarray(0, Math.floor(bytes.length / 2)));
  // Full length and a valid superblock, but garbage where the object headers are.
  const corrupt = Buffer.from(bytes);
  corrupt.fill(0x5a, 96);
  fs.writeFileSync(path.join(dir, 'corrupt.nc'), corrupt);
  writeZarrSubset(path.join(dir, 'agulhas.zarr'));
  makeReadOnly(dir);
}

async function closeAll(page: IJupyterLabPageFixture): Promise<void> {
  await page.activity.closeAll();
  await expect(page.locator('.jp-swot-viewer')).toHaveCount(0);
}

/** Show `folder` in the file browser (galata's openDirectory does not always leave a sub-folder here). */
async function goTo(page: IJupyterLabPageFixture, folder: string): Promise<void> {
  await page.evaluate(async p => {
    await (window as any).jupyterapp.commands.execute('filebrowser:go-to-path', { path: p });
  }, `/${folder}`);
  await expect(page.locator('.jp-FileBrowser .jp-BreadCrumbs')).toContainText(`/${folder}/`);
  await page.waitForTimeout(200);
}

/** Open `name` from the folder the file browser shows. */
async function openNetcdf(page: IJupyterLabPageFixture, name: string) {
  await page.locator('.jp-DirListing-item', { hasText: name }).dblclick();
  const viewer = page.locator('.jp-swot-viewer');
  await expect(viewer).toBeVisible();
  return viewer;
}

async function openZarr(page: IJupyterLabPageFixture, name: string) {
  await page.locator('.jp-DirListing-item[data-isdir="true"]', { hasText: name }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Open in SWOT Viewer' }).click();
  const viewer = page.locator('.jp-swot-viewer');
  await expect(viewer).toBeVisible();
  return viewer;
}

test.describe('SWOT viewer reads in place', () => {
  test.skip(!fs.existsSync(L3_DIR) || !fs.existsSync(REAL_L3), 'sample data or the real L3 file missing');

  test('read-only folder and a symlinked archive outside the root: draws, writes nothing, says what is wrong', async ({ page }) => {
    test.setTimeout(300000);
    const id = `inplace-${Date.now()}`;
    const readOnly = `${id}-ro`;
    const archive = `${id}-archive`;
    fillFolder(path.join(serverRoot(), readOnly));
    fillFolder(path.join(dataRoot(), archive));
    fs.symlinkSync(path.join(dataRoot(), archive), path.join(serverRoot(), archive));
    fs.mkdirSync(path.join(privateDir(), 'p.zarr'), { recursive: true });
    fs.writeFileSync(path.join(privateDir(), 'p.zarr', 'zarr.json'), '{"zarr_format":3,"node_type":"group"}');
    fs.symlinkSync(privateDir(), path.join(serverRoot(), `${id}-private`));
    const before = [listing(serverRoot()), listing(dataRoot())];

    // Every byte the browser (page and workers) asks of the .nc files.
    const ncRequests: Array<{ url: string; method: string; range?: string }> = [];
    page.context().on('request', request => {
      if (/\/swot\/files\/.*\.nc/.test(request.url()) || /\/files\/.*\.nc/.test(request.url())) {
        ncRequests.push({ url: request.url(), method: request.method(), range: request.headers()['range'] });
      }
    });

    for (const folder of [readOnly, archive]) {
      await goTo(page, folder);
      await test.step(`netCDF in ${folder}`, async () => {
        const viewer = await openNetcdf(page, 'pass.nc');
        await expect(viewer.locator('.jp-swot-swath')).toHaveAttribute('data-state', 'drawn', { timeout: 90000 });
        await expect(viewer.locator('.jp-swot-viewer-variable')).toHaveValue('ssha_filtered');
        await expect(viewer.locator('.jp-swot-dims')).toContainText('num_lines9860');
        await closeAll(page);
      });
      await test.step(`Zarr in ${folder}`, async () => {
        const viewer = await openZarr(page, 'agulhas.zarr');
        await expect(viewer.locator('.jp-swot-swath')).toHaveAttribute('data-state', 'drawn', { timeout: 90000 });
        await expect(viewer.locator('.jp-swot-viewer-variable')).toHaveValue('ssha_filtered');
        await closeAll(page);
      });
      await test.step(`truncated netCDF in ${folder}`, async () => {
        const full = fs.statSync(REAL_L3).size;
        const viewer = await openNetcdf(page, 'truncated.nc');
        const status = viewer.locator('.jp-swot-viewer-status');
        await expect(status).toHaveText(
          `${folder}/truncated.nc: truncated netCDF4/HDF5 file (${Math.floor(full / 2)} bytes on disk, its superblock says ${full}); download or copy it again`,
          { timeout: 30000 }
        );
        await expect(status).toHaveClass(/jp-mod-error/);
        await closeAll(page);
      });
      await test.step(`corrupt netCDF in ${folder}`, async () => {
        const viewer = await openNetcdf(page, 'corrupt.nc');
        const status = viewer.locator('.jp-swot-viewer-status');
        await expect(status).toContainText(`${folder}/corrupt.nc: corrupt netCDF4/HDF5 file (`, { timeout: 30000 });
        await expect(status).not.toContainText('name not defined');
        if (process.env.SWOT_UI_DEBUG) {
          console.log(await status.textContent());
        }
        await closeAll(page);
      });
    }

    await test.step('a store outside every allowed root: the server says why and what to do', async () => {
      await goTo(page, `${id}-private`);
      const viewer = await openZarr(page, 'p.zarr');
      const status = viewer.locator('.jp-swot-viewer-status');
      await expect(status).toContainText(`${id}-private/p.zarr: resolves to ${fs.realpathSync(privateDir())}/p.zarr, outside every folder this server may read`, {
        timeout: 30000
      });
      await expect(status).toContainText(fs.realpathSync(dataRoot()));
      await expect(status).toContainText('ask the administrator to add the folder to c.Swot.data_roots');
      await expect(status).not.toContainText('not valid JSON');
      await closeAll(page);
    });

    // The .nc files were read by byte range from the read-only route, never whole, never via /files/.
    const size = fs.statSync(REAL_L3).size;
    const reads = ncRequests.filter(r => r.method === 'GET');
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.filter(r => !r.url.includes('/swot/files/'))).toEqual([]);
    expect(reads.filter(r => r.range === undefined)).toEqual([]);
    for (const r of reads) {
      const [, a, b] = /bytes=(\d+)-(\d+)/.exec(r.range!)!;
      expect(Number(b) - Number(a) + 1).toBeLessThan(size);
    }

    // Nothing was created, removed or changed under the server root and the data root.
    await page.waitForTimeout(1000);
    const after = [listing(serverRoot()), listing(dataRoot())];
    expect(after).toEqual(before);
    expect(after.flat().filter(line => line.includes(id) && line.includes('.ipynb_checkpoints'))).toEqual([]);
  });

  test('the first map of the sample L3 store, read in place from a data root', async ({ page }) => {
    test.skip(!fs.existsSync(SAMPLE_L3_STORE), `no sample store ${SAMPLE_L3_STORE}`);
    const link = `sample-zarr-${Date.now()}`;
    fs.symlinkSync(path.dirname(SAMPLE_L3_STORE), path.join(serverRoot(), link));
    await goTo(page, link);
    const viewer = await openZarr(page, 'L3_LR_SSH_Expert.zarr');
    const map = viewer.locator('.jp-swot-swath');
    await expect(map).toHaveAttribute('data-state', 'drawn', { timeout: 120000 });
    await expect(viewer.locator('.jp-swot-viewer-variable')).toHaveValue('ssha_filtered');
    await expect(map.locator('.colorbar')).toBeVisible();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'viewer-l3-store.png') });
  });

  test('a netCDF file with groups (the 250 m Unsmoothed pass) is drawn from byte ranges, never read whole', async ({ page }) => {
    test.skip(!fs.existsSync(UNSMOOTHED_DIR), `no sample Unsmoothed pass in ${UNSMOOTHED_DIR}`);
    test.setTimeout(300000);
    const name = fs.readdirSync(UNSMOOTHED_DIR).find(f => f.endsWith('.nc'))!;
    const size = fs.statSync(path.join(UNSMOOTHED_DIR, name)).size;
    const link = `sample-unsmoothed-${Date.now()}`;
    fs.symlinkSync(UNSMOOTHED_DIR, path.join(serverRoot(), link));
    const ranges: Array<{ status: number; bytes: number; range?: string }> = [];
    page.context().on('response', async response => {
      if (response.url().includes(`/swot/files/${link}/`) && response.request().method() === 'GET') {
        ranges.push({ status: response.status(), bytes: Number(response.headers()['content-length']), range: response.request().headers()['range'] });
      }
    });
    await goTo(page, link);
    const viewer = await openNetcdf(page, name);
    await expect(viewer.locator('.jp-swot-swath')).toHaveAttribute('data-state', 'drawn', { timeout: 240000 });
    const read = ranges.reduce((sum, r) => sum + r.bytes, 0);
    console.log(`${name}: ${size} bytes on disk, ${read} read in ${ranges.length} range requests`);
    expect(ranges.length).toBeGreaterThan(0);
    expect(ranges.every(r => r.status === 206 && r.range !== undefined)).toBe(true);
    expect(read).toBeLessThan(size / 2);
  });
});
