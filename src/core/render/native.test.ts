/**
 * Zoom to native resolution, the pure part: which native lines and pixels a
 * zoomed view of a reduced layer needs, and the refined scene drawing them in
 * place of the block means they replace (tiling exactly, nothing drawn twice).
 */
import { reduceSwath } from './lod';
import { nativeWindow, nativeWindows, refineScene, windowContains } from './native';
import { rasterize } from './rasterize';
import { Scene, SwathLayer } from './scene';

// A 60 x 24 native swath on a 0.01 degree lattice; the value names its line and pixel.
const LINES = 60;
const PIXELS = 24;
const F = 4;
const lonAt = (i: number, j: number) => 10 + j * 0.01;
const latAt = (i: number, j: number) => 40 + i * 0.01;
const valueAt = (i: number, j: number) => i * 1000 + j;

function native(l: [number, number], p: [number, number]) {
  const lines = l[1] - l[0];
  const pixels = p[1] - p[0];
  const lon = new Float64Array(lines * pixels);
  const lat = new Float64Array(lines * pixels);
  const value = new Float32Array(lines * pixels);
  for (let i = 0; i < lines; i++) {
    for (let j = 0; j < pixels; j++) {
      lon[i * pixels + j] = lonAt(l[0] + i, p[0] + j);
      lat[i * pixels + j] = latAt(l[0] + i, p[0] + j);
      value[i * pixels + j] = valueAt(l[0] + i, p[0] + j);
    }
  }
  return { lines, pixels, lon, lat, value };
}

function reducedScene(): Scene {
  const r = reduceSwath(native([0, LINES], [0, PIXELS]), F);
  const layer: SwathLayer = {
    kind: 'swath',
    ...r,
    value: r.value,
    line0: 100,
    pixel0: 0,
    lineStep: F,
    pixelStep: F,
    label: 'left',
    source: { path: '/data/pass.nc', format: 'netcdf4', group: 'left', variable: 'ssh_karin_2', lines: [100, 100 + LINES], pixels: [0, PIXELS], factor: F }
  };
  return { layers: [layer], variable: { name: 'ssh_karin_2' }, extent: { x0: 10, x1: 10.24, y0: 40, y1: 40.6 }, clim: [0, 60000] } as unknown as Scene;
}

describe('nativeWindow', () => {
  it('covers the view with whole blocks, in the file numbering of the layer', () => {
    const scene = reducedScene();
    const view = { x0: 10.085, x1: 10.115, y0: 40.205, y1: 40.295 };
    const w = nativeWindow(scene.layers[0], 0, view)!;
    expect(w.lines[0] % F).toBe(0);
    expect(w.pixels[0] % F).toBe(0);
    // The native points in the view are inside the window (file lines = 100 + native line).
    expect(w.lines[0]).toBeLessThanOrEqual(100 + 20);
    expect(w.lines[1]).toBeGreaterThanOrEqual(100 + 30);
    expect(w.pixels[0]).toBeLessThanOrEqual(8);
    expect(w.pixels[1]).toBeGreaterThanOrEqual(12);
    // Stays small: a view of 3 x 9 native points needs far fewer than the whole swath.
    expect(w.points).toBeLessThan((LINES * PIXELS) / 4);
    expect(w.reduced.lines).toEqual([(w.lines[0] - 100) / F, Math.ceil((w.lines[1] - 100) / F)]);
    expect(w.reduced.pixels).toEqual([w.pixels[0] / F, Math.ceil(w.pixels[1] / F)]);
    expect(w.points).toBe((w.lines[1] - w.lines[0]) * (w.pixels[1] - w.pixels[0]));
  });

  it('is undefined away from the swath and for layers that are not reduced or have no source', () => {
    const scene = reducedScene();
    expect(nativeWindow(scene.layers[0], 0, { x0: 50, x1: 51, y0: 0, y1: 1 })).toBeUndefined();
    const { source, ...unsourced } = scene.layers[0] as SwathLayer;
    expect(source).toBeDefined();
    expect(nativeWindow(unsourced as SwathLayer, 0, { x0: 10, x1: 10.2, y0: 40, y1: 40.2 })).toBeUndefined();
    expect(nativeWindows({ ...scene, layers: [unsourced as SwathLayer] }, { x0: 10, x1: 10.2, y0: 40, y1: 40.2 })).toEqual([]);
  });

  it('knows a window inside one already read', () => {
    const scene = reducedScene();
    const big = nativeWindow(scene.layers[0], 0, { x0: 10.02, x1: 10.2, y0: 40.1, y1: 40.5 })!;
    const small = nativeWindow(scene.layers[0], 0, { x0: 10.09, x1: 10.11, y0: 40.25, y1: 40.27 })!;
    expect(windowContains(big, small)).toBe(true);
    expect(windowContains(small, big)).toBe(false);
  });
});

describe('refineScene', () => {
  it('draws the native points in the window and the block means elsewhere, each pixel from one point only', () => {
    const scene = reducedScene();
    const view = { x0: 10.0, x1: 10.235, y0: 40.0, y1: 40.595 };
    const w = nativeWindow(scene.layers[0], 0, { x0: 10.085, x1: 10.115, y0: 40.205, y1: 40.295 })!;
    const data = native([w.lines[0] - 100, w.lines[1] - 100], w.pixels);
    const refined = refineScene(scene, [{ window: w, data }]);
    expect(refined.layers).toHaveLength(2);
    expect(scene.layers[0]).not.toHaveProperty('skip');
    const top = refined.layers[1] as SwathLayer;
    expect([top.line0, top.pixel0, top.lineStep, top.pixelStep, top.label]).toEqual([w.lines[0], w.pixels[0], 1, 1, 'left']);

    const raster = rasterize(refined.layers, view, 240, 600);
    let nativeDrawn = 0;
    let reducedDrawn = 0;
    let wrong = 0;
    for (let p = 0; p < raster.layer.length; p++) {
      const id = raster.layer[p];
      if (id < 0) continue;
      const k = raster.index[p];
      if (id === 1) {
        // The value drawn is the native point's own (its line and pixel in the file).
        const line = top.line0 + Math.floor(k / top.pixels) - 100;
        const pixel = top.pixel0 + (k % top.pixels);
        if (raster.value[p] !== valueAt(line, pixel)) wrong++;
        nativeDrawn++;
      } else {
        // A block mean outside the window: its block is not one the window replaces.
        const layer = refined.layers[0] as SwathLayer;
        const a = Math.floor(k / layer.pixels);
        const b = k % layer.pixels;
        const inside = a >= w.reduced.lines[0] && a < w.reduced.lines[1] && b >= w.reduced.pixels[0] && b < w.reduced.pixels[1];
        if (inside) wrong++;
        reducedDrawn++;
      }
    }
    expect(wrong).toBe(0);
    expect(nativeDrawn).toBeGreaterThan(0);
    expect(reducedDrawn).toBeGreaterThan(0);
  });

  it('refuses data that do not match their window', () => {
    const scene = reducedScene();
    const w = nativeWindow(scene.layers[0], 0, { x0: 10.085, x1: 10.115, y0: 40.205, y1: 40.295 })!;
    const data = native([w.lines[0] - 100, w.lines[1] - 99], w.pixels);
    expect(() => refineScene(scene, [{ window: w, data }])).toThrow(RangeError);
  });
});
