/**
 * Helpers of the swath-display flows (galata specs and bench/zoom.spec.ts):
 * a one-cell tslab notebook, page coordinates of a longitude/latitude on the
 * plot, a drag-to-zoom box, and a native window of a file read by xarray (the
 * project's .venv) to check what the display shows against.
 */
import { expect, IJupyterLabPageFixture } from '@jupyterlab/galata';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

type Page = import('@playwright/test').Page;
type Locator = import('@playwright/test').Locator;

const ROOT = path.resolve(__dirname, '..', '..', '..');
const PYTHON = path.join(process.env.SWOT_VENV || path.join(ROOT, '.venv'), 'bin', 'python');

/** Native window read by xarray: lines [l0, l1) x pixels [p0, p1) of a group. */
export interface Truth {
  l0: number;
  p0: number;
  lat: number[][];
  lon: number[][];
  value: (number | null)[][];
}

export function truth(file: string, group: string, l0: number, l1: number, p0: number, p1: number): Truth {
  const script = `
import json, sys, numpy as np, xarray as xr
f, g, l0, l1, p0, p1 = sys.argv[1], sys.argv[2], *map(int, sys.argv[3:7])
ds = xr.open_dataset(f, group=g)
sl = dict(num_lines=slice(l0, l1), num_pixels=slice(p0, p1))
arr = lambda n: ds[n].isel(**sl).values.astype(float)
v = arr("ssh_karin_2")
print(json.dumps({"l0": l0, "p0": p0, "lat": arr("latitude").tolist(), "lon": arr("longitude").tolist(),
                  "value": [[None if np.isnan(x) else float(x) for x in row] for row in v]}))
`;
  return JSON.parse(execFileSync(PYTHON, ['-c', script, file, group, String(l0), String(l1), String(p0), String(p1)], { encoding: 'utf8' }));
}

export function notebook(code: string): string {
  return JSON.stringify({
    cells: [{ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: code }],
    metadata: { kernelspec: { display_name: 'TypeScript', language: 'typescript', name: 'tslab' }, language_info: { name: 'typescript' } },
    nbformat: 4,
    nbformat_minor: 5
  });
}

/** Page coordinates of (lon, lat) on the plot (longitude taken into the axis' frame). */
export async function toPage(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([lon, lat]) => {
      const gd = document.querySelector('.jp-swot-swath-plot') as HTMLElement & { _fullLayout: any };
      const { xaxis, yaxis, _size } = gd._fullLayout;
      const rect = gd.getBoundingClientRect();
      const [x0, x1] = xaxis.range;
      const [y0, y1] = yaxis.range;
      const x = lon - 360 * Math.round((lon - (x0 + x1) / 2) / 360);
      return { x: rect.left + _size.l + ((x - x0) / (x1 - x0)) * _size.w, y: rect.top + _size.t + ((y1 - lat) / (y1 - y0)) * _size.h };
    },
    [lon, lat]
  );
}

/** Drag a zoom box from (lonA, latA) to (lonB, latB). */
export async function zoomBox(page: Page, lonA: number, latA: number, lonB: number, latB: number): Promise<void> {
  const a = await toPage(page, lonA, latA);
  const b = await toPage(page, lonB, latB);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 });
  await page.mouse.move(b.x, b.y, { steps: 4 });
  await page.mouse.up();
}


/**
 * A notebook `name` in the test's folder of the server root whose one cell opens `file` and
 * show()s `variable` reduced to `maxPoints`, run in the tslab kernel: the display once drawn.
 */
export async function showInNotebook(page: IJupyterLabPageFixture, tmpPath: string, name: string, file: string, variable: string, maxPoints: number): Promise<Locator> {
  const dir = path.join(process.env.SWOT_UI_ROOT!, tmpPath);
  fs.mkdirSync(dir, { recursive: true });
  const code = ['import * as swot from "jupyterlab-swot/kernel";', `const ds = await swot.open(${JSON.stringify(file)});`, `await swot.show(ds, ${JSON.stringify(variable)}, { maxPoints: ${maxPoints} });`].join('\n');
  fs.writeFileSync(path.join(dir, name), notebook(code));
  await page.notebook.openByPath(`${tmpPath}/${name}`);
  await page.notebook.run();
  const widget = page.locator('.jp-OutputArea-output .jp-swot-swath');
  await expect(widget).toHaveAttribute('data-state', 'drawn', { timeout: 60000 });
  return widget;
}
