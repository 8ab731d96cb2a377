/**
 * show() end to end on the real files: the bundle (interactive payload,
 * static PNG, text summary), options, levels of detail, errors, and the
 * tslab display bridge.
 */
import Module from 'node:module';
import { resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { MissingVariableError, UsageError } from '../../core';
import { decodePayload, SWATH_MIME, SwathLayer } from '../../core/render';
import { REAL_L3, REAL_L4 } from '../../testing/shared-data';
import { open } from '../open';
import { show } from '../show';

const inflate = (b: Uint8Array) => new Uint8Array(inflateSync(b));

function pngSize(base64: string): [number, number] {
  const png = Buffer.from(base64, 'base64');
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('show', () => {
  jest.setTimeout(60000);

  it('returns the bundle outside a notebook: payload, PNG and text summary of the real L3 pass', async () => {
    const ds = await open(REAL_L3);
    const bundle = (await show(ds, 'ssha_filtered'))!;
    expect(Object.keys(bundle).sort()).toEqual([SWATH_MIME, 'image/png', 'text/plain'].sort());
    expect(bundle['text/plain']).toContain('<swot.show> ssha_filtered [m]');
    expect(bundle['text/plain']).toContain('680340 points (726 with a value)');
    expect(bundle['text/plain']).toContain('c26/p165');
    const [w, h] = pngSize(bundle['image/png']!);
    expect(w).toBeGreaterThan(700);
    expect(h).toBeGreaterThan(250);
    const scene = await decodePayload(JSON.parse(JSON.stringify(bundle[SWATH_MIME])), inflate);
    const layer = scene.layers[0] as SwathLayer;
    expect([layer.lines, layer.pixels, layer.cycle, layer.pass]).toEqual([9860, 69, 26, 165]);
    expect(scene.variable).toEqual({ name: 'ssha_filtered', units: 'm', longName: expect.any(String) });
    // The extent is around the 726 nadir values, not the whole pass.
    expect(scene.extent.y1).toBeLessThan(40);
    ds.close();
  });

  it('draws an L4 grid, masking netCDF default fill values when the file has no _FillValue', async () => {
    const ds = await open(REAL_L4);
    const bundle = (await show(ds, 'adt', { cmap: 'viridis', clim: [-1, 1.5], grid: false, title: 'ADT' }))!;
    const payload = bundle[SWATH_MIME];
    expect(payload).toMatchObject({ colormap: 'viridis', clim: [-1, 1.5], climSource: 'fixed', grid: false, title: 'ADT' });
    const scene = await decodePayload(payload, inflate);
    const values = scene.layers[0].value;
    let valid = 0;
    let max = -Infinity;
    for (const v of values) {
      if (v === v) {
        valid++;
        max = Math.max(max, Math.abs(v));
      }
    }
    expect(values.length).toBe(720 * 1440);
    expect(valid).toBeGreaterThan(500000);
    expect(valid).toBeLessThan(720 * 1440);
    expect(max).toBeLessThan(3);
    ds.close();
  });

  it('reduces to a level of detail under maxPoints, and says so', async () => {
    const ds = await open(REAL_L3);
    const bundle = (await show(ds, 'ssha_filtered', { maxPoints: 100000, png: false }))!;
    expect(bundle['image/png']).toBeUndefined();
    const layer = bundle[SWATH_MIME].layers[0] as { lines: number; pixels: number; lineStep: number };
    expect(layer).toMatchObject({ lines: Math.ceil(9860 / 3), pixels: 23, lineStep: 3 });
    expect(bundle['text/plain']).toContain('level of detail 1/3 per axis from 680340 points');
    // Where the native points are, for the browser's zoom to native resolution: the file's absolute path.
    expect(bundle[SWATH_MIME].layers[0]).toMatchObject({
      source: { path: resolve(REAL_L3), format: 'netcdf4', variable: 'ssha_filtered', lines: [0, 9860], pixels: [0, 69], factor: 3 }
    });
    const quiet = (await show(ds, 'ssha_filtered', { maxPoints: 100000, png: false, native: false }))!;
    expect(quiet[SWATH_MIME].layers[0]).not.toHaveProperty('source');
    const full = (await show(ds, 'ssha_filtered', { png: false }))!;
    expect(full[SWATH_MIME].layers[0]).not.toHaveProperty('source');
    ds.close();
  });

  it('draws a selection and arrows from the matching velocities', async () => {
    const ds = await open(REAL_L3);
    const sel = await ds.select({ variables: ['ssha_filtered', 'ugosa_filtered', 'vgosa_filtered'], bbox: [30, -60, 45, -20] });
    const bundle = (await show(sel, 'ssha_filtered', { vectors: true, png: false }))!;
    const layer = bundle[SWATH_MIME].layers[0];
    expect(layer.vectors).toBeDefined();
    expect(bundle[SWATH_MIME].vectorUnits).toBe('m/s');
    ds.close();
  });

  it('draws several datasets as several layers', async () => {
    const a = await open(REAL_L3);
    const b = await open(REAL_L3);
    const bundle = (await show([a, b], 'ssha_filtered', { png: false }))!;
    expect(bundle[SWATH_MIME].layers).toHaveLength(2);
    a.close();
    b.close();
  });

  it('rejects what it cannot draw with typed errors', async () => {
    const ds = await open(REAL_L3);
    await expect(show(ds, 'no_such_variable')).rejects.toBeInstanceOf(MissingVariableError);
    await expect(show(ds, 'ssha_filtered', { cmap: 'jet' })).rejects.toBeInstanceOf(UsageError);
    await expect(show(ds, 'ssha_filtered', { clim: [1, 0] })).rejects.toThrow(/vmin < vmax/);
    await expect(show(ds, 'i_num_line')).rejects.toBeInstanceOf(UsageError);
    await expect(show(ds, '')).rejects.toBeInstanceOf(UsageError);
    ds.close();
  });

  it('says that all values are missing (real L3 mdt), with no colour bar and no limits', async () => {
    const ds = await open(REAL_L3);
    const bundle = (await show(ds, 'mdt'))!;
    const text = bundle['text/plain'];
    expect(text).toContain('all 680,340 values of mdt are missing (fill or NaN)');
    expect(text).not.toContain('limits');
    expect(text).not.toContain('colour map');
    const payload = bundle[SWATH_MIME];
    expect(payload).toMatchObject({ clim: null, climSource: 'none', empty: 'all 680,340 values of mdt are missing (fill or NaN)' });
    const scene = await decodePayload(JSON.parse(JSON.stringify(payload)), inflate);
    expect(scene.clim).toBeNull();
    expect(scene.empty).toBe(payload.empty);
    // The PNG is as wide as a figure without a colour bar over the same extent (latitude has a value everywhere).
    const noBar = (await show(ds, 'latitude', { colorbar: false }))!;
    const withBar = (await show(ds, 'latitude'))!;
    expect(pngSize(bundle['image/png']!)).toEqual(pngSize(noBar['image/png']!));
    expect(pngSize(withBar['image/png']!)[0]).toBeGreaterThan(pngSize(noBar['image/png']!)[0]);
    // Counted before the level of detail.
    const reduced = (await show(ds, 'mdt', { maxPoints: 100000, png: false }))!;
    expect(reduced[SWATH_MIME].empty).toBe('all 680,340 values of mdt are missing (fill or NaN)');
    ds.close();
  });

  it('says why an empty selection has nothing to draw, and what the dataset holds (real L3)', async () => {
    const ds = await open(REAL_L3);
    const sel = await ds.select({ variables: ['ssha_filtered'], cycles: 99 });
    const bundle = (await show(sel, 'ssha_filtered'))!;
    const message = bundle[SWATH_MIME].empty!;
    expect(message).toMatch(
      /^nothing to draw: the selection has 0 lines \(no line matches cycles 99; the dataset holds 9,860 lines: cycle 26; pass 165; time 2024-12-29T16:5.* to 2024-12-29T17:4.*\)$/
    );
    expect(bundle['text/plain'].split('\n')[1]).toBe(message);
    expect(bundle['text/plain']).not.toContain('limits');
    expect(bundle[SWATH_MIME].clim).toBeNull();
    expect(pngSize(bundle['image/png']!)[0]).toBeGreaterThan(700);
    // A fixed clim asked for is not drawn either: there is nothing to colour.
    const fixed = (await show(sel, 'ssha_filtered', { clim: [-0.2, 0.2], png: false }))!;
    expect(fixed[SWATH_MIME].clim).toBeNull();
    ds.close();
  });

  it('sends the whole bundle through tslab inside a notebook and returns nothing', async () => {
    const key = '/fake/node_modules/tslab/dist/jupyter.js';
    const writes: Array<{ data: Record<string, unknown> }> = [];
    let cache: Record<string, unknown> = {};
    // Node's module cache, where the running tslab kernel's module lives.
    cache = (Module as unknown as { _cache: Record<string, unknown> })._cache;
    cache[key] = { exports: { lastWriteDisplayData: (b: { data: Record<string, unknown> }) => writes.push(b) } };
    try {
      const ds = await open(REAL_L3);
      expect(await show(ds, 'ssha_filtered', { png: false })).toBeUndefined();
      expect(writes).toHaveLength(1);
      expect(Object.keys(writes[0].data).sort()).toEqual([SWATH_MIME, 'text/plain']);
      // display: false returns the bundle even in a notebook.
      expect(await show(ds, 'ssha_filtered', { png: false, display: false })).toBeDefined();
      expect(writes).toHaveLength(1);
      ds.close();
    } finally {
      delete cache[key];
    }
  });
});
